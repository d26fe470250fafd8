package org.usm.duties;

import static org.usm.model.Step.A3_SpecifyService;
import static org.usm.model.Step.A5_Negotiate;
import static org.usm.model.Step.C3_PlanAndAgree;
import static org.usm.model.Step.C4_PrepareChange;
import static org.usm.model.Step.C5_TestAndRelease;
import static org.usm.model.Step.I3_DetermineCause;
import static org.usm.model.Step.O4_ExecuteActivities;
import static org.usm.model.Step.R3_Analyze;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.model.StepKind;

/**
 * Separation of duties (book ch. 14.6 and its moral rules: nobody designs their own work, judges their own
 * performance, legitimises their own exceptions, or decides on what they themselves execute). One table,
 * in the book's terms, over the whole call: every completer of a step in any process of the call counts,
 * rework rounds included; administrators are held to it like everybody. Plain Java, so that each rule is
 * testable alone; {@link DutiesCheck} applies it to every completion.
 */
public final class SeparationOfDuties {

  private SeparationOfDuties() {}

  /** The steps in which a solution team builds or executes something for the call. */
  public static final Set<Step> BUILT_OR_EXECUTED =
      EnumSet.of(A3_SpecifyService, C4_PrepareChange, R3_Analyze, O4_ExecuteActivities, I3_DetermineCause);

  /** The rule that coordinators organise the work of operators but do not do it themselves (ch. 14.6). */
  public static final String COORDINATORS_DO_NOT_EXECUTE = "SOD-ROLE";

  /**
   * A rule: whoever completed any of {@code earlier} in the same call (or, when {@code earlier} is empty, the
   * call's requester) may not complete any of {@code later}.
   */
  public record DutyRule(String id, Set<Step> earlier, Set<Step> later, String why) {

    boolean aboutTheRequester() {
      return earlier.isEmpty();
    }
  }

  public static final List<DutyRule> RULES = List.of(
      new DutyRule("SOD-1", BUILT_OR_EXECUTED, EnumSet.of(C5_TestAndRelease),
          "nobody judges their own work: who built or executed for the call does not test and release it"),
      new DutyRule("SOD-2", EnumSet.of(A3_SpecifyService), EnumSet.of(A5_Negotiate),
          "nobody decides on what they themselves designed: who specified the service does not negotiate it"),
      new DutyRule("SOD-3", Set.of(), EnumSet.of(C3_PlanAndAgree),
          "nobody legitimises their own request: the requester does not approve the plan of their change"),
      new DutyRule("SOD-4", Set.of(), EnumSet.of(C5_TestAndRelease),
          "nobody legitimises their own request: the requester does not release their change"),
      new DutyRule("SOD-5", BUILT_OR_EXECUTED, stepsOf(StepKind.EVALUATE),
          "nobody judges their own performance: who built or executed for the call does not evaluate it"),
      new DutyRule("SOD-6", BUILT_OR_EXECUTED, stepsOf(StepKind.REVIEW),
          "nobody judges their own work: who built or executed for the call does not record the review of its delivery"),
      new DutyRule("SOD-7", EnumSet.of(C3_PlanAndAgree), EnumSet.of(C4_PrepareChange),
          "nobody executes what they decided themselves: who approved the plan does not build it"),
      new DutyRule("SOD-8", Set.of(), EnumSet.of(A5_Negotiate),
          "nobody legitimises their own request: the requester does not negotiate the agreement on their wish"));

  private static Set<Step> stepsOf(StepKind kind) {
    return Arrays.stream(Step.values()).filter(s -> s.kind() == kind)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Step.class)));
  }

  /** Whether any rule limits who completes the step, so that the facts must be read to complete it. */
  public static boolean isRuled(Step step) {
    return RULES.stream().anyMatch(r -> r.later().contains(step));
  }

  /** A broken rule: which, and the message the user reads. */
  public record Violation(String ruleId, String message) {}

  /**
   * @param user the user completing {@code step}; null when unknown
   * @param completedBy everybody who completed an earlier step of the same call (empty when nobody yet)
   * @param requester the requester of the call, fixed at intake
   */
  public static Optional<Violation> check(Step step, String user, Function<Step, Set<String>> completedBy,
      String requester) {
    List<DutyRule> applicable = RULES.stream().filter(r -> r.later().contains(step)).toList();
    if (applicable.isEmpty()) {
      return Optional.empty();
    }
    if (user == null) {
      DutyRule first = applicable.get(0);
      return Optional.of(new Violation(first.id(), step.id() + " must be completed by a known user, so that "
          + first.id() + " can be checked (" + first.why() + "): authenticate or claim the task first"));
    }
    for (DutyRule rule : applicable) {
      if (rule.aboutTheRequester()) {
        if (user.equalsIgnoreCase(requester)) {
          return Optional.of(broken(rule, user, "the requester of the call", step));
        }
        continue;
      }
      for (Step earlier : rule.earlier()) {
        // User ids compared as people read them: 'Jan' and 'jan' are one person to a duties rule.
        if (completedBy.apply(earlier).stream().anyMatch(user::equalsIgnoreCase)) {
          return Optional.of(broken(rule, user, "the user who completed " + earlier.id(), step));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Coordinators organise the work of operators but do not do it themselves (ch. 14.6): a member of the
   * process's coordinator groups never completes an operator's step, administrators included.
   */
  public static Optional<Violation> checkRole(Step step, String user, boolean coordinatorOfTheProcess) {
    if (step.role().orElse(null) != Role.OPERATOR || !coordinatorOfTheProcess) {
      return Optional.empty();
    }
    return Optional.of(new Violation(COORDINATORS_DO_NOT_EXECUTE, "Separation of duties: '" + user
        + "' coordinates " + step.process().displayName() + " for this service and may not complete " + step.id()
        + ": coordinators organise the work of operators but do not do it themselves."));
  }

  private static Violation broken(DutyRule rule, String user, String actor, Step step) {
    return new Violation(rule.id(), "Separation of duties: '" + user + "' is " + actor + " and may not complete "
        + step.id() + ": " + rule.why() + ".");
  }
}
