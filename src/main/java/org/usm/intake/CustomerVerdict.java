package org.usm.intake;

import static org.usm.intake.CallRejectedException.Reason.CONFLICT;
import static org.usm.intake.CallRejectedException.Reason.FORBIDDEN;
import static org.usm.intake.CallRejectedException.Reason.INVALID;

import java.time.Instant;
import java.util.Set;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowPattern;

/**
 * The customer's verdict on a delivery (DESIGN §14, book l.620–628): once the work is delivered, the call's
 * requester says whether it gives what they asked for. Plain Java over the call, its delivery and the request,
 * so that every refusal is testable without a server.
 *
 * <p>One verdict per delivery: a delivery is a review of the call's entry process (its review task). The verdict
 * is given while that review is open, or after it accepted the delivery until the call closes; once given it
 * stands, so the coordinator who reviews never sees it change under their hands and the trail says one thing.
 * When the review sends the work back, the next delivery opens a new review and asks the customer again.
 */
public final class CustomerVerdict {

  private CustomerVerdict() {}

  /** {@code POST /api/calls/{trackingNumber}/confirmation}: {@code accepted} required, a comment when not. */
  public record Request(Boolean accepted, String comment) {}

  /**
   * A delivery that waits for the customer's verdict: the review task of the call's entry process ({@code step})
   * that is {@code open}, or the last one when it accepted the delivery; the process instance it is in.
   */
  public record Delivery(String reviewTaskId, Step step, String processInstanceId, String processKey,
      boolean open) {}

  public static final int MAX_COMMENT = 1000;

  /** Statuses of a call that has ended: no verdict is given any more. */
  static final Set<CallStatus> ENDED = Set.of(CallStatus.CLOSED, CallStatus.WITHDRAWN, CallStatus.CANCELLED,
      CallStatus.RECLASSIFIED);

  /** The verdict as the review step's form and the review task's description show it. */
  public static final Phrase ACCEPTED = new Phrase("ACCEPTED by the customer", "AKKOORD volgens de aanvrager");
  public static final Phrase NOT_ACCEPTED = new Phrase("NOT ACCEPTED by the customer",
      "NIET AKKOORD volgens de aanvrager");
  /** While the open review's delivery has no verdict. */
  public static final Phrase NO_VERDICT = new Phrase("No verdict yet", "Nog geen oordeel van de aanvrager");
  /** On the review of a secondary process: the customer judges the call as a whole, at its entry process. */
  public static final Phrase AT_CALL_REVIEW = new Phrase("The customer gives their verdict at the call's review (%s)",
      "Het oordeel van de aanvrager wordt gevraagd bij de beoordeling van de melding als geheel (%s)");

  /**
   * The verdict of {@code userId} on the call's delivery, or a refusal naming the field and the rule; nothing
   * is stored here.
   *
   * @param delivery the delivery waiting for a verdict, null when the work is not delivered
   */
  public static CallRecord.Confirmation decide(String userId, CallRecord call, Delivery delivery, Request request,
      Instant now) {
    if (!call.requester().equals(userId)) {
      throw new CallRejectedException(FORBIDDEN, null, "only the call's requester (" + call.requester() + ") gives "
          + "the customer's verdict on " + call.trackingNumber());
    }
    if (request == null || request.accepted() == null) {
      throw new CallRejectedException(INVALID, "accepted", "accepted is required: true when the delivery gives "
          + "what was asked for, false when it does not");
    }
    String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
    if (!request.accepted() && comment == null) {
      throw new CallRejectedException(INVALID, "comment", "comment is required when the delivery is not accepted: "
          + "say what is missing, so that the work can be put right");
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new CallRejectedException(INVALID, "comment", "comment is at most " + MAX_COMMENT + " characters (got "
          + comment.length() + ")");
    }
    if (ENDED.contains(call.status())) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", call.trackingNumber() + " is "
          + call.status().label() + ": a verdict is given while the call is open");
    }
    if (delivery == null) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", "the work on " + call.trackingNumber()
          + " is not delivered: the customer's verdict is given once its review ("
          + reviewOf(call).displayName() + ") is open");
    }
    CallRecord.Confirmation given = call.confirmation();
    if (given != null && delivery.reviewTaskId().equals(given.reviewTaskId())) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", "the verdict on this delivery of "
          + call.trackingNumber() + " was given at " + given.at() + " by " + given.by() + " ("
          + inWords(given, Language.DEFAULT) + "): one verdict per delivery; if the work is redone, the next "
          + "delivery asks again");
    }
    return new CallRecord.Confirmation(request.accepted(), comment, now, userId, delivery.reviewTaskId());
  }

  /** The review step of the call's entry process: where the customer's verdict is asked. */
  public static Step reviewOf(CallRecord call) {
    return reviewOf(WorkflowPattern.valueOf(call.pattern()));
  }

  public static Step reviewOf(WorkflowPattern pattern) {
    return Step.of(pattern.entryProcess(), StepKind.REVIEW);
  }

  /** {@code NOT ACCEPTED by the customer: the container is still full}. */
  public static String inWords(CallRecord.Confirmation verdict, Language language) {
    String words = (verdict.accepted() ? ACCEPTED : NOT_ACCEPTED).in(language);
    return verdict.comment() == null ? words : words + ": " + verdict.comment();
  }
}
