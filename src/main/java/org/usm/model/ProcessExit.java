package org.usm.model;

import java.util.Arrays;
import java.util.List;
import org.usm.language.Phrase;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The ways a process ends without delivering, each a decision its coordinator records with a reason at a
 * step of the process, and each still evaluated (DESIGN §12; book l.2556–2560: exceptions belong inside the
 * workflows, l.3323: nobody legitimises one on their own). The one declaration the rules, the models'
 * conditions and the outcome a process hands back read.
 */
public enum ProcessExit {
  /** C3 rejects the change: nothing is built, tested or deployed, the MIR is unchanged; C9 evaluates. */
  CHANGE_REJECTED(List.of(Step.C3_PlanAndAgree), CallVariables.PLAN_APPROVED, Boolean.FALSE::equals,
      CallVariables.REJECTION_REASON,
      new Phrase("the change is rejected: nothing is built, tested or deployed and the MIR is unchanged",
          "de wijziging is afgewezen: er wordt niets gebouwd, getest of geïmplementeerd en de BIR blijft ongewijzigd")),
  /** A5 reaches no agreement: nothing is realised; A8 evaluates (DESIGN §12: no longer ends at A5). */
  NO_AGREEMENT(List.of(Step.A5_Negotiate), CallVariables.AGREEMENT_REACHED, Boolean.FALSE::equals, null,
      new Phrase("no agreement was reached: nothing is realised",
          "er is geen overeenstemming bereikt: er wordt niets gerealiseerd")),
  /** R4 finds that no fix is needed: no fork; R6 reviews, R7 evaluates. */
  NO_FIX_NEEDED(List.of(Step.R4_PrepareRecovery), CallVariables.RECOVERY_ROUTE, RouteDecision.NONE::equals,
      CallVariables.RESOLUTION, new Phrase("no fix was needed: nothing was changed or executed",
          "er was geen herstel nodig: er is niets gewijzigd of uitgevoerd")),
  /** I4 accepts the risk: no measure is deployed; I6 reviews, I7 evaluates. */
  RISK_ACCEPTED(List.of(Step.I4_SelectMeasure), CallVariables.MEASURE_TYPE, RouteDecision.NONE::equals,
      CallVariables.RATIONALE, new Phrase("the risk is accepted: no measure was deployed",
          "het risico is geaccepteerd: er is geen maatregel doorgevoerd")),
  /** O3 finds the request cannot be done: O4 is skipped; O5 reviews the outcome with the requester, O6 evaluates. */
  REQUEST_NOT_FEASIBLE(List.of(Step.O3_PlanActivities), CallVariables.FEASIBLE, Boolean.FALSE::equals,
      CallVariables.NOT_FEASIBLE_REASON, new Phrase("the request cannot be done: nothing is executed",
          "het verzoek kan niet worden uitgevoerd: er wordt niets uitgevoerd")),
  /**
   * An accept step finds the call registered as the wrong type and names the right one: a call of that type
   * goes on for the same service and requester; this one goes straight to its evaluate step. Any call type
   * named takes the exit (the models test that the variable is not empty; the rules refuse a name that is not
   * a call type the call can become).
   */
  RECLASSIFIED(Step.ofKind(StepKind.ACCEPT), CallVariables.RECLASSIFY_AS,
      value -> value instanceof String type && !type.isEmpty(), CallVariables.RECLASSIFICATION_REASON,
      new Phrase("the call was registered as the wrong type: a call of the right type goes on in its place",
          "de melding is als verkeerd type geregistreerd: een melding van het juiste type gaat in haar plaats verder"));

  private final List<Step> steps;
  private final String variable;
  private final Predicate<Object> taken;
  private final String reasonVariable;
  private final Phrase meaning;

  ProcessExit(List<Step> steps, String variable, Predicate<Object> taken, String reasonVariable, Phrase meaning) {
    this.steps = steps;
    this.variable = variable;
    this.taken = taken;
    this.reasonVariable = reasonVariable;
    this.meaning = meaning;
  }

  /** The variable that holds the coordinator's reason; null where the contract asks for none (A5). */
  public String reasonVariable() {
    return reasonVariable;
  }

  /** What the exit means, in English: for the trail. */
  public String meaning() {
    return meaning.en();
  }

  /** What the exit means, in every language: for the refusals its people read. */
  public Phrase meaningPhrase() {
    return meaning;
  }

  /** Whether an exit is decided at the step. */
  public static boolean isDecidedAt(Step step) {
    return Arrays.stream(values()).anyMatch(exit -> exit.steps.contains(step));
  }

  /** The exit the completion of the step decided, if any. */
  public static Optional<ProcessExit> decidedAt(Step step, Function<String, Object> variables) {
    return Arrays.stream(values()).filter(exit -> exit.steps.contains(step) && exit.takenBy(variables)).findFirst();
  }

  /** The exit a run of the process took, if any, from the variables of its instance. */
  public static Optional<ProcessExit> takenIn(UsmProcess process, Function<String, Object> variables) {
    return Arrays.stream(values()).filter(exit -> exit.steps.stream().anyMatch(step -> step.process() == process))
        .filter(exit -> exit.takenBy(variables)).findFirst();
  }

  private boolean takenBy(Function<String, Object> variables) {
    return taken.test(variables.apply(variable));
  }
}
