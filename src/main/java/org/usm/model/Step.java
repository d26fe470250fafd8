package org.usm.model;

import static org.usm.model.Role.COORDINATOR;
import static org.usm.model.Role.OPERATOR;
import static org.usm.model.StepKind.ACCEPT;
import static org.usm.model.StepKind.CLASSIFY;
import static org.usm.model.StepKind.CORE;
import static org.usm.model.StepKind.EVALUATE;
import static org.usm.model.StepKind.FORK;
import static org.usm.model.StepKind.REGISTER;
import static org.usm.model.StepKind.REVIEW;
import static org.usm.model.UsmProcess.AGREE;
import static org.usm.model.UsmProcess.CHANGE;
import static org.usm.model.UsmProcess.IMPROVE;
import static org.usm.model.UsmProcess.OPERATE;
import static org.usm.model.UsmProcess.RECOVER;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.usm.language.Language;
import org.usm.language.Phrase;

/**
 * Every USM step of the five processes, with its BPMN element id ({@code <code>_<Name>}, fixed by the
 * contract), the process it belongs to, its place in the common frame and, for user tasks, the role
 * that works it. The BPMN files, the rules and the tests all use these ids.
 */
public enum Step {
  A1_AcceptWish(AGREE, ACCEPT, COORDINATOR, "Accept wish", "Aannemen wens"),
  A2_Classify(AGREE, CLASSIFY, null, "Classify", "Classificeren"),
  A3_SpecifyService(AGREE, CORE, OPERATOR, "Specify the service", "Specificeren dienst"),
  A4_DraftOffer(AGREE, CORE, COORDINATOR, "Draft offer", "Opstellen offerte"),
  A5_Negotiate(AGREE, CORE, COORDINATOR, "Negotiate", "Onderhandelen"),
  A6_Realize(AGREE, FORK, null, "Realize", "Realiseren"),
  A7_ReviewDelivery(AGREE, REVIEW, COORDINATOR, "Review delivery & feedback", "Toetsen oplevering en terugkoppelen"),
  A8_EvaluateAndClose(AGREE, EVALUATE, COORDINATOR, "Evaluate & close", "Evalueren en afsluiten"),

  C1_AcceptRfc(CHANGE, ACCEPT, COORDINATOR, "Accept RFC", "Aannemen RFC"),
  C2_Classify(CHANGE, CLASSIFY, null, "Classify", "Classificeren"),
  C3_PlanAndAgree(CHANGE, CORE, COORDINATOR, "Plan & agree", "Plannen en accorderen"),
  C4_PrepareChange(CHANGE, CORE, OPERATOR, "Prepare change", "Voorbereiden wijziging"),
  C5_TestAndRelease(CHANGE, CORE, OPERATOR, "Test & release", "Testen en vrijgeven"),
  C6_Deploy(CHANGE, FORK, null, "Deploy", "Implementeren"),
  C7_ReviewDelivery(CHANGE, REVIEW, COORDINATOR, "Review delivery & feedback", "Toetsen oplevering en terugkoppelen"),
  C8_UpdateMir(CHANGE, REGISTER, null, "Update MIR", "Bijwerken BIR"),
  C9_EvaluateAndClose(CHANGE, EVALUATE, COORDINATOR, "Evaluate & close", "Evalueren en afsluiten"),

  R1_AcceptIncident(RECOVER, ACCEPT, COORDINATOR, "Accept incident", "Aannemen incident"),
  R2_Classify(RECOVER, CLASSIFY, null, "Classify", "Classificeren"),
  R3_Analyze(RECOVER, CORE, OPERATOR, "Analyze", "Analyseren"),
  R4_PrepareRecovery(RECOVER, CORE, COORDINATOR, "Prepare recovery", "Voorbereiden herstel"),
  R5_Recover(RECOVER, FORK, null, "Recover", "Herstellen"),
  R6_ReviewDelivery(RECOVER, REVIEW, COORDINATOR, "Review delivery & feedback", "Toetsen oplevering en terugkoppelen"),
  R7_EvaluateAndClose(RECOVER, EVALUATE, COORDINATOR, "Evaluate & close", "Evalueren en afsluiten"),

