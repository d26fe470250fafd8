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

/**
 * Every USM step of the five processes, with its BPMN element id ({@code <code>_<Name>}, fixed by the
 * contract), the process it belongs to, its place in the common frame and, for user tasks, the role
 * that works it. The BPMN files, the rules and the tests all use these ids.
 */
public enum Step {
  A1_AcceptWish(AGREE, ACCEPT, COORDINATOR, "Accept wish"),
  A2_Classify(AGREE, CLASSIFY, null, "Classify"),
  A3_SpecifyService(AGREE, CORE, OPERATOR, "Specify the service"),
  A4_DraftOffer(AGREE, CORE, COORDINATOR, "Draft offer"),
  A5_Negotiate(AGREE, CORE, COORDINATOR, "Negotiate"),
  A6_Realize(AGREE, FORK, null, "Realize"),
  A7_ReviewDelivery(AGREE, REVIEW, COORDINATOR, "Review delivery & feedback"),
  A8_EvaluateAndClose(AGREE, EVALUATE, COORDINATOR, "Evaluate & close"),

  C1_AcceptRfc(CHANGE, ACCEPT, COORDINATOR, "Accept RFC"),
  C2_Classify(CHANGE, CLASSIFY, null, "Classify"),
  C3_PlanAndAgree(CHANGE, CORE, COORDINATOR, "Plan & agree"),
  C4_PrepareChange(CHANGE, CORE, OPERATOR, "Prepare change"),
  C5_TestAndRelease(CHANGE, CORE, OPERATOR, "Test & release"),
  C6_Deploy(CHANGE, FORK, null, "Deploy"),
  C7_ReviewDelivery(CHANGE, REVIEW, COORDINATOR, "Review delivery & feedback"),
  C8_UpdateMir(CHANGE, REGISTER, null, "Update MIR"),
  C9_EvaluateAndClose(CHANGE, EVALUATE, COORDINATOR, "Evaluate & close"),

  R1_AcceptIncident(RECOVER, ACCEPT, COORDINATOR, "Accept incident"),
  R2_Classify(RECOVER, CLASSIFY, null, "Classify"),
  R3_Analyze(RECOVER, CORE, OPERATOR, "Analyze"),
  R4_PrepareRecovery(RECOVER, CORE, COORDINATOR, "Prepare recovery"),
  R5_Recover(RECOVER, FORK, null, "Recover"),
  R6_ReviewDelivery(RECOVER, REVIEW, COORDINATOR, "Review delivery & feedback"),
  R7_EvaluateAndClose(RECOVER, EVALUATE, COORDINATOR, "Evaluate & close"),

  O1_AcceptServiceRequest(OPERATE, ACCEPT, COORDINATOR, "Accept service request"),
  O2_Classify(OPERATE, CLASSIFY, null, "Classify"),
  O3_PlanActivities(OPERATE, CORE, COORDINATOR, "Plan the activities"),
  O4_ExecuteActivities(OPERATE, CORE, OPERATOR, "Execute activities"),
  O5_ReviewDelivery(OPERATE, REVIEW, COORDINATOR, "Review delivery & feedback"),
  O6_EvaluateAndClose(OPERATE, EVALUATE, COORDINATOR, "Evaluate & close"),

  I1_IdentifyRisk(IMPROVE, ACCEPT, COORDINATOR, "Identify risk"),
  I2_Classify(IMPROVE, CLASSIFY, null, "Classify"),
  I3_DetermineCause(IMPROVE, CORE, OPERATOR, "Determine cause"),
  I4_SelectMeasure(IMPROVE, CORE, COORDINATOR, "Select measure"),
  I5_DeployMeasure(IMPROVE, FORK, null, "Deploy measure"),
  I6_ReviewDelivery(IMPROVE, REVIEW, COORDINATOR, "Review delivery & feedback"),
  I7_EvaluateAndClose(IMPROVE, EVALUATE, COORDINATOR, "Evaluate & close");

  private final UsmProcess process;
  private final StepKind kind;
  private final Role role;
  private final String title;

  Step(UsmProcess process, StepKind kind, Role role, String title) {
    this.process = process;
    this.kind = kind;
    this.role = role;
    this.title = title;
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

  /** The step's name as coordinators read it, for example {@code R3 Analyze}. */
  public String displayName() {
    return code() + " " + title;
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
