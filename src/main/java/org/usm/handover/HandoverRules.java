package org.usm.handover;

import static org.usm.model.CallVariables.AGREEMENT_ID;
import static org.usm.model.CallVariables.AGREEMENT_REACHED;
import static org.usm.model.CallVariables.CHANGED_COMPONENTS;
import static org.usm.model.CallVariables.CONCERNED_COMPONENTS;
import static org.usm.model.CallVariables.DEPLOYMENT_PLAN;
import static org.usm.model.CallVariables.EFFECT;
import static org.usm.model.CallVariables.ENTRY_PROCESS;
import static org.usm.model.CallVariables.IMPACT;
import static org.usm.model.CallVariables.IMPROVEMENT_FINDINGS;
import static org.usm.model.CallVariables.LIKELIHOOD;
import static org.usm.model.CallVariables.MEASURE_DESCRIPTION;
import static org.usm.model.CallVariables.MEASURE_TYPE;
import static org.usm.model.CallVariables.FEASIBLE;
import static org.usm.model.CallVariables.PLAN_APPROVED;
import static org.usm.model.CallVariables.RECLASSIFY_AS;
import static org.usm.model.CallVariables.RECOVERY_ROUTE;
import static org.usm.model.CallVariables.REQUESTER_ACCEPTED;
import static org.usm.model.CallVariables.RFC_DESCRIPTION;
import static org.usm.model.CallVariables.SERVICE_REQUEST_DESCRIPTION;
import static org.usm.model.CallVariables.TEST_ACCEPTED;
import static org.usm.model.CallVariables.URGENCY;
import static org.usm.model.UsmProcess.AGREE;
import static org.usm.model.UsmProcess.CHANGE;
import static org.usm.model.UsmProcess.OPERATE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.language.Words;
import org.usm.model.CallType;
import org.usm.model.ComponentIds;
import org.usm.model.Level;
import org.usm.model.ProcessExit;
import org.usm.model.ProcessOutcome;
import org.usm.model.RouteDecision;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;

/**
 * The declaration of how work crosses the boundaries between the five USM processes (REFERENCE §6.1):
 * the allowed forks, what each handover must carry, and what each deciding step must decide. Plain Java
 * over a variable lookup, so every rule is testable without an engine; the engine plugin applies it at
 * deployment, at task completion, when a process is entered and when a fork returns.
 */
public final class HandoverRules {

  private HandoverRules() {}

  /** A fork: the step that hands work over, the processes it may hand it to, and the rule that says so. */
  public record Fork(Step step, Set<UsmProcess> targets, String ruleId, Phrase rule) {}

  /** A broken rule: its id (H1-H12), the variable at fault (or null) and what is wrong, in every language. */
  public record Refusal(String ruleId, String field, Words words) {

    Refusal(String ruleId, String field, Phrase phrase, Object... parts) {
      this(ruleId, field, Words.of(phrase, parts));
    }

    /** What is wrong, in the language of the call's service: its people read it when their completion is refused. */
    public String message(Language language) {
      return words.in(language);
    }

    /** What is wrong, in English. */
    public String message() {
      return message(Language.EN);
    }
  }

  private static final Phrase MUST_BE_TEXT_FINDINGS = new Phrase("'%s' must be text, one improvement finding a line",
      "'%s' moet tekst zijn, één verbeterpunt per regel");
  private static final Phrase MUST_MATCH = new Phrase("'%s' must match %s (got '%s')",
      "'%s' moet voldoen aan %s (ingevuld: '%s')");
  private static final Phrase REQUIRED = new Phrase("'%s' is required: %s", "'%s' is verplicht: %s");
  private static final Phrase REQUIRED_BOOLEAN = new Phrase("'%s' is required as true or false: %s",
      "'%s' is verplicht, als true of false: %s");
  private static final Phrase MUST_BE_BOOLEAN = new Phrase("'%s' must be true or false (got '%s')",
      "'%s' moet true of false zijn (ingevuld: '%s')");
  private static final Phrase MUST_BE_ONE_OF = new Phrase("'%s' must be one of %s", "'%s' moet een van deze zijn: %s");
  private static final Phrase MUST_BE_ONE_OF_GOT = new Phrase("'%s' must be one of %s (got '%s')",
      "'%s' moet een van deze zijn: %s (ingevuld: '%s')");
  private static final Phrase DESCRIBE_IN = new Phrase("%s; describe it in '%s'", "%s; beschrijf die in '%s'");

