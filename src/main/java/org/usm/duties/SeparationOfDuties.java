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
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.model.StepKind;

/**
 * Separation of duties (book ch. 14.6 and its moral rules: nobody designs their own work, judges their own
 * performance, legitimises their own exceptions, or decides on what they themselves execute). One table,
 * in the book's terms, over the whole call: every completer of a step in any process of the call counts,
 * rework rounds included; administrators are held to it like everybody. Plain Java, so that each rule is
 * testable alone; {@link DutiesCheck} applies it when a user is put on a step's task (claimed, assigned,
 * delegated, made a candidate) and at every completion. The messages name the steps by code and name and give
 * the rule in the book's words, in the language of the call's service; rule ids stay as they are.
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
   * call's requester) may not take up nor complete any of {@code later}; {@code why} in the book's words.
   */
  public record DutyRule(String id, Set<Step> earlier, Set<Step> later, Phrase why) {

    boolean aboutTheRequester() {
      return earlier.isEmpty();
    }
  }

  public static final List<DutyRule> RULES = List.of(
      // Book l.3153 "Niemand mag: [...] zijn eigen prestaties beoordelen": who builds, does not test.
      new DutyRule("SOD-1", BUILT_OR_EXECUTED, EnumSet.of(C5_TestAndRelease), new Phrase(
          "nobody judges their own performance (who builds, does not test)",
          "niemand mag zijn eigen prestaties beoordelen (wie bouwt, test niet)")),
      // Book l.3148 "Functiescheiding scheidt specificeren van realiseren", l.3321 "niemand mag beslissen over wat
      // hij zelf uitvoert": who designed the service does not decide on it.
      new DutyRule("SOD-2", EnumSet.of(A3_SpecifyService), EnumSet.of(A5_Negotiate), new Phrase(
          "nobody decides on what they designed themselves (who specifies the service, does not negotiate it)",
          "niemand mag beslissen over wat hij zelf ontwierp (wie de dienst specificeert, onderhandelt er niet over)")),
      // Book l.3154 "Niemand mag: [...] zijn eigen uitzonderingen legitimeren".
      new DutyRule("SOD-3", Set.of(), EnumSet.of(C3_PlanAndAgree), new Phrase(
          "nobody legitimises their own exceptions (who asks for the change, does not approve its plan)",
          "niemand mag zijn eigen uitzonderingen legitimeren (wie de wijziging aanvraagt, keurt het plan niet goed)")),
      // Book l.3154, as SOD-3.
      new DutyRule("SOD-4", Set.of(), EnumSet.of(C5_TestAndRelease), new Phrase(
          "nobody legitimises their own exceptions (who asks for the change, does not release it)",
          "niemand mag zijn eigen uitzonderingen legitimeren (wie de wijziging aanvraagt, geeft haar niet vrij)")),
      // Book l.3153, l.3322 "niemand mag zijn eigen prestaties definiëren".
      new DutyRule("SOD-5", BUILT_OR_EXECUTED, stepsOf(StepKind.EVALUATE), new Phrase(
          "nobody judges their own performance (who builds or executes, does not evaluate)",
          "niemand mag zijn eigen prestaties beoordelen (wie bouwt of uitvoert, evalueert niet)")),
      // Book l.3153, as SOD-5.
      new DutyRule("SOD-6", BUILT_OR_EXECUTED, stepsOf(StepKind.REVIEW), new Phrase(
          "nobody judges their own performance (who builds or executes, does not review the delivery)",
          "niemand mag zijn eigen prestaties beoordelen (wie bouwt of uitvoert, toetst de oplevering niet)")),
      // Book l.3321 "niemand mag beslissen over wat hij zelf uitvoert".
      new DutyRule("SOD-7", EnumSet.of(C3_PlanAndAgree), EnumSet.of(C4_PrepareChange), new Phrase(
          "nobody decides on what they execute themselves (who approves the plan, does not build it)",
          "niemand mag beslissen over wat hij zelf uitvoert (wie het plan accordeert, bouwt het niet)")),
      // Book l.3154, as SOD-3.
      new DutyRule("SOD-8", Set.of(), EnumSet.of(A5_Negotiate), new Phrase(
          "nobody legitimises their own exceptions (who asks for the wish, does not negotiate its agreement)",
          "niemand mag zijn eigen uitzonderingen legitimeren (wie de wens indient, onderhandelt niet over de afspraak)")));

  /** An earlier step's completer: user, the earlier step, the step refused, the rule's why. */
  static final Phrase COMPLETED_EARLIER = new Phrase(
      "Separation of duties: '%s' completed %s of this call and so may not take up or complete %s: %s.",
      "Functiescheiding: '%s' heeft %s van deze melding afgerond en mag daarom %s niet oppakken of afronden: %s.");
  /** The requester: user, the step refused, the rule's why. */
  static final Phrase REQUESTED = new Phrase(
      "Separation of duties: '%s' is the requester of this call and so may not take up or complete %s: %s.",
      "Functiescheiding: '%s' is de aanvrager van deze melding en mag daarom %s niet oppakken of afronden: %s.");
  /**
   * A coordinator at an operator's step: user, the process, the step. Book l.3139 "Coördinatoren organiseren de
   * uitvoering van het werk door operators, maar ze voeren dat niet zelf uit."
   */
  static final Phrase COORDINATES = new Phrase(
      "Separation of duties: '%s' coordinates %s for this service and so may not take up or complete %s: "
          + "coordinators organise the work of operators, but do not do it themselves.",
      "Functiescheiding: '%s' coördineert %s voor deze service en mag daarom %s niet oppakken of afronden: "
          + "coördinatoren organiseren de uitvoering van het werk door operators, maar ze voeren dat niet zelf uit.");
  /** A completion by nobody known: the step, the rule, its why. */
  static final Phrase UNKNOWN_USER = new Phrase(
      "%s must be completed by a known user, so that %s can be checked (%s): log in or claim the task first.",
      "%s moet worden afgerond door een bekende gebruiker, zodat %s gecontroleerd kan worden (%s): meld u aan of "
          + "neem de taak eerst in behandeling.");

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
   * @param user the user taking up or completing {@code step}; null when unknown
   * @param completedBy everybody who completed an earlier step of the same call (empty when nobody yet)
   * @param requester the requester of the call, fixed at intake
   * @param language the language of the call's service, which the message is in
   */
  public static Optional<Violation> check(Step step, String user, Function<Step, Set<String>> completedBy,
      String requester, Language language) {
    List<DutyRule> applicable = RULES.stream().filter(r -> r.later().contains(step)).toList();
    if (applicable.isEmpty()) {
      return Optional.empty();
    }
    if (user == null) {
      DutyRule first = applicable.get(0);
      return Optional.of(new Violation(first.id(), UNKNOWN_USER.in(language, step.displayName(language), first.id(),
          first.why().in(language))));
    }
    for (DutyRule rule : applicable) {
      if (rule.aboutTheRequester()) {
        if (user.equalsIgnoreCase(requester)) {
          return Optional.of(new Violation(rule.id(), REQUESTED.in(language, user, step.displayName(language),
              rule.why().in(language))));
        }
        continue;
      }
      for (Step earlier : rule.earlier()) {
        // User ids compared as people read them: 'Jan' and 'jan' are one person to a duties rule.
        if (completedBy.apply(earlier).stream().anyMatch(user::equalsIgnoreCase)) {
          return Optional.of(new Violation(rule.id(), COMPLETED_EARLIER.in(language, user, earlier.displayName(language),
              step.displayName(language), rule.why().in(language))));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Coordinators organise the work of operators but do not do it themselves (ch. 14.6): a member of the
   * process's coordinator groups never takes up nor completes an operator's step, administrators included.
   */
  public static Optional<Violation> checkRole(Step step, String user, boolean coordinatorOfTheProcess,
      Language language) {
    if (step.role().orElse(null) != Role.OPERATOR || !coordinatorOfTheProcess) {
      return Optional.empty();
    }
    return Optional.of(new Violation(COORDINATORS_DO_NOT_EXECUTE, COORDINATES.in(language, user,
        step.process().displayName(language), step.displayName(language))));
  }
}
