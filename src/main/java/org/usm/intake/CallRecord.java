package org.usm.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A call as the call register keeps it. {@code pattern} is the pattern the call follows now;
 * {@code predictedPattern} the one intake predicted, different after a re-route; {@code closedAt} when its
 * workflow reached its closing end event (null while open, and for a cancelled call); {@code reference} the
 * call's number at the organisation that handed it over through a link, else null; {@code outcome} the exit
 * its entry process took and why, else null; {@code raisedBy} the finder of a risk the improvement loop
 * raised, else null; {@code reclassifiedAs} the call that goes on in its place when an accept step reclassified it,
 * else null; {@code confirmation} the customer's latest verdict on a delivery, else null.
 */
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
    String parentTrackingNumber,
    String predictedPattern,
    Instant slaBreachedAt,
    Cancellation cancellation,
    List<String> concernedComponents,
    List<String> changedComponents,
    Instant closedAt,
    String description,
    String reference,
    String outcome,
    String raisedBy,
    String reclassifiedAs,
    Confirmation confirmation) {

  /** Who ended the call's workflow before it closed, when and why; null for a call that was not cancelled. */
  public record Cancellation(Instant at, String by, String reason) {}

  /**
   * The customer's verdict on a delivery (DESIGN §14): accepted or not, the comment, when and by whom; the
   * review task it answers identifies the delivery, so that the verdict is given once per delivery.
   */
  public record Confirmation(boolean accepted, String comment, Instant at, String by,
      @JsonIgnore String reviewTaskId) {}
}
