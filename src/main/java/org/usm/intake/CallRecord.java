package org.usm.intake;

import java.time.Instant;

/** A call as the call register keeps it. */
public record CallRecord(
    String trackingNumber,
    String serviceId,
    String type,
    String pattern,
    CallStatus status,
    String summary,
    String requester,
    String registeredBy,
    Instant registeredAt,
    Instant slaDueAt,
    String processInstanceId,
    String parentTrackingNumber) {}
