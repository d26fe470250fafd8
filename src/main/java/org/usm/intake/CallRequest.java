package org.usm.intake;

/**
 * A call as a requester or service desk registers it over {@code POST /api/calls}; {@code description}
 * and {@code reference} (the call's number at the organisation that handed it over, TMF621's external
 * reference) are optional.
 */
public record CallRequest(
    String serviceId,
    String type,
    String summary,
    String requester,
    String impact,
    String urgency,
    String effect,
    String likelihood,
    String pattern,
    String description,
    String reference) {

  /** A call without description or reference. */
  public CallRequest(String serviceId, String type, String summary, String requester, String impact, String urgency,
      String effect, String likelihood, String pattern) {
    this(serviceId, type, summary, requester, impact, urgency, effect, likelihood, pattern, null, null);
  }

  /** The same call for another requester. */
  public CallRequest withRequester(String other) {
    return new CallRequest(serviceId, type, summary, other, impact, urgency, effect, likelihood, pattern, description,
        reference);
  }
}