  public static final List<Fork> FORKS = List.of(
      new Fork(Step.A6_Realize, Set.of(CHANGE), "H3", new Phrase(
          "Agree never realises anything itself: it submits an RFC to Change",
          "Afspreken realiseert zelf nooit iets: het dient een RFC in bij Wijzigen")),
      new Fork(Step.C6_Deploy, Set.of(OPERATE), "H4", new Phrase(
          "Change does not put anything into production itself: it hands the deployment to Operate",
          "Wijzigen brengt zelf niets in productie: het draagt de implementatie over aan Uitvoeren")),
      new Fork(Step.R5_Recover, Set.of(CHANGE, OPERATE), "H5", new Phrase(
          "Recover restores the service through Change (a managed component changes) or Operate (none does)",
          "Herstellen herstelt de dienst via Wijzigen (een beheerde component verandert) of Uitvoeren (geen enkele)")),
      new Fork(Step.I5_DeployMeasure, Set.of(AGREE, CHANGE, OPERATE), "H7", new Phrase(
          "Improve does not change or execute anything itself: it submits a wish, an RFC or a service request",
          "Verbeteren wijzigt of voert zelf niets uit: het dient een wens, een RFC of een serviceverzoek in")));

  /** What each handover must carry into the process it starts. */
  private static final Map<UsmProcess, String> PAYLOAD_BY_TARGET_OF_RECOVER =
      Map.of(CHANGE, RFC_DESCRIPTION, OPERATE, SERVICE_REQUEST_DESCRIPTION);

  public static Optional<Fork> fork(Step step) {
    return FORKS.stream().filter(f -> f.step() == step).findFirst();
  }

  public static Optional<Fork> fork(String elementId) {
    return Step.byId(elementId).flatMap(HandoverRules::fork);
  }

  /** The variable the handover from the fork to the target must carry. */
  public static String payloadOf(Step fork, UsmProcess target) {
    return switch (fork) {
      case A6_Realize -> RFC_DESCRIPTION;
      case C6_Deploy -> DEPLOYMENT_PLAN;
      case R5_Recover -> PAYLOAD_BY_TARGET_OF_RECOVER.get(target);
      case I5_DeployMeasure -> MEASURE_DESCRIPTION;
      default -> throw new IllegalArgumentException(fork + " is not a fork");
    };
  }

