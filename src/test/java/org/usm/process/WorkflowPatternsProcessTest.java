package org.usm.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.usm.model.Step.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;
import org.usm.testing.CallDriver;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmTestEngine;

/**
 * Each of the eight patterns driven through every user task of its path, into and out of every nested
 * fork, on the engine alone: the steps passed in order, across all processes of the call, and the end
 * state. Timers are fired by hand.
 */
class WorkflowPatternsProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(UsmTestEngine.get()).build();

  /** Injected by the extension. */
  ProcessEngine engine;

  @BeforeEach
  void assertions() {
    init(engine);
  }

  @ParameterizedTest(name = "{0} for verhuizing passes its whole path and closes")
  @EnumSource(WorkflowPattern.class)
  void patternPassesItsPathInOrderAndCloses(WorkflowPattern pattern) {
    CallDriver call = CallDriver.start(engine, "verhuizing", pattern);
    assertThat(call.root()).isActive();
    assertThat(call.openSteps()).containsExactly(Step.of(pattern.entryProcess(), org.usm.model.StepKind.ACCEPT).id());

    HappyPath.drive(call, pattern);

    assertThat(call.root()).isEnded().hasPassedInOrder("WF_CallRegistered", "WF_EntryProcess", "WF_CallClosed");
    assertThat(call.passedSteps()).containsExactlyElementsOf(pattern.path());
    assertThat(call.openSteps()).isEmpty();
  }

  @Test
  void wf3IncidentIsRecoveredThroughChangeWhichDeploysThroughOperate() {
    CallDriver call = CallDriver.start(engine, "verhuizing", WorkflowPattern.WF3);
    call.complete(R1_AcceptIncident).complete(R3_Analyze)
        .complete(R4_PrepareRecovery, Map.of("recoveryRoute", "change", "rfcDescription", "Fix BRP mapping"));

    assertThat(call.instanceOf(UsmProcess.RECOVER.key())).isWaitingAt("R5_Recover");
    assertThat(call.instanceOf(UsmProcess.CHANGE.key())).isWaitingAt("C1_AcceptRfc")
        .variables().containsEntry(CallVariables.RFC_DESCRIPTION, "Fix BRP mapping")
        .containsEntry(CallVariables.ENTRY_PROCESS, false)
        .containsEntry(CallVariables.SERVICE_ID, "verhuizing");
    assertThat(call.instanceOf(UsmProcess.CHANGE.key()).getBusinessKey()).isEqualTo(call.trackingNumber());

    call.complete(C1_AcceptRfc).complete(C3_PlanAndAgree, HappyPath.variables(C3_PlanAndAgree, WorkflowPattern.WF3,
        "verhuizing")).complete(C4_PrepareChange)
        .complete(C5_TestAndRelease, Map.of("testAccepted", true, "deploymentPlan", "Release 2026.12"));
    assertThat(call.instanceOf(UsmProcess.OPERATE.key())).isWaitingAt("O1_AcceptServiceRequest")
        .variables().containsEntry(CallVariables.DEPLOYMENT_PLAN, "Release 2026.12");
    assertThat(call.instanceOf(UsmProcess.OPERATE.key()).getBusinessKey()).isEqualTo(call.trackingNumber());
  }

  @Test
  void aServiceNarrowsWhoWorksAStepToSomeOfItsRolesGroups() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF2);
    call.complete(C1_AcceptRfc).complete(C3_PlanAndAgree, HappyPath.variables(C3_PlanAndAgree, WorkflowPattern.WF2,
        "werkplek"));
    List<String> builders = engine.getTaskService().getIdentityLinksForTask(call.task(C4_PrepareChange).getId())
        .stream().map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    assertThat(builders).as("the change's operators build").containsExactlyInAnyOrder("it-werkplekbeheer",
        "ict-applicatiebeheer");
    call.complete(C4_PrepareChange);
    List<String> testers = engine.getTaskService().getIdentityLinksForTask(call.task(C5_TestAndRelease).getId())
        .stream().map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    assertThat(testers).as("werkplek narrows C5 to the workplace team").containsExactly("it-werkplekbeheer");
  }

  @Test
  void theRulesPluginRunsHereToo_whoBuiltAChangeCannotTestIt() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF2);
    call.complete(C1_AcceptRfc).complete(C3_PlanAndAgree, HappyPath.variables(C3_PlanAndAgree, WorkflowPattern.WF2,
        "werkplek")).completeAs("operator", C4_PrepareChange, Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.completeAs("operator", C5_TestAndRelease,
            Map.of("testAccepted", true, "deploymentPlan", "Zelf getest")))
        .isInstanceOf(org.usm.engine.RuleViolation.class).hasMessageContaining("Regel SOD-1");
    assertThat(call.openSteps()).containsExactly("C5_TestAndRelease");
  }

  @Test
  void ruleL1_aStepThatHandedWorkToALinkWaitsUntilTheProviderAnswered() {
    CallDriver call = CallDriver.start(engine, "verhuizing", WorkflowPattern.WF5);
    call.complete(O1_AcceptServiceRequest).complete(O3_PlanActivities);
    org.camunda.bpm.engine.task.Task execution = call.task(O4_ExecuteActivities);
    org.usm.link.LinkedCallStore store = new org.usm.link.LinkedCallStore(org.usm.testing.UsmTestEngine.jdbc());
    java.time.Instant now = java.time.Instant.now();
    org.usm.link.LinkedCall waiting = new org.usm.link.LinkedCall(java.util.UUID.randomUUID().toString(),
        call.trackingNumber(), "usm-operate", execution.getProcessInstanceId(), O4_ExecuteActivities.id(),
        execution.getId(), "verhuizing", "afval", "Afvalinzameling", "afvalinzameling", false, "service-request", "P3",
        "Containers omzetten", "operator", now, now.plus(java.time.Duration.ofDays(3)), "SRQ-2026-999001",
        org.usm.link.LinkStatus.IN_PROGRESS, now, null, null, null, null, null);
    store.add(waiting);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.complete(O4_ExecuteActivities))
        .isInstanceOf(org.usm.engine.RuleViolation.class).hasMessageContaining("Regel L1")
        .hasMessageContaining("SRQ-2026-999001: in behandeling");
    assertThat(call.openSteps()).containsExactly("O4_ExecuteActivities");

    assertThat(store.moved(waiting, org.usm.link.LinkStatus.FULFILLED, null, null, now)).isTrue();
    call.complete(O4_ExecuteActivities);
    assertThat(call.openSteps()).containsExactly("O5_ReviewDelivery");
  }

  @Test
  void aFailedTestSendsTheChangeBackToC3WhereTheCoordinatorReplansIt() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF2);
    call.complete(C1_AcceptRfc).complete(C3_PlanAndAgree, HappyPath.variables(C3_PlanAndAgree, WorkflowPattern.WF2,
        "werkplek")).complete(C4_PrepareChange)
        .complete(C5_TestAndRelease, Map.of("testAccepted", false));

    assertThat(call.openSteps()).as("re-plan or reject, not build again as if nothing happened")
        .containsExactly("C3_PlanAndAgree");
    call.complete(C3_PlanAndAgree, HappyPath.variables(C3_PlanAndAgree, WorkflowPattern.WF2, "werkplek"))
        .complete(C4_PrepareChange)
        .complete(C5_TestAndRelease, Map.of("testAccepted", true, "deploymentPlan", "Second attempt"));
    assertThat(call.openSteps()).containsExactly("O1_AcceptServiceRequest");
  }

  @Test
  void exitC3RejectsTheChangeWithItsReasonAndC9StillEvaluatesIt() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF2);
    call.complete(C1_AcceptRfc);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.complete(C3_PlanAndAgree,
            Map.of("planApproved", false)))
        .isInstanceOf(org.usm.engine.RuleViolation.class).hasMessageContaining("Regel E1")
        .hasMessageContaining("rejectionReason");
    call.complete(C3_PlanAndAgree, Map.of("planApproved", false, "rejectionReason",
        "Past niet in de architectuur: eerst een wens voor de nieuwe werkplekstandaard"));

    assertThat(call.openSteps()).containsExactly("C9_EvaluateAndClose");
    call.complete(C9_EvaluateAndClose);
    assertThat(call.root()).isEnded();
    assertThat(call.passedSteps()).containsExactly(C1_AcceptRfc, C2_Classify, C3_PlanAndAgree, C9_EvaluateAndClose)
        .as("nothing built, tested, deployed or recorded in the MIR");
    assertThat(UsmTestEngine.MIR_UPDATES).doesNotContain(call.trackingNumber());
    assertThat(org.usm.testing.UsmTestEngine.jdbc().queryForList("SELECT message FROM usm_audit_event WHERE "
        + "tracking_number = ? AND kind = 'DECISION' AND rule_id = 'E1'", String.class, call.trackingNumber()))
        .singleElement().asString().startsWith("not realised: the change is rejected").contains("eerst een wens");
  }

  @Test
  void exitO3ARequestThatCannotBeDoneSkipsExecutionAndIsReviewedAndEvaluatedNotRealised() {
    CallDriver call = CallDriver.start(engine, "wmo-voorziening", WorkflowPattern.WF5);
    call.complete(O1_AcceptServiceRequest);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.complete(O3_PlanActivities, Map.of("feasible", false)))
        .isInstanceOf(org.usm.engine.RuleViolation.class).hasMessageContaining("Regel E1").hasMessageContaining("reason");
    call.complete(O3_PlanActivities, Map.of("feasible", false, "reason", "Geen traplift leverbaar voor deze trap"));

    assertThat(call.openSteps()).containsExactly("O5_ReviewDelivery");
    call.complete(O5_ReviewDelivery, Map.of("requesterAccepted", true));
    assertThat(call.instanceOf(UsmProcess.OPERATE.key())).variables()
        .containsEntry(CallVariables.FULFILMENT_STATUS, "not realised");
    call.complete(O6_EvaluateAndClose);
    assertThat(call.root()).isEnded();
    assertThat(call.passedSteps()).containsExactly(O1_AcceptServiceRequest, O2_Classify, O3_PlanActivities,
        O5_ReviewDelivery, O6_EvaluateAndClose).as("nothing executed");
  }

  @Test
  void exitR4AnIncidentNeedingNoFixForksNothingAndIsReviewedAndEvaluatedNotRealised() {
    CallDriver call = CallDriver.start(engine, "verhuizing", WorkflowPattern.WF4);
    call.complete(R1_AcceptIncident).complete(R3_Analyze)
        .complete(R4_PrepareRecovery, Map.of("recoveryRoute", "none", "resolution", "Melding was een vergissing"));

    assertThat(call.openSteps()).containsExactly("R6_ReviewDelivery");
    call.complete(R6_ReviewDelivery, Map.of("requesterAccepted", true));
    assertThat(call.instanceOf(UsmProcess.RECOVER.key())).variables()
        .containsEntry(CallVariables.FULFILMENT_STATUS, "not realised");
    call.complete(R7_EvaluateAndClose);
    assertThat(call.root()).isEnded();
    assertThat(call.passedSteps()).containsExactly(R1_AcceptIncident, R2_Classify, R3_Analyze, R4_PrepareRecovery,
        R6_ReviewDelivery, R7_EvaluateAndClose).as("no fork: nothing changed or executed");
  }

  @Test
  void exitI4AnAcceptedRiskDeploysNoMeasureAndIsReviewedAndEvaluated() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF8);
    call.complete(I1_IdentifyRisk).complete(I3_DetermineCause)
        .complete(I4_SelectMeasure, Map.of("measureType", "none", "rationale", "Kans klein, gevolg beperkt"));

    assertThat(call.openSteps()).containsExactly("I6_ReviewDelivery");
    call.complete(I6_ReviewDelivery, Map.of("requesterAccepted", true)).complete(I7_EvaluateAndClose);
    assertThat(call.root()).isEnded();
    assertThat(call.passedSteps()).containsExactly(I1_IdentifyRisk, I2_Classify, I3_DetermineCause,
        I4_SelectMeasure, I6_ReviewDelivery, I7_EvaluateAndClose);
  }

  @Test
  void aChangeRejectedInsideAWishReportsNotRealisedToTheAgreeThatCalledIt() {
    CallDriver call = CallDriver.start(engine, "wmo-voorziening", WorkflowPattern.WF1);
    call.complete(A1_AcceptWish).complete(A3_SpecifyService, Map.of("rfcDescription", "Vervoer op zondag"))
        .complete(A4_DraftOffer).complete(A5_Negotiate, Map.of("agreementReached", true))
        .complete(C1_AcceptRfc)
        .complete(C3_PlanAndAgree, Map.of("planApproved", false, "rejectionReason", "Geen vervoerder beschikbaar"))
        .complete(C9_EvaluateAndClose);

    assertThat(call.openSteps()).containsExactly("A7_ReviewDelivery");
    assertThat(call.instanceOf(UsmProcess.AGREE.key())).variables()
        .containsEntry(CallVariables.FORK_OUTCOME, "not realised");
  }

  @Test
  void exitA5NoAgreementRealisesNothingAndA8StillEvaluatesTheWish() {
    CallDriver call = CallDriver.start(engine, "wmo-voorziening", WorkflowPattern.WF1);
    call.complete(A1_AcceptWish).complete(A3_SpecifyService, Map.of("rfcDescription", "Extra vervoer"))
        .complete(A4_DraftOffer).complete(A5_Negotiate, Map.of("agreementReached", false));

    assertThat(call.openSteps()).as("evaluated, no longer ended at A5").containsExactly("A8_EvaluateAndClose");
    call.complete(A8_EvaluateAndClose);
    assertThat(call.root()).isEnded();
    assertThat(call.passedSteps()).containsExactly(A1_AcceptWish, A2_Classify, A3_SpecifyService, A4_DraftOffer,
        A5_Negotiate, A8_EvaluateAndClose);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(call.trackingNumber()).processDefinitionKey(UsmProcess.CHANGE.key()).count())
        .as("no change was started").isZero();
  }

  @ParameterizedTest(name = "{0}: a call registered as the wrong type is reclassified at its accept step and evaluated")
  @EnumSource(value = WorkflowPattern.class, names = {"WF1", "WF2", "WF4", "WF5", "WF8"})
  void exitAtTheAcceptStepAReclassifiedCallGoesStraightToItsEvaluation(WorkflowPattern pattern) {
    CallDriver call = CallDriver.start(engine, "verhuizing", pattern);
    Step accept = Step.of(pattern.entryProcess(), org.usm.model.StepKind.ACCEPT);
    Step evaluate = Step.of(pattern.entryProcess(), org.usm.model.StepKind.EVALUATE);
    String other = pattern == WorkflowPattern.WF4 ? "service-request" : "incident";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.complete(accept, Map.of("reclassifyAs", other)))
        .isInstanceOf(org.usm.engine.RuleViolation.class).hasMessageContaining("Regel E1")
        .hasMessageContaining("reclassificationReason");
    assertThat(call.openSteps()).containsExactly(accept.id());

    call.complete(accept, Map.of("reclassifyAs", other, "reclassificationReason", "Bij navraag: een " + other));
    assertThat(call.openSteps()).as("evaluated, nothing else done").containsExactly(evaluate.id());
    call.complete(evaluate);
    assertThat(call.root()).isEnded();
    assertThat(call.passedSteps()).containsExactly(accept, evaluate);
    String entry = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(call.trackingNumber()).processDefinitionKey(pattern.entryProcess().key())
        .singleResult().getId();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(entry)
        .variableName(CallVariables.PROCESS_OUTCOME).singleResult().getValue()).isEqualTo("not realised");
    assertThat(org.usm.testing.UsmTestEngine.jdbc().queryForList("SELECT message FROM usm_audit_event WHERE "
        + "tracking_number = ? AND kind = 'DECISION' AND rule_id = 'E1'", String.class, call.trackingNumber()))
        .singleElement().asString().startsWith("not realised: the call was registered as the wrong type")
        .contains(accept.id() + ": Bij navraag");
  }

  @Test
  void aProcessAForkStartedDoesNotReclassifyTheCallItAcceptsWorkOf() {
    CallDriver call = CallDriver.start(engine, "wmo-voorziening", WorkflowPattern.WF1);
    call.complete(A1_AcceptWish).complete(A3_SpecifyService, Map.of("rfcDescription", "Vervoer op zondag"))
        .complete(A4_DraftOffer).complete(A5_Negotiate, Map.of("agreementReached", true));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.complete(C1_AcceptRfc, Map.of("reclassifyAs",
            "incident", "reclassificationReason", "Eigenlijk een storing")))
        .isInstanceOf(org.usm.engine.RuleViolation.class).hasMessageContaining("Regel E1")
        .hasMessageContaining("geherclassificeerd bij de aannamestap van haar startproces");
    assertThat(call.openSteps()).containsExactly("C1_AcceptRfc");
  }

  @Test
  void rejectedReviewSendsTheWorkBackInsideTheSameProcess() {
    CallDriver call = CallDriver.start(engine, "verhuizing", WorkflowPattern.WF5);
    call.complete(O1_AcceptServiceRequest).complete(O3_PlanActivities).complete(O4_ExecuteActivities)
        .complete(O5_ReviewDelivery, Map.of("requesterAccepted", false));

    assertThat(call.openSteps()).containsExactly("O4_ExecuteActivities");
    call.complete(O4_ExecuteActivities).complete(O5_ReviewDelivery, Map.of("requesterAccepted", true));
    assertThat(call.openSteps()).containsExactly("O6_EvaluateAndClose");
    assertThat(call.passedSteps()).containsSubsequence(O4_ExecuteActivities, O5_ReviewDelivery,
        O4_ExecuteActivities, O5_ReviewDelivery);
  }

  @Test
  void tasksReachTheGroupsTheServiceBindsToEachRole() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF4);
    assertThat(call.task(R1_AcceptIncident)).hasCandidateGroup("it-servicedesk-coordinatoren");
    call.complete(R1_AcceptIncident);
    assertThat(call.task(R3_Analyze)).hasCandidateGroup("it-werkplekbeheer");
    call.complete(R3_Analyze);
    call.complete(R4_PrepareRecovery, HappyPath.variables(R4_PrepareRecovery, WorkflowPattern.WF4));
    call.complete(O1_AcceptServiceRequest);
    call.complete(O3_PlanActivities);
    List<String> executors = engine.getTaskService().getIdentityLinksForTask(call.task(O4_ExecuteActivities).getId())
        .stream().map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    assertThat(executors).as("only operators execute").containsExactly("it-werkplekbeheer");

    CallDriver other = CallDriver.start(engine, "verhuizing", WorkflowPattern.WF4);
    other.complete(R1_AcceptIncident);
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(other.task(R3_Analyze).getId()).stream()
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    assertThat(groups).as("the analysis is the Recover operators' work; its coordinators organise it")
        .containsExactlyInAnyOrder("publieksdiensten-burgerzaken", "ict-applicatiebeheer");
  }

  @Test
  void endToEndSlaBreachGivesTheWorkflowCoordinatorAnEscalationAndTheCallGoesOn() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF4);
    var timer = engine.getManagementService().createJobQuery().processInstanceId(call.root().getId())
        .timers().activityId("WF_SlaBreached").singleResult();
    assertThat(timer).as("end-to-end SLA timer").isNotNull();
    assertThat(timer.getDuedate()).isEqualTo(
        engine.getRuntimeService().getVariable(call.root().getId(), CallVariables.SLA_DUE_DATE));

    engine.getManagementService().executeJob(timer.getId());

    assertThat(call.root()).isActive().isWaitingAt("WF_EntryProcess", "WF_SteerSlaBreach");
    assertThat(UsmTestEngine.SLA_BREACHES).contains(call.trackingNumber());
    org.camunda.bpm.engine.task.Task escalation = engine.getTaskService().createTaskQuery()
        .processInstanceId(call.root().getId()).taskDefinitionKey("WF_SteerSlaBreach").singleResult();
    assertThat(escalation).as("the workflow coordinator of Recover, not a line manager, steers the call")
        .hasCandidateGroup("it-servicedesk-coordinatoren");
    assertThat(call.openSteps()).contains("R1_AcceptIncident");

    HappyPath.drive(call, WorkflowPattern.WF4);
    assertThat(call.root()).as("closing the call ends the open escalation too").isEnded();
  }

  @Test
  void everyProcessOfTheCallCarriesTheTrackingNumberAsBusinessKey() {
    CallDriver call = CallDriver.start(engine, "werkplek", WorkflowPattern.WF6);
    HappyPath.drive(call, WorkflowPattern.WF6);
    List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(call.root().getId()).list();
    assertThat(instances).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .containsExactlyInAnyOrder("usm-wf6-werkplek", "usm-improve", "usm-agree", "usm-change", "usm-operate");
    assertThat(instances).extracting(HistoricProcessInstance::getBusinessKey).containsOnly(call.trackingNumber());
    assertThat(UsmTestEngine.MIR_UPDATES).contains(call.trackingNumber());
  }
}
