package org.usm.link;

import org.usm.language.Language;
import org.usm.language.Phrase;

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

  private static final Phrase LINE = new Phrase("link '%s' (%s) %s: %s", "schakel '%s' (%s) %s: %s");
  private static final Phrase NOT_YET_REGISTERED = new Phrase("not yet registered", "nog niet geregistreerd");

  /** How the link, the provider's number and status read in one line, in English: for the trail. */
  public String describe() {
    return describe(Language.EN);
  }

  /** The same line in a language: for the form of the step that handed the work over. */
  public String describe(Language language) {
    return LINE.in(language, linkId, linkName,
        providerTrackingNumber == null ? NOT_YET_REGISTERED.in(language) : providerTrackingNumber,
        status.shown(language)) + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