  /**
   * Checks what a user hands in when completing a step: the decisions the contract asks for and the
   * payload the next handover will carry.
   */
  public static Optional<Refusal> checkCompletion(Step step, Function<String, Object> variables,
      Supplier<Set<String>> serviceComponents) {
    if (step.kind() == StepKind.ACCEPT) {
      return firstOf(level("H12", IMPACT, variables), level("H12", URGENCY, variables),
          step == Step.I1_IdentifyRisk ? level("H12", EFFECT, variables) : Optional.empty(),
          step == Step.I1_IdentifyRisk ? level("H12", LIKELIHOOD, variables) : Optional.empty(),
          components("H12", CONCERNED_COMPONENTS, variables, serviceComponents, false, new Phrase(
              "a call is linked to the infrastructure it concerns",
              "een melding wordt gekoppeld aan de infrastructuur waar ze over gaat")),
          reclassification(step, variables),
          exitWithReason(step, variables).flatMap(exit -> reasonOf(exit, variables)));
    }
    if (step.kind() == StepKind.REVIEW) {
      return bool("H10", REQUESTER_ACCEPTED, variables, new Phrase(
          "the review records whether the requester accepted the delivery",
          "de toetsing legt vast of de aanvrager de oplevering heeft geaccepteerd"));
    }
    if (step.kind() == StepKind.EVALUATE) {
      Object findings = variables.apply(IMPROVEMENT_FINDINGS);
      return findings == null || findings instanceof String ? Optional.empty()
          : Optional.of(new Refusal("H8", IMPROVEMENT_FINDINGS, MUST_BE_TEXT_FINDINGS, IMPROVEMENT_FINDINGS));
    }
    Optional<ProcessExit> exit = exitWithReason(step, variables);
    if (exit.isPresent()) {
      return reasonOf(exit.get(), variables);
    }
    return switch (step) {
      case C3_PlanAndAgree -> firstOf(optionalBool(EXIT_RULE, PLAN_APPROVED, variables),
          components("H1", CHANGED_COMPONENTS, variables, serviceComponents, true, new Phrase(
              "a change names the managed components it modifies, and C8 records exactly those",
              "een wijziging noemt de beheerde componenten die ze aanpast, en C8 legt precies die vast")));
      case O3_PlanActivities -> optionalBool(EXIT_RULE, FEASIBLE, variables);
      case A3_SpecifyService -> text("H3", RFC_DESCRIPTION, variables, Words.of(DESCRIBE_IN, new Phrase(
          "the specified service is realised through an RFC", "de gespecificeerde dienst wordt gerealiseerd via een RFC"),
          RFC_DESCRIPTION));
      case A5_Negotiate -> firstOf(bool("H3", AGREEMENT_REACHED, variables, new Phrase(
          "the negotiation ends in an agreement (realised through Change) or in none (A8 evaluates the wish)",
          "de onderhandeling eindigt in een overeenkomst (gerealiseerd via Wijzigen) of in geen (A8 evalueert de wens)")),
          variables.apply(AGREEMENT_ID) instanceof String id && !id.matches(COMPONENT_ID)
              ? Optional.of(new Refusal("H11", AGREEMENT_ID, MUST_MATCH, AGREEMENT_ID, COMPONENT_ID, id))
              : Optional.empty());
      case C5_TestAndRelease -> firstOf(
          bool("H4", TEST_ACCEPTED, variables, new Phrase(
              "the test is accepted, or the change goes back to C3, where it is re-planned or rejected",
              "de test wordt geaccepteerd, of de wijziging gaat terug naar C3, waar ze opnieuw wordt gepland of wordt "
                  + "afgewezen")),
          Boolean.TRUE.equals(variables.apply(TEST_ACCEPTED))
              ? text("H4", DEPLOYMENT_PLAN, variables, new Phrase(
                  "an accepted change is deployed by Operate following the deployment plan",
                  "een geaccepteerde wijziging wordt door Uitvoeren geïmplementeerd volgens het implementatieplan"))
              : Optional.empty());
      case R4_PrepareRecovery -> route("H5", RouteDecision.RECOVERY, variables, Map.of(
          CHANGE, new Payload("H1", new Phrase("a repair that modifies a managed component is a change",
              "een reparatie die een beheerde component wijzigt, is een wijziging")),
          OPERATE, new Payload("H6", new Phrase("a repair that modifies no managed component is a service request for "
              + "Operate", "een reparatie die geen beheerde component wijzigt, is een serviceverzoek voor Uitvoeren"))));
      case I4_SelectMeasure -> route("H7", RouteDecision.MEASURE, variables, Map.of(
          AGREE, new Payload("H7", new Phrase("the selected measure is submitted as a wish",
              "de gekozen maatregel wordt ingediend als wens")),
          CHANGE, new Payload("H7", new Phrase("the selected measure is submitted as an RFC",
              "de gekozen maatregel wordt ingediend als RFC")),
          OPERATE, new Payload("H7", new Phrase("the selected measure is submitted as a service request",
              "de gekozen maatregel wordt ingediend als serviceverzoek"))));
      default -> Optional.empty();
    };
  }

