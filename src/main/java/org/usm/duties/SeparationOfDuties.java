package org.usm.duties;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.usm.model.Step;

/**
 * Separation of duties (book ch. 14.6, DESIGN §3): nobody judges their own work. One table of rules,
 * applied by one engine plugin to every user task; plain Java so that each rule is testable alone.
 */
public final class SeparationOfDuties {

  private SeparationOfDuties() {}

  /**
   * A rule: whoever completed {@code earlier} anywhere in the same call (any of its processes, any rework
   * round), or, when {@code earlier} is null, the call's requester, may not complete {@code later}.
   */
  public record DutyRule(String id, Step earlier, Step later, String why) {

    String actor() {
      return earlier == null ? "the requester of the call" : "the user who completed " + earlier.id();
    }
  }

  public static final List<DutyRule> RULES = List.of(
      new DutyRule("SOD-1", Step.C4_PrepareChange, Step.C5_TestAndRelease,
          "nobody tests and releases the change they prepared"),
      new DutyRule("SOD-2", Step.A3_SpecifyService, Step.A5_Negotiate,
          "nobody negotiates the agreement on the service they specified"),
      new DutyRule("SOD-3", null, Step.C3_PlanAndAgree, "nobody approves the plan of the change they asked for"),
      new DutyRule("SOD-4", null, Step.C5_TestAndRelease, "nobody releases the change they asked for"),
      new DutyRule("SOD-5", Step.O4_ExecuteActivities, Step.O6_EvaluateAndClose,
          "nobody evaluates the execution they did themselves"),
      new DutyRule("SOD-6", Step.C4_PrepareChange, Step.C9_EvaluateAndClose,
          "nobody evaluates the change they built themselves"));

  /** Whether any rule limits who completes the step, so that the facts must be read to complete it. */
  public static boolean isRuled(Step step) {
    return RULES.stream().anyMatch(r -> r.later() == step);
  }

  /** A broken rule: which, and the message the user reads. */
  public record Violation(DutyRule rule, String message) {}

  /**
   * @param user the user completing {@code step}; null when unknown
   * @param completedBy everybody who completed an earlier step of the same call (empty when nobody yet)
   * @param requester the requester of the call, fixed at intake
   */
  public static Optional<Violation> check(Step step, String user, Function<Step, Set<String>> completedBy,
      String requester) {
    List<DutyRule> applicable = RULES.stream().filter(r -> r.later() == step).toList();
    if (applicable.isEmpty()) {
      return Optional.empty();
    }
    if (user == null) {
      DutyRule first = applicable.get(0);
      return Optional.of(new Violation(first, step.id() + " must be completed by a known user, so that "
          + first.id() + " can be checked (" + first.why() + "): authenticate or claim the task first"));
    }
    for (DutyRule rule : applicable) {
      Set<String> earlierActors = rule.earlier() == null
          ? (requester == null ? Set.of() : Set.of(requester))
          : completedBy.apply(rule.earlier());
      // User ids compared as people read them: 'Jan' and 'jan' are one person to a duties rule.
      if (earlierActors.stream().anyMatch(user::equalsIgnoreCase)) {
        return Optional.of(new Violation(rule, "Separation of duties: '" + user + "' is " + rule.actor()
            + " and may not complete " + step.id() + ": " + rule.why() + "."));
      }
    }
    return Optional.empty();
  }
}
