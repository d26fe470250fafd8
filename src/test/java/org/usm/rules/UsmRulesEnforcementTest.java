package org.usm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.usm.model.Step.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.usm.engine.RuleViolation;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRejectedException;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;
import org.usm.testing.CallDriver;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;

/**
 * Every USM rule enforced by the running product: for each rule, an action that breaks it is refused with
 * the rule and the field, changes nothing and leaves a refusal in the audit trail; the same action done
 * right passes.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default",
// which every context registers.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class UsmRulesEnforcementTest {

  /**
   * Writers that try to write the registers from where USM does not allow it. Expressions reach only the
   * product's model beans, so the rogue models name these classes, which call the registers' real
   * writers.
   */
  @TestConfiguration
  static class RogueWriters {
    static ManagedInfrastructureRegister mir;
    static AgreementRegister agreements;

    @Bean
    Object rogueWriterRegisters(ManagedInfrastructureRegister mir, AgreementRegister agreements) {
      RogueWriters.mir = mir;
      RogueWriters.agreements = agreements;
      return new Object();
    }
  }

  public static class RogueMirWriter implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RogueWriters.mir.registerChange(execution);
    }
  }

  public static class RogueAgreementWriter implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RogueWriters.agreements.recordAgreementReached(execution);
    }
  }

  @Autowired CallIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired ManagedInfrastructureRegister mir;
  @Autowired AgreementRegister agreements;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  // --- driving calls as the demo users ---------------------------------------------------------------

  private String register(String serviceId, String type, String requester) {
    as("servicedesk");
    String trackingNumber = intake.register(new CallRequest(serviceId, type, "Rule test " + type, requester,
        null, null, null, null, null)).trackingNumber();
    identityService.clearAuthentication();
    return trackingNumber;
  }

  private void as(String user) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(user, groups);
  }

  private Task task(String trackingNumber, Step step) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(step.id()).singleResult();
    assertThat(task).as("open task %s of %s", step.id(), trackingNumber).isNotNull();
    return task;
  }

  private void work(String trackingNumber, Step step, String user, Map<String, Object> variables) {
    as(user);
    try {
      taskService.complete(task(trackingNumber, step).getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String serviceOf(String trackingNumber) {
    return jdbc.queryForObject("SELECT service_id FROM usm_call WHERE tracking_number = ?", String.class, trackingNumber);
  }

  private void work(String trackingNumber, Step step, String user) {
    work(trackingNumber, step, user, HappyPath.variables(step, WorkflowPattern.WF2, serviceOf(trackingNumber)));
  }

  private RuleViolation refused(String trackingNumber, Step step, String user, Map<String, Object> variables) {
    as(user);
    try {
      String taskId = task(trackingNumber, step).getId();
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> taskService.complete(taskId, variables));
      assertThat(thrown).as("completing %s as %s", step.id(), user).isInstanceOf(RuleViolation.class);
      return (RuleViolation) thrown;
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The refusal left its trace in the audit trail, and the task is still open with none of the variables. */
  private void assertNothingChanged(String trackingNumber, Step step, String rule, Map<String, Object> variables) {
    Task task = task(trackingNumber, step);
    for (String name : variables.keySet()) {
      assertThat(runtimeService.getVariable(task.getExecutionId(), name)).as("variable %s kept", name).isNull();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_audit_event WHERE tracking_number = ? AND kind = "
        + "'REFUSAL' AND rule_id = ? AND step = ?", Integer.class, trackingNumber, rule, step.id()))
        .as("refusal %s at %s in the audit trail", rule, step.id()).isEqualTo(1);
  }

  /** A released change: Operate deploys it (O1-O6 by the demo users), then C7 accepts the delivery. */
  private void deployThroughOperateAndReview(String rfc) {
    operateUntilReview(rfc);
    work(rfc, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    work(rfc, O6_EvaluateAndClose, "coordinator", Map.of());
    work(rfc, C7_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
  }

  /** O1 and O3 by the coordinator, O4 by the operator: the call waits at O5_ReviewDelivery. */
  private void operateUntilReview(String trackingNumber) {
    for (Step step : List.of(O1_AcceptServiceRequest, O3_PlanActivities)) {
      work(trackingNumber, step, "coordinator", Map.of());
    }
    work(trackingNumber, O4_ExecuteActivities, "operator", Map.of());
  }

  private String changeAt(Step step, String serviceId, String requester) {
    String rfc = register(serviceId, "rfc", requester);
    for (Step s : List.of(C1_AcceptRfc, C3_PlanAndAgree, C4_PrepareChange, C5_TestAndRelease)) {
      if (s == step) {
        return rfc;
      }
      work(rfc, s, HappyPath.demoUser(s));
    }
    throw new IllegalArgumentException(step.id());
  }

  // --- handover rules at task completion --------------------------------------------------------------

  @Test
  void h4AnAcceptedChangeWithoutDeploymentPlanIsRefusedAndNothingChanges() {
    String rfc = changeAt(C5_TestAndRelease, "verhuizing", "inwoner-4711");
    Map<String, Object> noPlan = Map.of("testAccepted", true);

    RuleViolation violation = refused(rfc, C5_TestAndRelease, "tester", noPlan);

    assertThat(violation.ruleId()).isEqualTo("H4");
    assertThat(violation.field()).isEqualTo("deploymentPlan");
    assertThat(violation.getMessage()).as("verhuizing speaks Dutch").startsWith("Regel H4: 'deploymentPlan' is verplicht");
    assertNothingChanged(rfc, C5_TestAndRelease, "H4", noPlan);

    work(rfc, C5_TestAndRelease, "tester", Map.of("testAccepted", true, "deploymentPlan", "Di 07:00"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(rfc).singleResult().getTaskDefinitionKey())
        .isEqualTo("O1_AcceptServiceRequest");
  }

  /**
   * The people who work a call read a refusal in its service's language (DESIGN §14); the status, the rule id
   * and the field are the same in every language, and nothing changes either way.
   */
  @Test
  void aRefusedCompletionAnswersInTheLanguageOfTheCallsService() {
    UsmApi api = new UsmApi(rest);
    String dutch = changeAt(C5_TestAndRelease, "verhuizing", "inwoner-4711");
    ResponseEntity<String> inDutch = api.completeTask("tester", dutch, C5_TestAndRelease, Map.of("testAccepted", true));
    assertThat(inDutch.getStatusCode().value()).isEqualTo(400);
    assertThat(inDutch.getBody()).contains("Regel H4: 'deploymentPlan' is verplicht: een geaccepteerde wijziging wordt "
        + "door Uitvoeren geïmplementeerd volgens het implementatieplan").contains("\"field\":\"deploymentPlan\"");
    assertThat(task(dutch, C5_TestAndRelease)).isNotNull();

    String english = changeAt(C5_TestAndRelease, "expat-desk", "inwoner-4711");
    ResponseEntity<String> inEnglish = api.completeTask("tester", english, C5_TestAndRelease,
        Map.of("testAccepted", true));
    assertThat(inEnglish.getStatusCode().value()).isEqualTo(400);
    assertThat(inEnglish.getBody()).contains("Rule H4: 'deploymentPlan' is required: an accepted change is deployed "
        + "by Operate following the deployment plan").contains("\"field\":\"deploymentPlan\"");
    assertThat(task(english, C5_TestAndRelease)).isNotNull();
  }

  @Test
  void refusalsReachTheRestClientWithTheRuleHandoversAs400AndDutiesAs403(CapturedOutput log) {
    String rfc = changeAt(C4_PrepareChange, "verhuizing", "inwoner-4711");
    work(rfc, C4_PrepareChange, "admin", Map.of());
    UsmApi api = new UsmApi(rest);

    ResponseEntity<String> handover = api.completeTask("tester", rfc, C5_TestAndRelease, Map.of("testAccepted", true));
    assertThat(handover.getStatusCode().value()).isEqualTo(400);
    assertThat(handover.getBody()).contains("Regel H4: 'deploymentPlan' is verplicht");

    ResponseEntity<String> duty = api.completeTask("admin", rfc, C5_TestAndRelease,
        Map.of("testAccepted", true, "deploymentPlan", "Di 07:00"));
    assertThat(duty.getStatusCode().value()).isEqualTo(403);
    assertThat(duty.getBody()).contains("Regel SOD-1: Functiescheiding: 'admin' heeft C4 Voorbereiden wijziging van deze melding "
        + "afgerond");
    assertThat(task(rfc, C5_TestAndRelease)).isNotNull();
    // A refusal is an answer, logged as one line, not an engine failure with a stack trace.
    assertThat(log.getAll()).contains("INFO").contains("Refused " + rfc + " at C5_TestAndRelease for tester: Regel H4")
        .doesNotContain("ENGINE-16004").doesNotContain("HandoverRefusal").doesNotContain("DutyRefusal");
  }

  @Test
  void h5H1H6TheRecoveryRouteAndItsRequestAreRequired() {
    String incident = register("verhuizing", "incident", "inwoner-4711");
    work(incident, R1_AcceptIncident, "coordinator", Map.of());
    work(incident, R3_Analyze, "operator", Map.of());

    assertThat(refused(incident, R4_PrepareRecovery, "coordinator", Map.of()).ruleId()).isEqualTo("H5");
    Map<String, Object> changeWithoutRfc = Map.of("recoveryRoute", "change");
    assertThat(refused(incident, R4_PrepareRecovery, "coordinator", changeWithoutRfc).field()).isEqualTo("rfcDescription");
    assertThat(refused(incident, R4_PrepareRecovery, "coordinator", Map.of("recoveryRoute", "operate")).ruleId())
        .isEqualTo("H6");
    assertNothingChanged(incident, R4_PrepareRecovery, "H1", changeWithoutRfc);

    work(incident, R4_PrepareRecovery, "coordinator",
        Map.of("recoveryRoute", "operate", "serviceRequestDescription", "Bevestiging opnieuw sturen"));
    assertThat(task(incident, O1_AcceptServiceRequest)).isNotNull();
  }

  @Test
  void h3H7H10H12DecisionsAreRequiredWhereTheContractAsksForThem() {
    String wish = register("wmo-voorziening", "wish", "inwoner-4711");
    assertThat(refused(wish, A1_AcceptWish, "coordinator", Map.of("impact", "groot")).ruleId()).isEqualTo("H12");
    work(wish, A1_AcceptWish, "coordinator", Map.of("impact", "high"));
    assertThat(refused(wish, A3_SpecifyService, "operator", Map.of()).ruleId()).isEqualTo("H3");
    work(wish, A3_SpecifyService, "operator", Map.of("rfcDescription", "Vervoer in het weekend"));
    work(wish, A4_DraftOffer, "coordinator", Map.of());
    assertThat(refused(wish, A5_Negotiate, "coordinator", Map.of()).field()).isEqualTo("agreementReached");

    String risk = register("werkplek", "risk", "medewerker-0042");
    work(risk, I1_IdentifyRisk, "coordinator", Map.of());
    work(risk, I3_DetermineCause, "operator", Map.of());
    assertThat(refused(risk, I4_SelectMeasure, "coordinator", Map.of("measureType", "operate")).ruleId())
        .isEqualTo("H7");

    String request = register("werkplek", "service-request", "medewerker-0815");
    operateUntilReview(request);
    assertThat(refused(request, O5_ReviewDelivery, "coordinator", Map.of()).ruleId()).isEqualTo("H10");
    assertNothingChanged(request, O5_ReviewDelivery, "H10", Map.of());
  }

  // --- separation of duties ---------------------------------------------------------------------------

  @Test
  void sod1NobodyReleasesTheChangeTheyPreparedAdminsIncluded() {
    String rfc = changeAt(C4_PrepareChange, "verhuizing", "inwoner-4711");
    work(rfc, C4_PrepareChange, "admin", Map.of());
    Map<String, Object> release = Map.of("testAccepted", true, "deploymentPlan", "Di 07:00");

    // Said when the builder takes the step up, and the step stays free for the tester.
    as("admin");
    try {
      String taskId = task(rfc, C5_TestAndRelease).getId();
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> taskService.claim(taskId, "admin")))
          .isInstanceOf(RuleViolation.class).hasMessageContaining("Regel SOD-1");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(task(rfc, C5_TestAndRelease).getAssignee()).isNull();
    RuleViolation violation = refused(rfc, C5_TestAndRelease, "admin", release);

    assertThat(violation.ruleId()).isEqualTo("SOD-1");
    assertThat(violation.getMessage()).contains("'admin' heeft C4 Voorbereiden wijziging van deze melding afgerond")
        .contains("mag daarom C5 Testen en vrijgeven niet oppakken of afronden");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_audit_event WHERE tracking_number = ? AND kind = "
        + "'REFUSAL' AND rule_id = 'SOD-1'", Integer.class, rfc)).as("the claim and the completion refused").isEqualTo(2);
    assertThat(runtimeService.getVariable(task(rfc, C5_TestAndRelease).getExecutionId(), "deploymentPlan")).isNull();
    work(rfc, C5_TestAndRelease, "tester", release);
  }

  @Test
  void sod3And4TheRequesterMayNotApproveNorReleaseTheirOwnChange() {
    String rfc = register("verhuizing", "rfc", "coordinator");
    work(rfc, C1_AcceptRfc, "coordinator", Map.of());
    assertThat(refused(rfc, C3_PlanAndAgree, "coordinator", Map.of()).ruleId()).isEqualTo("SOD-3");
    assertNothingChanged(rfc, C3_PlanAndAgree, "SOD-3", Map.of());
    work(rfc, C3_PlanAndAgree, "admin", Map.of("changedComponents", "brp-koppeling"));

    // A tester who asked for a change may not release it.
    String own = register("verhuizing", "rfc", "tester");
    work(own, C1_AcceptRfc, "coordinator", Map.of());
    work(own, C3_PlanAndAgree, "coordinator", Map.of("changedComponents", "brp-koppeling"));
    work(own, C4_PrepareChange, "operator", Map.of());
    Map<String, Object> release = Map.of("testAccepted", true, "deploymentPlan", "Di 07:00");
    assertThat(refused(own, C5_TestAndRelease, "tester", release).ruleId()).isEqualTo("SOD-4");
    work(own, C5_TestAndRelease, "admin", release);
  }

  @Test
  void sod2NobodyNegotiatesTheServiceTheySpecified() {
    String wish = register("wmo-voorziening", "wish", "inwoner-4711");
    work(wish, A1_AcceptWish, "coordinator", Map.of());
    work(wish, A3_SpecifyService, "admin", Map.of("rfcDescription", "Weekendvervoer"));
    work(wish, A4_DraftOffer, "coordinator", Map.of());
    assertThat(refused(wish, A5_Negotiate, "admin", Map.of("agreementReached", false)).ruleId()).isEqualTo("SOD-2");
    assertNothingChanged(wish, A5_Negotiate, "SOD-2", Map.of("agreementReached", false));
    work(wish, A5_Negotiate, "coordinator", Map.of("agreementReached", false));
  }

  @Test
  void sod5And6NobodyEvaluatesTheirOwnExecution() {
    String request = register("werkplek", "service-request", "medewerker-0815");
    work(request, O1_AcceptServiceRequest, "coordinator", Map.of());
    work(request, O3_PlanActivities, "coordinator", Map.of());
    work(request, O4_ExecuteActivities, "admin", Map.of());
    work(request, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    assertThat(refused(request, O6_EvaluateAndClose, "admin", Map.of()).ruleId()).isEqualTo("SOD-5");
    assertNothingChanged(request, O6_EvaluateAndClose, "SOD-5", Map.of());
    work(request, O6_EvaluateAndClose, "coordinator", Map.of());

    String rfc = changeAt(C4_PrepareChange, "werkplek", "medewerker-0815");
    work(rfc, C4_PrepareChange, "admin", Map.of());
    work(rfc, C5_TestAndRelease, "tester", Map.of("testAccepted", true, "deploymentPlan", "Di 07:00"));
    deployThroughOperateAndReview(rfc);
    assertThat(refused(rfc, C9_EvaluateAndClose, "admin", Map.of()).ruleId()).isEqualTo("SOD-5");
    work(rfc, C9_EvaluateAndClose, "coordinator", Map.of());
  }

  @Test
  void sod6To8AndTheRoleRuleHoldOverTheWholeCall() {
    // SOD-7: who approved the plan does not build it (admin holds every grant, not the rule's exception).
    String rfc = changeAt(C3_PlanAndAgree, "verhuizing", "inwoner-4711");
    work(rfc, C3_PlanAndAgree, "admin", Map.of("changedComponents", "brp-koppeling"));
    assertThat(refused(rfc, C4_PrepareChange, "admin", Map.of()).ruleId()).isEqualTo("SOD-7");
    assertNothingChanged(rfc, C4_PrepareChange, "SOD-7", Map.of());
    work(rfc, C4_PrepareChange, "operator", Map.of());

    // SOD-6, across the fork: who built the change (C4) does not record the review of the deployment (O5).
    work(rfc, C5_TestAndRelease, "tester", Map.of("testAccepted", true, "deploymentPlan", "Di 07:00"));
    for (Step step : List.of(O1_AcceptServiceRequest, O3_PlanActivities)) {
      work(rfc, step, "coordinator", Map.of());
    }
    work(rfc, O4_ExecuteActivities, "tester", Map.of());
    identityService.createMembership("operator", "publieksdiensten-coordinatoren");
    try {
      assertThat(refused(rfc, O5_ReviewDelivery, "operator", Map.of("requesterAccepted", true)).ruleId())
          .isEqualTo("SOD-6");
    } finally {
      identityService.deleteMembership("operator", "publieksdiensten-coordinatoren");
    }

    // SOD-8: the requester does not negotiate the agreement on their own wish.
    String wish = register("verhuizing", "wish", "coordinator");
    work(wish, A1_AcceptWish, "coordinator", Map.of());
    work(wish, A3_SpecifyService, "operator", Map.of("rfcDescription", "Weekendvervoer"));
    work(wish, A4_DraftOffer, "coordinator", Map.of());
    assertThat(refused(wish, A5_Negotiate, "coordinator", Map.of("agreementReached", false)).ruleId())
        .isEqualTo("SOD-8");

    // SOD-ROLE: a coordinator of the process never executes, not even one who is also an operator.
    String incident = register("verhuizing", "incident", "inwoner-4711");
    work(incident, R1_AcceptIncident, "coordinator", Map.of());
    identityService.createMembership("coordinator", "publieksdiensten-burgerzaken");
    try {
      RuleViolation refusal = refused(incident, R3_Analyze, "coordinator", Map.of());
      assertThat(refusal.ruleId()).isEqualTo("SOD-ROLE");
      assertThat(refusal.getMessage()).contains("coördinatoren organiseren de uitvoering van het werk door operators, "
          + "maar ze voeren dat niet zelf uit");
      assertNothingChanged(incident, R3_Analyze, "SOD-ROLE", Map.of());
    } finally {
      identityService.deleteMembership("coordinator", "publieksdiensten-burgerzaken");
    }
    work(incident, R3_Analyze, "operator", Map.of());
  }

  // --- registers ----------------------------------------------------------------------------------------

  @Test
  void h2AndH11AnAgreementReachedAtA5OpensTheServiceForChanges() {
    assertThatThrownBy(() -> register("archief", "rfc", "medewerker-0042"))
        .isInstanceOf(CallRejectedException.class).hasMessageContaining("rule H2");
    int before = agreements.history("archief").size();

    String wish = register("archief", "wish", "medewerker-0042");
    for (Step step : WorkflowPattern.WF1.path()) {
      if (step == A5_Negotiate) {
        assertThat(agreements.history("archief")).as("nothing recorded before A5").hasSize(before);
      }
      if (step.isUserTask()) {
        work(wish, step, HappyPath.demoUser(step),
            HappyPath.variables(step, WorkflowPattern.WF1, serviceOf(wish)));
      }
    }

    List<AgreementRegister.Agreement> history = agreements.history("archief");
    assertThat(history).hasSize(before + 1);
    assertThat(history.get(history.size() - 1)).satisfies(a -> {
      assertThat(a.agreementId()).isEqualTo("SA-" + wish);
      assertThat(a.trackingNumber()).isEqualTo(wish);
      assertThat(a.recordedBy()).isEqualTo("coordinator");
    });
    assertThat(register("archief", "rfc", "medewerker-0042")).startsWith("RFC-");
  }

  @Test
  void h11NoAgreementReachedRecordsNothing() {
    String wish = register("werkplek", "wish", "medewerker-0815");
    int before = agreements.history("werkplek").size();
    work(wish, A1_AcceptWish, "coordinator", Map.of());
    work(wish, A3_SpecifyService, "operator", Map.of("rfcDescription", "Tweede scherm standaard"));
    work(wish, A4_DraftOffer, "coordinator", Map.of());
    work(wish, A5_Negotiate, "coordinator", Map.of("agreementReached", false));
    assertThat(agreements.history("werkplek")).hasSize(before);
    assertThat(jdbc.queryForObject("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'DECISION' "
        + "AND rule_id = 'H3'", String.class, wish)).contains("no agreement reached");
    work(wish, A8_EvaluateAndClose, "coordinator", Map.of());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(wish).count()).isZero();
    assertThat(agreements.history("werkplek")).hasSize(before);
  }

  @Test
  void h1TheMirRecordsWhatTheChangeDeclaredAtC8() {
    String rfc = register("verhuizing", "rfc", "inwoner-4711");
    work(rfc, C1_AcceptRfc, "coordinator", Map.of("concernedComponents", "verhuisformulier"));
    int version = mir.find("verhuizing", "brp-koppeling").orElseThrow().version();
    int formVersion = mir.find("verhuizing", "verhuisformulier").orElseThrow().version();
    work(rfc, C3_PlanAndAgree, "coordinator", Map.of("changedComponents", "brp-koppeling"));
    Map<String, Object> view = new UsmApi(rest).callBody("auditor", rfc);
    assertThat(view).containsEntry("concernedComponents", List.of("verhuisformulier"))
        .containsEntry("changedComponents", List.of("brp-koppeling"));
    work(rfc, C4_PrepareChange, "operator", Map.of());
    assertThat(mir.find("verhuizing", "brp-koppeling").orElseThrow().version()).as("nothing written before C8")
        .isEqualTo(version);
    work(rfc, C5_TestAndRelease, "tester", Map.of("testAccepted", true, "deploymentPlan", "Di 07:00"));
    deployThroughOperateAndReview(rfc);

    assertThat(mir.find("verhuizing", "brp-koppeling").orElseThrow().version()).isEqualTo(version + 1);
    assertThat(mir.find("verhuizing", "verhuisformulier").orElseThrow().version()).as("concerned, not changed")
        .isEqualTo(formVersion);
    assertThat(mir.changes("verhuizing")).filteredOn(c -> rfc.equals(c.trackingNumber()))
        .extracting(ManagedInfrastructureRegister.MirChange::componentId)
        .containsExactly("brp-koppeling");
    assertThat(jdbc.queryForList("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND rule_id IN "
        + "('H1', 'H12') ORDER BY id", String.class, rfc)).containsExactly(
            "the call concerns managed components verhuisformulier",
            "the change modifies managed components brp-koppeling; C8 records exactly these after deployment",
            "managed infrastructure of verhuizing updated: [brp-koppeling]");

    ResponseEntity<Map> components = rest.withBasicAuth("auditor", "auditor")
        .getForEntity("/api/services/verhuizing/components", Map.class);
    assertThat(components.getStatusCode().value()).isEqualTo(200);
    assertThat(components.getBody().toString()).contains("brp-koppeling").contains(rfc);
    assertThat(rest.withBasicAuth("requester", "requester").getForEntity("/api/services/verhuizing/components",
        Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("auditor", "auditor").getForEntity("/api/services/archief/agreements", Map.class)
        .getBody().get("history").toString()).contains("DVO-IT-2026-07");
  }

  @Test
  void h1H11AnyOtherWriterOfARegisterIsRefused() {
    int mirChanges = jdbc.queryForObject("SELECT COUNT(*) FROM usm_mir_change", Integer.class);
    int agreementRows = jdbc.queryForObject("SELECT COUNT(*) FROM usm_agreement", Integer.class);
    repositoryService.createDeployment().name("rogue-writers")
        .addModelInstance("rogue-mir.bpmn", Bpmn.createExecutableProcess("rogue-mir").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_PatchComponent").camundaClass(RogueMirWriter.class)
            .endEvent().done())
        .addModelInstance("rogue-agreement.bpmn", Bpmn.createExecutableProcess("rogue-agreement")
            .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_SignAgreement")
            .camundaClass(RogueAgreementWriter.class).endEvent().done())
        .deploy();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("rogue-mir", "RFC-2026-999999",
        Map.of("serviceId", "verhuizing")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("Rule H1: the managed infrastructure register is written only at C8_UpdateMir of usm-change, "
            + "not at Task_PatchComponent of rogue-mir");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("rogue-agreement", "WSH-2026-999999",
        Map.of("serviceId", "verhuizing")))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("Rule H11: the agreements register is written only at A5_Negotiate of usm-agree");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_mir_change", Integer.class)).isEqualTo(mirChanges);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_agreement", Integer.class)).isEqualTo(agreementRows);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("rogue-mir").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_audit_event WHERE kind = 'REFUSAL' AND "
        + "tracking_number IN ('RFC-2026-999999', 'WSH-2026-999999')", Integer.class)).isEqualTo(2);
  }

  // --- process boundaries at deployment and entry -----------------------------------------------------------

  @Test
  void h9AModelWithAForkTheRulesDoNotAllowIsRefusedAtDeployment() {
    BpmnModelInstance change = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/processes/usm-change.bpmn"));
    ((CallActivity) change.getModelElementById("C6_Deploy")).setCalledElement("usm-agree");
    long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("usm-change").count();

    assertThatThrownBy(() -> repositoryService.createDeployment().addModelInstance("usm-change.bpmn", change).deploy())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("rule H4: C6_Deploy in usm-change may not call usm-agree");
    assertThatThrownBy(() -> repositoryService.createDeployment().addModelInstance("shadow.bpmn",
        Bpmn.createExecutableProcess("shadow").camundaHistoryTimeToLive(1).startEvent()
            .callActivity("Call_Change").calledElement("usm-change").endEvent().done()).deploy())
        .hasMessageContaining("rule H9: call activity Call_Change in shadow may not start usm-change");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("usm-change").count())
        .isEqualTo(before);
  }

  @Test
  void h12AUsmProcessRunsOnlyInsideACall() {
    // No user starts it (rule T4, see TrustAttackTest); started without a user, as product code would, the
    // process itself refuses to run outside a call.
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("usm-operate", Map.of("serviceId", "werkplek")))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("Rule H12: usm-operate runs only as part of a call")
        .hasMessageContaining("POST /api/calls");
  }

  // --- re-route, fulfilment, improvement loop ---------------------------------------------------------

  @Test
  void anIncidentPredictedAsWf4ThatNeedsAChangeContinuesAsWf3WithoutRepeatingSteps() {
    String incident = register("verhuizing", "incident", "inwoner-4711");
    ProcessInstance root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .rootProcessInstances().singleResult();
    Job sla = managementService.createJobQuery().processInstanceId(root.getId()).timers().singleResult();
    work(incident, R1_AcceptIncident, "coordinator", Map.of());
    work(incident, R3_Analyze, "operator", Map.of());
    work(incident, R4_PrepareRecovery, "coordinator",
        Map.of("recoveryRoute", "change", "rfcDescription", "Koppeling BRP herstellen"));

    ProcessInstance after = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .rootProcessInstances().singleResult();
    assertThat(after.getId()).isEqualTo(root.getId());
    assertThat(repositoryService.getProcessDefinition(after.getProcessDefinitionId()).getKey())
        .isEqualTo("usm-wf3-verhuizing");
    assertThat(managementService.createJobQuery().processInstanceId(root.getId()).timers().singleResult().getDuedate())
        .as("the SLA clock runs on from registration").isEqualTo(sla.getDuedate());
    Map<String, Object> view = new UsmApi(rest).callBody("coordinator", incident);
    assertThat(view).containsEntry("pattern", "WF3").containsEntry("predictedPattern", "WF4")
        .containsEntry("status", "re-routed").containsEntry("processDefinitionKey", "usm-wf3-verhuizing");
    assertThat(jdbc.queryForObject("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'REROUTE'",
        String.class, incident)).contains("re-routed from WF4 to WF3 at R4_PrepareRecovery");

    for (Step step : WorkflowPattern.WF3.path()) {
      if (step.isUserTask() && WorkflowPattern.WF3.path().indexOf(step) > WorkflowPattern.WF3.path().indexOf(R5_Recover)) {
        work(incident, step, HappyPath.demoUser(step),
            HappyPath.variables(step, WorkflowPattern.WF3, serviceOf(incident)));
      }
    }
    assertThat(CallDriver.passedSteps(historyService, root.getId())).containsExactlyElementsOf(WorkflowPattern.WF3.path());
    assertThat(new UsmApi(rest).callBody("coordinator", incident)).containsEntry("status", "closed");
  }

  @Test
  void aRiskPredictedAsWf8WhoseMeasureNeedsAnAgreementContinuesAsWf6() {
    String risk = register("werkplek", "risk", "medewerker-0042");
    work(risk, I1_IdentifyRisk, "coordinator", Map.of());
    work(risk, I3_DetermineCause, "operator", Map.of());
    work(risk, I4_SelectMeasure, "coordinator", Map.of("measureType", "agree", "measureDescription", "Nieuwe OLA"));
    assertThat(new UsmApi(rest).callBody("coordinator", risk)).containsEntry("pattern", "WF6")
        .containsEntry("predictedPattern", "WF8");
    assertThat(task(risk, A1_AcceptWish)).isNotNull();
  }

  @Test
  void aForkReportsWhatItDidNotDeliverAndTheCallIsNotFulfilledOnThatBasis() {
    String risk = register("werkplek", "risk", "medewerker-0042");
    work(risk, I1_IdentifyRisk, "coordinator", Map.of());
    work(risk, I3_DetermineCause, "operator", Map.of());
    work(risk, I4_SelectMeasure, "coordinator", Map.of("measureType", "agree", "measureDescription", "Nieuwe OLA"));
    work(risk, A1_AcceptWish, "coordinator", Map.of());
    work(risk, A3_SpecifyService, "operator", Map.of("rfcDescription", "OLA met de leverancier"));
    work(risk, A4_DraftOffer, "coordinator", Map.of());
    work(risk, A5_Negotiate, "coordinator", Map.of("agreementReached", false));
    work(risk, A8_EvaluateAndClose, "coordinator", Map.of());

    String improve = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(risk)
        .processDefinitionKey("usm-improve").singleResult().getId();
    assertThat(runtimeService.getVariable(improve, "forkOutcome")).isEqualTo("not realised");
    assertThat(jdbc.queryForObject("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'RETURN'",
        String.class, risk)).contains("usm-agree:A8_Closed").endsWith(": not realised");
    assertThat(jdbc.queryForObject("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND rule_id = 'H3'",
        String.class, risk)).contains("'coordinator' confirmed".replace("'", "")).contains("closes without a change");
    assertThat(jdbc.queryForObject("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND rule_id = 'E1'",
        String.class, risk)).startsWith("not realised: no agreement was reached");

    work(risk, I6_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    assertThat(fulfilment(risk, "usm-improve")).isEqualTo("not realised");
    assertThat(new UsmApi(rest).callBody("coordinator", risk)).as("nothing was realised")
        .doesNotContainEntry("status", "fulfilled").containsEntry("status", "re-routed");
    work(risk, I7_EvaluateAndClose, "coordinator", Map.of());
    assertThat(new UsmApi(rest).callBody("coordinator", risk)).containsEntry("status", "closed");
  }

  @Test
  void h10TheEntryProcessFulfilsTheWorkflowAndASecondaryProcessOnlyItself() {
    String incident = register("wmo-voorziening", "incident", "inwoner-4711");
    work(incident, R1_AcceptIncident, "coordinator", Map.of());
    work(incident, R3_Analyze, "operator", Map.of());
    work(incident, R4_PrepareRecovery, "coordinator", HappyPath.variables(R4_PrepareRecovery, WorkflowPattern.WF4));
    operateUntilReview(incident);
    work(incident, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    assertThat(fulfilment(incident, "usm-operate")).isEqualTo("process fulfilled");
    assertThat(new UsmApi(rest).callBody("coordinator", incident)).containsEntry("status", "in progress");
    work(incident, O6_EvaluateAndClose, "coordinator", Map.of());
    work(incident, R6_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    assertThat(fulfilment(incident, "usm-recover")).isEqualTo("workflow fulfilled");
    assertThat(new UsmApi(rest).callBody("coordinator", incident)).containsEntry("status", "fulfilled");

    List<String> kinds = jdbc.queryForList("SELECT kind FROM usm_audit_event WHERE tracking_number = ? ORDER BY id",
        String.class, incident);
    assertThat(kinds).containsSubsequence("HANDOVER", "RETURN");
  }

  @Test
  void h8EachImprovementFindingStartsALinkedRiskForTheSameService() {
    String request = register("verhuizing", "service-request", "inwoner-4711");
    work(request, O1_AcceptServiceRequest, "coordinator", Map.of());
    work(request, O3_PlanActivities, "coordinator", Map.of());
    work(request, O4_ExecuteActivities, "operator", Map.of());
    work(request, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", false));
    assertThat(jdbc.queryForObject("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'DECISION'",
        String.class, request)).contains("goes back to O4_ExecuteActivities");
    work(request, O4_ExecuteActivities, "operator", Map.of());
    work(request, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    work(request, O6_EvaluateAndClose, "coordinator", Map.of("improvementFindings",
        "Werkinstructie mist de stap voor briefadressen\n\nUittreksel wordt twee keer gevraagd\n"));

    Map<String, Object> source = new UsmApi(rest).callBody("coordinator", request);
    assertThat(source).containsEntry("status", "closed");
    @SuppressWarnings("unchecked")
    List<String> started = (List<String>) ((Map<String, Object>) source.get("linkedCalls")).get("started");
    assertThat(started).hasSize(2).allMatch(tn -> tn.startsWith("RSK-"));
    Map<String, Object> risk = new UsmApi(rest).callBody("coordinator", started.get(0));
    assertThat(risk).containsEntry("serviceId", "verhuizing").containsEntry("type", "risk")
        .containsEntry("summary", "Werkinstructie mist de stap voor briefadressen");
    assertThat(((Map<?, ?>) risk.get("linkedCalls")).get("from")).isEqualTo(request);
    assertThat((List<?>) risk.get("openSteps")).extracting("step").containsExactly("I1_IdentifyRisk");
  }

  @Test
  @SuppressWarnings("unchecked")
  void improveSteersOnPatternsAFindingOnTheComponentOfAnOpenRiskJoinsIt() {
    String first = register("verhuizing", "service-request", "inwoner-4711");
    String second = register("verhuizing", "service-request", "inwoner-4712");
    for (String request : List.of(first, second)) {
      work(request, O1_AcceptServiceRequest, "coordinator", Map.of());
      work(request, O3_PlanActivities, "coordinator", Map.of());
      work(request, O4_ExecuteActivities, "operator", Map.of());
      work(request, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    }
    work(first, O6_EvaluateAndClose, "coordinator", Map.of("improvementFindings",
        "verhuisformulier accepteert geen postcodes met spatie"));
    List<String> raised = (List<String>) ((Map<String, Object>) new UsmApi(rest).callBody("coordinator", first)
        .get("linkedCalls")).get("started");
    assertThat(raised).hasSize(1);
    String risk = raised.get(0);
    assertThat((List<String>) new UsmApi(rest).callBody("coordinator", risk).get("concernedComponents"))
        .containsExactly("verhuisformulier");

    work(second, O6_EvaluateAndClose, "coordinator", Map.of("improvementFindings",
        "Weer een verhuizing vastgelopen op het verhuisformulier\nBalie sluit te vroeg"));
    List<String> startedBySecond = (List<String>) ((Map<String, Object>) new UsmApi(rest).callBody("coordinator", second)
        .get("linkedCalls")).get("started");
    assertThat(startedBySecond).as("the finding on the same component joined the open risk; the other is new")
        .hasSize(1).doesNotContain(risk);
    assertThat(jdbc.queryForList("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'LINKED_CALL'",
        String.class, risk)).anySatisfy(m -> assertThat(m).startsWith("finding of " + second + " joins this risk")
            .contains("verhuisformulier"));
    assertThat(jdbc.queryForList("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'LINKED_CALL'",
        String.class, second)).anySatisfy(m -> assertThat(m).contains("joined open risk " + risk));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRisksOwnBreachedSlaIsOnItsTrailAndStartsNoNewRisk() {
    String risk = register("werkplek", "risk", "medewerker-0042");
    jdbc.update("UPDATE usm_call SET sla_breached_at = registered_at WHERE tracking_number = ?", risk);
    work(risk, I1_IdentifyRisk, "coordinator", Map.of());
    work(risk, I3_DetermineCause, "operator", Map.of());
    work(risk, I4_SelectMeasure, "coordinator", Map.of("measureType", "none", "rationale", "Restrisico aanvaard"));
    work(risk, I6_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    work(risk, I7_EvaluateAndClose, "coordinator", Map.of());
    assertThat((List<String>) ((Map<String, Object>) new UsmApi(rest).callBody("coordinator", risk).get("linkedCalls"))
        .get("started")).as("an understaffed Improve does not breed more Improve work").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFinderOfAnImprovementPlansItsChangeTheRequesterRulesProtectCustomersCalls() {
    String request = register("verhuizing", "service-request", "inwoner-4711");
    work(request, O1_AcceptServiceRequest, "coordinator", Map.of());
    work(request, O3_PlanActivities, "coordinator", Map.of());
    work(request, O4_ExecuteActivities, "operator", Map.of());
    work(request, O5_ReviewDelivery, "coordinator", Map.of("requesterAccepted", true));
    work(request, O6_EvaluateAndClose, "coordinator", Map.of("improvementFindings", "Briefadres ontbreekt op het formulier"));
    String risk = ((List<String>) ((Map<String, Object>) new UsmApi(rest).callBody("coordinator", request)
        .get("linkedCalls")).get("started")).get(0);
    assertThat(new UsmApi(rest).callBody("coordinator", risk)).containsEntry("raisedBy", "coordinator")
        .containsEntry("requester", "coordinator");

    work(risk, I1_IdentifyRisk, "coordinator", Map.of());
    work(risk, I3_DetermineCause, "operator", Map.of());
    work(risk, I4_SelectMeasure, "coordinator", Map.of("measureType", "change", "measureDescription", "Veld toevoegen"));
    work(risk, C1_AcceptRfc, "coordinator", Map.of());
    work(risk, C3_PlanAndAgree, "coordinator", HappyPath.variables(C3_PlanAndAgree, WorkflowPattern.WF7, "verhuizing"));
    assertThat(task(risk, C4_PrepareChange)).as("the finder planned the change (no SOD-3 on a finding)").isNotNull();
  }

  private String fulfilment(String trackingNumber, String processKey) {
    return (String) historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
            .processDefinitionKey(processKey).singleResult().getId())
        .variableName("fulfilmentStatus").singleResult().getValue();
  }

}