  /**
   * Checks that a process is entered the way USM allows: from a workflow as its pattern's entry process,
   * or from an allowed fork carrying the handover's payload.
   *
   * @param parentProcessKey the key of the calling process, or null when started on its own
   * @param parentActivityId the calling activity, or null
   */
  public static Optional<Refusal> checkEntry(UsmProcess entered, String parentProcessKey, String parentActivityId,
      Function<String, Object> variables) {
    if (parentProcessKey == null) {
      return Optional.of(new Refusal("H12", null, new Phrase("%s runs only as part of a call linked to a service: "
          + "register the call at POST /api/calls instead of starting the process directly", "%s draait alleen als deel "
          + "van een melding voor een dienst: registreer de melding met POST /api/calls in plaats van het proces direct "
          + "te starten"), entered.key()));
    }
    Optional<WorkflowPattern> workflow = workflowOf(parentProcessKey);
    if (workflow.isPresent()) {
      WorkflowPattern pattern = workflow.get();
      return pattern.entryProcess() == entered ? Optional.empty()
          : Optional.of(new Refusal("H9", null, new Phrase("workflow %s (%s) starts %s, not %s",
              "workflow %s (%s) start %s, niet %s"), parentProcessKey, pattern.name(), pattern.entryProcess().key(),
              entered.key()));
    }
    if (!UsmProcess.isUniversalProcessKey(parentProcessKey)) {
      return Optional.of(new Refusal("H9", null, new Phrase("process %s is not a USM process or workflow and may not "
          + "hand work to %s", "proces %s is geen USM-proces of workflow en mag geen werk overdragen aan %s"),
          parentProcessKey, entered.key()));
    }
    UsmProcess parent = UsmProcess.byKey(parentProcessKey);
    Optional<Fork> fork = fork(parentActivityId).filter(f -> f.step().process() == parent);
    if (fork.isEmpty()) {
      return Optional.of(new Refusal("H9", null, new Phrase("%s of %s is not a fork: %s hands work over only at %s",
          "%s van %s is geen vertakking: %s draagt alleen werk over bij %s"), parentActivityId, parent.key(),
          parent.key(), forks(parent)));
    }
    if (!fork.get().targets().contains(entered)) {
      return Optional.of(new Refusal(fork.get().ruleId(), null, new Phrase("%s of %s may not hand work to %s (%s; "
          + "allowed: %s)", "%s van %s mag geen werk overdragen aan %s (%s; toegestaan: %s)"), fork.get().step().id(),
          parent.key(), entered.key(), fork.get().rule(),
          fork.get().targets().stream().map(UsmProcess::key).sorted().collect(Collectors.joining(", "))));
    }
    String payload = payloadOf(fork.get().step(), entered);
    return text(fork.get().ruleId(), payload, variables, Words.of(new Phrase("the handover from %s to %s carries '%s'",
        "de overdracht van %s naar %s bevat '%s'"), fork.get().step().id(), entered.key(), payload));
  }

