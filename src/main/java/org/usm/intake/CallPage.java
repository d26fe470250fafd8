package org.usm.intake;

import java.time.Instant;
import java.util.List;

/** A page of the call list ({@code GET /api/calls}), newest first; {@code page} counts from 0. */
public record CallPage(int page, int size, long total, List<Summary> calls) {

  /** A call as the list shows it; {@code closedAt} is null while it is open. */
  public record Summary(String trackingNumber, String type, String serviceId, String serviceName, String pattern,
      String predictedPattern, String status, String summary, String requester, Instant registeredAt,
      Instant slaDueDate, Instant slaBreachedAt, Instant closedAt) {}
}
