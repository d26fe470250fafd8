package org.usm.link;

import java.time.Instant;

/**
 * A call a step handed to a link of its service, as the consumer keeps it ({@code usm_linked_call}): where
 * it came from (call, process, step, task), where it went (link, provider's service, the provider's
 * tracking number once registered), what the provider last reported and the link's agreement
 * ({@code dueAt}). The id is the idempotency key of its delivery.
 */
public record LinkedCall(
    String id,
    String trackingNumber,
    String processKey,
    String processInstanceId,
    String step,
    String taskId,
    String serviceId,
    String linkId,
    String linkName,
    String providerServiceId,
    boolean external,
    String type,
    String priority,
    String summary,
    String requestedBy,
    Instant requestedAt,
    Instant dueAt,
    String providerTrackingNumber,
    LinkStatus status,
    Instant statusAt,
    String message,
    String secretHash,
    Instant heardAt,
    Instant breachedAt,
    Instant finishedAt) {

  /** Late against the link's agreement at {@code now}: still open after its due time, or finished after it. */
  public boolean isLateAt(Instant now) {
    Instant end = finishedAt != null ? finishedAt : now;
    return end.isAfter(dueAt);
  }

  /** How the link, the provider's number and status read in one line, for forms and messages. */
  public String describe() {
    return "link '" + linkId + "' (" + linkName + ") "
        + (providerTrackingNumber == null ? "not yet registered" : providerTrackingNumber) + ": " + status.label()
        + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
