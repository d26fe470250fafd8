package org.usm.link;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code usm.links.*}: how this installation reaches the others it is linked with.
 *
 * @param publicUrl the address other installations reach this one at, for their status reports; by
 *     default this host on the server's port
 * @param dispatchEnabled whether hand-overs, status reports, pulls and the links' agreements are worked in
 *     the background (tests drive them by hand)
 * @param dispatchInterval how often the background looks for work
 * @param retryBase the wait after the first failed attempt, doubled after each further one
 * @param retryMax the longest wait between two attempts
 * @param failingAfter after so many failed attempts a delivery shows as failing
 * @param pullAfter an open linked call not heard of for this long is asked for its status
 * @param timeout how long one request to another installation may take
 */
@ConfigurationProperties("usm.links")
public record LinkSettings(
    String publicUrl,
    @DefaultValue("true") boolean dispatchEnabled,
    @DefaultValue("PT1S") Duration dispatchInterval,
    @DefaultValue("PT2S") Duration retryBase,
    @DefaultValue("PT5M") Duration retryMax,
    @DefaultValue("5") int failingAfter,
    @DefaultValue("PT10M") Duration pullAfter,
    @DefaultValue("PT10S") Duration timeout) {}
