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

  /** The refusals, as the call's requester reads them in the language of the call's service. */
  public static final Phrase ONLY_REQUESTER = new Phrase("only the call's requester (%s) gives the customer's verdict "
      + "on %s", "alleen de aanvrager van de melding (%s) geeft het oordeel over %s");
  public static final Phrase ACCEPTED_REQUIRED = new Phrase("accepted is required: true when the delivery gives what "
      + "was asked for, false when it does not", "accepted is verplicht: true als het geleverde is wat u vroeg, false "
      + "als dat niet zo is");
  public static final Phrase COMMENT_REQUIRED = new Phrase("comment is required when the delivery is not accepted: "
      + "say what is missing, so that the work can be put right", "comment is verplicht als u niet akkoord bent: "
      + "vertel wat er ontbreekt, zodat het werk hersteld kan worden");
  public static final Phrase COMMENT_TOO_LONG = new Phrase("comment is at most %d characters (got %d)",
      "comment is hoogstens %d tekens lang (nu %d)");
  public static final Phrase CALL_ENDED = new Phrase("%s is %s: a verdict is given while the call is open",
      "%s is %s: een oordeel geeft u zolang de melding loopt");
  public static final Phrase NOT_DELIVERED = new Phrase("the work on %s is not delivered: the customer's verdict is "
      + "given once its review (%s) is open", "het werk aan %s is nog niet opgeleverd: u geeft uw oordeel zodra de "
      + "beoordeling (%s) openstaat");
  public static final Phrase GIVEN_ALREADY = new Phrase("the verdict on this delivery of %s was given at %s by %s "
      + "(%s): one verdict per delivery; if the work is redone, the next delivery asks again", "het oordeel over deze "
      + "oplevering van %s is al gegeven op %s door %s (%s): één oordeel per oplevering; wordt het werk opnieuw "
      + "gedaan, dan wordt u opnieuw gevraagd");

  /**
   * The verdict of {@code userId} on the call's delivery, or a refusal naming the field and the rule in the
   * language of the call's service; nothing is stored here.
   *
   * @param delivery the delivery waiting for a verdict, null when the work is not delivered
   */
  public static CallRecord.Confirmation decide(String userId, CallRecord call, Delivery delivery, Request request,
      Instant now, Language language) {
    String number = call.trackingNumber();
    if (!call.requester().equals(userId)) {
      throw new CallRejectedException(FORBIDDEN, null, ONLY_REQUESTER.in(language, call.requester(), number));
    }
    if (request == null || request.accepted() == null) {
      throw new CallRejectedException(INVALID, "accepted", ACCEPTED_REQUIRED.in(language));
    }
    String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
    if (!request.accepted() && comment == null) {
      throw new CallRejectedException(INVALID, "comment", COMMENT_REQUIRED.in(language));
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new CallRejectedException(INVALID, "comment", COMMENT_TOO_LONG.in(language, MAX_COMMENT,
          comment.length()));
    }
    if (ENDED.contains(call.status())) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", CALL_ENDED.in(language, number,
          call.status().label()));
    }
    if (delivery == null) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", NOT_DELIVERED.in(language, number,
          reviewOf(call).displayName()));
    }
    CallRecord.Confirmation given = call.confirmation();
    if (given != null && delivery.reviewTaskId().equals(given.reviewTaskId())) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", GIVEN_ALREADY.in(language, number, given.at(),
          given.by(), inWords(given, language)));
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
