package org.usm.intake;

/** A call as a requester or service desk registers it over {@code POST /api/calls}. */
public record CallRequest(
    String serviceId,
    String type,
    String summary,
    String requester,
    String impact,
    String urgency,
    String effect,
    String likelihood,
    String pattern) {}
