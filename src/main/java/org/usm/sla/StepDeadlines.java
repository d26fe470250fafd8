package org.usm.sla;

import java.time.Duration;
import java.time.Instant;
import org.usm.model.StepKind;

/**
 * When a step is due, from the service's agreed handling time for the call's type and priority. The call
 * as a whole is due at its end-to-end SLA date (registration plus handling time); an accept step is due
 * sooner, within a tenth of the handling time, because a call must be taken up before it can be handled.
 */
public final class StepDeadlines {

  private StepDeadlines() {}

  static final Duration MINIMUM_RESPONSE = Duration.ofMinutes(15);

  /**
   * The workflow coordinator's escalation of a breached call: created when the call's due date has
   * passed, it is due within the response time from then.
   */
  public static Deadline escalation(Instant created, Duration handlingTime) {
    return new Deadline(created.plus(responseTime(handlingTime)), null);
  }

  /** How soon a call must be taken up: a tenth of its handling time, at least {@link #MINIMUM_RESPONSE}. */
  public static Duration responseTime(Duration handlingTime) {
    Duration response = handlingTime.dividedBy(10);
    return response.compareTo(MINIMUM_RESPONSE) < 0 ? MINIMUM_RESPONSE : response;
  }

  /** Due date and follow-up date of a task; the follow-up is null where there is nothing to follow up. */
  public record Deadline(Instant due, Instant followUp) {}

  public static Deadline of(StepKind kind, Instant created, Instant callDue, Duration handlingTime) {
    if (kind == StepKind.ACCEPT) {
      Instant due = created.plus(responseTime(handlingTime));
      return new Deadline(due.isAfter(callDue) ? callDue : due, null);
    }
    // Follow up halfway to the deadline: the moment to check that the work will make it.
    Instant followUp = callDue.isAfter(created) ? created.plus(Duration.between(created, callDue).dividedBy(2)) : null;
    return new Deadline(callDue, followUp);
  }
}