  O1_AcceptServiceRequest(OPERATE, ACCEPT, COORDINATOR, "Accept service request", "Aannemen serviceverzoek"),
  O2_Classify(OPERATE, CLASSIFY, null, "Classify", "Classificeren"),
  O3_PlanActivities(OPERATE, CORE, COORDINATOR, "Plan the activities", "Plannen werkzaamheden"),
  O4_ExecuteActivities(OPERATE, CORE, OPERATOR, "Execute activities", "Uitvoeren werkzaamheden"),
  O5_ReviewDelivery(OPERATE, REVIEW, COORDINATOR, "Review delivery & feedback", "Toetsen oplevering en terugkoppelen"),
  O6_EvaluateAndClose(OPERATE, EVALUATE, COORDINATOR, "Evaluate & close", "Evalueren en afsluiten"),

  I1_IdentifyRisk(IMPROVE, ACCEPT, COORDINATOR, "Identify risk", "Identificeren risico"),
  I2_Classify(IMPROVE, CLASSIFY, null, "Classify", "Classificeren"),
  I3_DetermineCause(IMPROVE, CORE, OPERATOR, "Determine cause", "Vaststellen oorzaak"),
  I4_SelectMeasure(IMPROVE, CORE, COORDINATOR, "Select measure", "Selecteren maatregel"),
  I5_DeployMeasure(IMPROVE, FORK, null, "Deploy measure", "Doorvoeren maatregel"),
  I6_ReviewDelivery(IMPROVE, REVIEW, COORDINATOR, "Review delivery & feedback", "Toetsen oplevering en terugkoppelen"),
  I7_EvaluateAndClose(IMPROVE, EVALUATE, COORDINATOR, "Evaluate & close", "Evalueren en afsluiten");

  private final UsmProcess process;
  private final StepKind kind;
  private final Role role;
  private final Phrase title;

  /** @param english, dutch the step's name without its code; the Dutch one as the book and REFERENCE.md name it */
  Step(UsmProcess process, StepKind kind, Role role, String english, String dutch) {
    this.process = process;
    this.kind = kind;
    this.role = role;
    this.title = new Phrase(english, dutch);
  }

  /** The BPMN element id, for example {@code R3_Analyze}. */
  public String id() {
    return name();
  }

  /** The USM step code, for example {@code R3}. */
  public String code() {
    return name().substring(0, name().indexOf('_'));
  }

  public UsmProcess process() {
    return process;
  }

  public StepKind kind() {
    return kind;
  }

  /** The role that works this step when it is a user task; empty for classify, fork and register steps. */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }

  public boolean isUserTask() {
    return role != null;
  }

  /** The step's name in English, for log lines and messages to designers: {@code R3 Analyze}. */
  public String displayName() {
    return displayName(Language.EN);
  }

  /**
   * The step's name as the people who work it read it, in the language of the call's service: {@code R3
   * Analyseren}. The code stays the same in every language.
   */
  public String displayName(Language language) {
    return code() + " " + title.in(language);
  }

  /**
   * Where the work goes back to when the requester does not accept the delivery at the review step: the
   * last core step before the fork (or, in Operate, the execution), inside the same process.
   */
  public static Step reworkAfterRejectedReview(UsmProcess process) {
    return switch (process) {
      case AGREE -> A5_Negotiate;
      case CHANGE -> C4_PrepareChange;
      case RECOVER -> R4_PrepareRecovery;
      case OPERATE -> O4_ExecuteActivities;
      case IMPROVE -> I4_SelectMeasure;
    };
  }

  public static Optional<Step> byId(String elementId) {
    return Arrays.stream(values()).filter(s -> s.name().equals(elementId)).findFirst();
  }

  public static List<Step> of(UsmProcess process) {
    return Arrays.stream(values()).filter(s -> s.process == process).toList();
  }

  /** The steps of this kind in every process, for example the five accept steps. */
  public static List<Step> ofKind(StepKind kind) {
    return Arrays.stream(values()).filter(s -> s.kind == kind).toList();
  }

  public static Step of(UsmProcess process, StepKind kind) {
    return Arrays.stream(values())
        .filter(s -> s.process == process && s.kind == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(process + " has no " + kind + " step"));
  }
}