  /**
   * H9: a fork returns when the secondary process ran in full: it ended at its closing end event (after
   * its evaluate step).
   *
   * @param returnNote {@code <process key>:<end event id>} as the secondary process left it, or null
   */
  public static Optional<Refusal> checkReturn(Fork fork, String returnNote) {
    if (returnNote != null) {
      String[] parts = returnNote.split(":", 2);
      if (UsmProcess.isUniversalProcessKey(parts[0]) && fork.targets().contains(UsmProcess.byKey(parts[0]))) {
        UsmProcess child = UsmProcess.byKey(parts[0]);
        String closed = Step.of(child, StepKind.EVALUATE).code() + "_Closed";
        if (parts[1].equals(closed)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Refusal("H9", null, new Phrase("%s resumes only after the secondary process ran in full, up "
        + "to its evaluate step (it returned: %s)", "%s gaat pas verder als het secundaire proces helemaal is doorlopen, "
        + "tot en met zijn evaluatiestap (het kwam terug: %s)"), fork.step().id(), returnNote));
  }


  /** Ids of managed components and agreements, as the registers keep them. */
  static final String COMPONENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /**
   * H1 (what a change modifies) and H12 (what a call concerns): ids of the service's managed components, each
   * known to the service's MIR; an unknown one is refused by name.
   */
  private static Optional<Refusal> components(String ruleId, String field, Function<String, Object> variables,
      Supplier<Set<String>> serviceComponents, boolean required, Phrase why) {
    Object value = variables.apply(field);
    if (value != null && !(value instanceof String)) {
      return Optional.of(new Refusal(ruleId, field, new Phrase("'%s' must be text: component ids separated by commas "
          + "or new lines", "'%s' moet tekst zijn: id's van componenten, gescheiden door komma's of nieuwe regels"),
          field));
    }
    List<String> ids = ComponentIds.parse(value);
    if (ids.isEmpty()) {
      return required ? Optional.of(new Refusal(ruleId, field, new Phrase("'%s' is required: %s; this service's "
          + "components are %s", "'%s' is verplicht: %s; de componenten van deze dienst zijn %s"), field, why,
          String.join(", ", new java.util.TreeSet<>(serviceComponents.get()))))
          : Optional.empty();
    }
    Set<String> known = serviceComponents.get();
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    return unknown.isEmpty() ? Optional.empty()
        : Optional.of(new Refusal(ruleId, field, new Phrase("'%s' names %s, not a managed component of this service "
            + "(%s); its components are %s", "'%s' noemt %s, geen beheerde component van deze dienst (%s); de "
            + "componenten zijn %s"), field, String.join(", ", unknown), why,
            String.join(", ", new java.util.TreeSet<>(known))));
  }

  /** The pattern of an instantiated workflow key such as {@code usm-wf3-verhuizing}. */
  public static Optional<WorkflowPattern> workflowOf(String processKey) {
    if (processKey == null || !processKey.matches("usm-wf[1-8]-.+")) {
      return Optional.empty();
    }
    return WorkflowPattern.fromName("WF" + processKey.charAt(6));
  }

  /** The forks of the process, in English: {@code R5_Recover}. */
  static String forkIds(UsmProcess process) {
    return forks(process).in(Language.EN);
  }

  private static Words forks(UsmProcess process) {
    String ids = FORKS.stream().filter(f -> f.step().process() == process).map(f -> f.step().id())
        .collect(Collectors.joining(", "));
    return ids.isEmpty() ? Words.of(new Phrase("no step (it has no fork)", "geen enkele stap (het heeft geen vertakking)"))
        : Words.of(new Phrase("%s", "%s"), ids);
  }

  /** The rule that asks for the handover's payload on a route, and why. */
  private record Payload(String ruleId, Phrase why) {}

  /** A route decided from the declaration's values, with the payload the fork will carry to its target. */
  private static Optional<Refusal> route(String ruleId, RouteDecision decision, Function<String, Object> variables,
      Map<UsmProcess, Payload> payloads) {
    String field = decision.variable();
    Object value = variables.apply(field);
    Optional<UsmProcess> target = decision.target(value);
    if (target.isEmpty()) {
      String options = String.join(", ", decision.options());
      return Optional.of(value == null ? new Refusal(ruleId, field, MUST_BE_ONE_OF, field, options)
          : new Refusal(ruleId, field, MUST_BE_ONE_OF_GOT, field, options, value));
    }
    Payload payload = payloads.get(target.get());
    String payloadField = payloadOf(decision.fork(), target.get());
    return text(payload.ruleId(), payloadField, variables, Words.of(DESCRIBE_IN, payload.why(), payloadField));
  }

  /** @param why a {@link Phrase} or {@link Words}: why the field is required */
  private static Optional<Refusal> text(String ruleId, String field, Function<String, Object> variables, Object why) {
    Object value = variables.apply(field);
    return value instanceof String s && !s.isBlank() ? Optional.empty()
        : Optional.of(new Refusal(ruleId, field, REQUIRED, field, why));
  }

  /**
   * E1: an exit from a process is a recorded decision of its coordinator, with its reason (book l.2556–2560,
   * l.3323; DESIGN §12).
   */
  public static final String EXIT_RULE = "E1";

  /** The exit the completion of the step decided, where the contract asks for its reason. */
  private static Optional<ProcessExit> exitWithReason(Step step, Function<String, Object> variables) {
    return ProcessExit.decidedAt(step, variables).filter(exit -> exit.reasonVariable() != null);
  }

  /** E1: an exit names its reason. */
  private static Optional<Refusal> reasonOf(ProcessExit exit, Function<String, Object> variables) {
    return text(EXIT_RULE, exit.reasonVariable(), variables, Words.of(new Phrase("an exit is a recorded decision with "
        + "its reason (%s); the process's evaluate step evaluates it", "een uitgang is een vastgelegd besluit met de "
        + "reden ervan (%s); de evaluatiestap van het proces evalueert het"), exit.meaningPhrase()));
  }

  /**
   * E1: an accept step reclassifies the call as it was registered, into another call type, so only the accept
   * step of the call's entry process does (in a process a fork started, it accepts work another process handed
   * over, of the type that process needs). Whether the service takes a call of that type is intake's to say, when
   * the new call is registered.
   */
  private static Optional<Refusal> reclassification(Step step, Function<String, Object> variables) {
    Object value = variables.apply(RECLASSIFY_AS);
    if (ProcessExit.decidedAt(step, variables).filter(exit -> exit == ProcessExit.RECLASSIFIED).isEmpty()) {
      return value == null || value instanceof String ? Optional.empty()
          : Optional.of(new Refusal(EXIT_RULE, RECLASSIFY_AS, new Phrase("'%s' must be a call type",
              "'%s' moet een meldingstype zijn"), RECLASSIFY_AS));
    }
    Optional<CallType> type = CallType.fromId((String) value);
    CallType registered = step.process().trigger();
    if (type.isEmpty()) {
      return Optional.of(new Refusal(EXIT_RULE, RECLASSIFY_AS, MUST_BE_ONE_OF_GOT, RECLASSIFY_AS,
          Arrays.stream(CallType.values()).map(CallType::id).collect(Collectors.joining(", ")), value));
    }
    if (!Boolean.TRUE.equals(variables.apply(ENTRY_PROCESS))) {
      return Optional.of(new Refusal(EXIT_RULE, RECLASSIFY_AS, new Phrase("%s accepts the work another process of the "
          + "call handed over, not the call as it was registered: a call is reclassified at the accept step of its entry "
          + "process", "%s neemt het werk aan dat een ander proces van de melding heeft overgedragen, niet de melding "
          + "zoals die is geregistreerd: een melding wordt geherclassificeerd bij de aannamestap van haar startproces"),
          step.id()));
    }
    if (type.get() == registered) {
      return Optional.of(new Refusal(EXIT_RULE, RECLASSIFY_AS, new Phrase("the call is of type %s already: name the "
          + "type it should have been registered as, or leave '%s' empty", "de melding is al van het type %s: noem het "
          + "type waarmee ze had moeten worden geregistreerd, of laat '%s' leeg"), registered.id(), RECLASSIFY_AS));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> optionalBool(String ruleId, String field, Function<String, Object> variables) {
    Object value = variables.apply(field);
    return value == null || value instanceof Boolean ? Optional.empty()
        : Optional.of(new Refusal(ruleId, field, MUST_BE_BOOLEAN, field, value));
  }

  private static Optional<Refusal> bool(String ruleId, String field, Function<String, Object> variables, Phrase why) {
    return variables.apply(field) instanceof Boolean ? Optional.empty()
        : Optional.of(new Refusal(ruleId, field, REQUIRED_BOOLEAN, field, why));
  }

  private static Optional<Refusal> level(String ruleId, String field, Function<String, Object> variables) {
    Object value = variables.apply(field);
    return value == null || (value instanceof String s && Level.fromValue(s).isPresent()) ? Optional.empty()
        : Optional.of(new Refusal(ruleId, field, MUST_BE_ONE_OF_GOT, field,
            Arrays.stream(Level.values()).map(Level::value).collect(Collectors.joining(", ")), value));
  }

  @SafeVarargs
  private static Optional<Refusal> firstOf(Optional<Refusal>... checks) {
    return Arrays.stream(checks).flatMap(Optional::stream).findFirst();
  }
}
