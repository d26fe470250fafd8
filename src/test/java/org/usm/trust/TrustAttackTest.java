package org.usm.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.usm.model.Step;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * The trust rules attacked over HTTP as the checked users would (DESIGN §7): one test per way in. Every
 * attempt answers 4xx naming the rule and the variable, changes nothing (read back), and leaves a
 * refusal on the call's trail; interventions an administrator may make are on the trail too.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default",
// which every context registers.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TrustAttackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  // --- the attacks of the issue ------------------------------------------------------------------------

  @Test
  void theBuilderCannotTestTheirOwnChangeByNamingSomebodyElseAsBuilder() {
    String rfc = rfcAtC4("inwoner-4711");
    complete("operator", rfc, Step.C4_PrepareChange, Map.of());

    Response extra = complete("operator", rfc, Step.C5_TestAndRelease, Map.of("testAccepted", true,
        "deploymentPlan", "Dinsdag", "completedBy_C4_PrepareChange", "coordinator"));
    assertRefused(extra, 400, "T2", "completedBy_C4_PrepareChange");

    Response fair = complete("operator", rfc, Step.C5_TestAndRelease, Map.of("testAccepted", true,
        "deploymentPlan", "Dinsdag"));
    assertThat(fair.status()).isEqualTo(403);
    assertThat(fair.body()).contains("SOD-1");
    assertThat(openSteps(rfc)).containsExactly("C5_TestAndRelease");
    assertRefusalOnTrail(rfc, "T2");
    assertRefusalOnTrail(rfc, "SOD-1");
  }

  @Test
  void aRequesterCannotApproveTheirOwnChangeByRenamingTheRequester() {
    String rfc = register("rfc", "coordinator");
    complete("coordinator", rfc, Step.C1_AcceptRfc, Map.of());

    Response renamed = complete("coordinator", rfc, Step.C3_PlanAndAgree, Map.of("requester", "inwoner-4711"));
    assertRefused(renamed, 403, "T1", "requester");
    assertThat(variable(rfc, "usm-change", "requester")).isEqualTo("coordinator");

    Response fair = complete("coordinator", rfc, Step.C3_PlanAndAgree, Map.of("changedComponents", "brp-koppeling"));
    assertThat(fair.status()).isEqualTo(403);
    assertThat(fair.body()).contains("SOD-3");
    assertThat(openSteps(rfc)).containsExactly("C3_PlanAndAgree");
    assertRefusalOnTrail(rfc, "T1");
  }

  @Test
  void theDesignerCannotDeployCodeThatMakesThemAnAdministrator() {
    byte[] escalation = Bpmn.convertToString(Bpmn.createExecutableProcess("promote-me").camundaHistoryTimeToLive(1)
        .startEvent().timerWithDuration("PT1S")
        .camundaExecutionListenerExpression("start", "${execution.getProcessEngineServices().getIdentityService()"
            + ".createMembership('designer', 'camunda-admin')}")
        .endEvent().done()).getBytes();
    for (String user : List.of("designer", "admin")) {
      Response deployed = deploy(user, "promote-me.bpmn", escalation);
      assertThat(deployed.status()).as(user).isEqualTo(403);
    }
    assertThat(deploy("admin", "promote-me.bpmn", escalation).json()).containsEntry("ruleId", "T3")
        .hasEntrySatisfying("error", e -> assertThat((String) e).contains("createMembership"));
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("promote-me").count()).isZero();
    assertThat(identityService.createUserQuery().userId("designer").memberOfGroup("camunda-admin").count()).isZero();
  }

  @Test
  void deletingARunningCallIsOnItsTrailAndCancelsIt() {
    String incident = register("incident", "inwoner-4711");
    String root = rootInstance(incident);

    // The REST API takes no reason for a deletion; the trail says so.
    Response deleted = http("admin", HttpMethod.DELETE, "/engine-rest/process-instance/" + root, null);
    assertThat(deleted.status()).isEqualTo(204);

    Map<String, Object> call = new UsmApi(rest).callBody("auditor", incident);
    assertThat(call).containsEntry("status", "cancelled").containsEntry("openSteps", List.of());
    assertThat(call.get("cancellation")).asString().contains("by=admin");
    assertThat(trail(incident, "INTERVENTION")).anySatisfy(entry -> assertThat(entry)
        .containsEntry("user_id", "admin")
        .hasEntrySatisfying("message", m -> assertThat((String) m).contains("cancelled").contains("without giving a reason")));
    // An exception one person decided is evaluated: it is a finding for Improve of the service.
    @SuppressWarnings("unchecked")
    List<String> started = (List<String>) ((Map<String, Object>) call.get("linkedCalls")).get("started");
    assertThat(started).singleElement().satisfies(risk -> {
      assertThat(risk).startsWith("RSK-");
      assertThat(new UsmApi(rest).callBody("auditor", risk)).containsEntry("serviceId", "verhuizing")
          .hasEntrySatisfying("summary", s -> assertThat((String) s).startsWith("Intervention on " + incident
              + " by admin: cancelled"));
    });
    assertThat(trail(incident, "LINKED_CALL")).anySatisfy(entry -> assertThat((String) entry.get("message"))
        .startsWith("intervention raised as risk RSK-"));
  }

  @Test
  void deletingACalledInstanceWithAReasonCancelsTheCallWithThatReason() {
    String incident = register("incident", "inwoner-4711");
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      runtimeService.deleteProcessInstance(instanceOf(incident, "usm-recover"), "Dubbel geregistreerd");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident).count()).isZero();
    Map<String, Object> call = new UsmApi(rest).callBody("auditor", incident);
    assertThat(call).containsEntry("status", "cancelled");
    assertThat(call.get("cancellation")).asString().contains("by=admin").contains("Dubbel geregistreerd");
    assertThat(trail(incident, "INTERVENTION")).anySatisfy(entry -> assertThat((String) entry.get("message"))
        .contains("Dubbel geregistreerd"));
  }

  // --- protected variables, every way in -----------------------------------------------------------------

  @ParameterizedTest(name = "completing a step cannot set {0}")
  @ValueSource(strings = {"trackingNumber", "pattern", "priority", "slaDueDate", "serviceId", "workflowDefinitionId",
      "usmCompletedBy"})
  void aCompletionCannotCarryAProtectedVariable(String variable) {
    String incident = register("incident", "inwoner-4711");
    Response attempt = complete("coordinator", incident, Step.R1_AcceptIncident, Map.of(variable, "forged"));
    assertRefused(attempt, 403, "T1", variable);
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");
    assertRefusalOnTrail(incident, "T1");
  }

  /** The people who work a call read a trust refusal in its service's language; rule, status and field stay. */
  @Test
  void aTrustRefusalReadsInTheLanguageOfTheCallsService() {
    String dutch = register("incident", "inwoner-4711");
    Response inDutch = complete("coordinator", dutch, Step.R1_AcceptIncident, Map.of("analysis", "Al gedaan"));
    assertRefused(inDutch, 400, "T2", "analysis");
    assertThat((String) inDutch.json().get("error")).isEqualTo("Regel T2: 'analysis' is geen veld van R1_AcceptIncident "
        + "(formulier usm-accept); een afronding bevat alleen concernedComponents, impact, reclassificationReason, "
        + "reclassifyAs, urgency");
    Response protectedInDutch = complete("coordinator", dutch, Step.R1_AcceptIncident, Map.of("priority", "P1"));
    assertRefused(protectedInDutch, 403, "T1", "priority");
    assertThat((String) protectedInDutch.json().get("error")).isEqualTo("Regel T1: variabele 'priority' is beschermd "
        + "(bepaald door de beslistabel van de classificatiestap): het afronden van R1_AcceptIncident kan haar niet zetten");

    String english = register("expat-desk", "incident", "inwoner-4711");
    Response inEnglish = complete("coordinator", english, Step.R1_AcceptIncident, Map.of("analysis", "Done already"));
    assertRefused(inEnglish, 400, "T2", "analysis");
    assertThat((String) inEnglish.json().get("error")).startsWith("Rule T2: 'analysis' is not a field of "
        + "R1_AcceptIncident (form usm-accept); a completion carries only concernedComponents");
    assertThat(complete("coordinator", english, Step.R1_AcceptIncident, Map.of("impact", "high")).status())
        .as("nothing was changed by the refusals").isEqualTo(204);
  }

  @Test
  void aCompletionCarriesOnlyItsFormsFields() {
    String incident = register("incident", "inwoner-4711");
    assertRefused(complete("coordinator", incident, Step.R1_AcceptIncident, Map.of("impact", "high",
        "recoveryRoute", "change")), 403, "T1", "recoveryRoute");
    assertRefused(complete("coordinator", incident, Step.R1_AcceptIncident, Map.of("analysis", "Al gedaan")),
        400, "T2", "analysis");
    assertThat(complete("coordinator", incident, Step.R1_AcceptIncident, Map.of("impact", "high", "urgency", "low"))
        .status()).isEqualTo(204);
    // The route is decided by completing R4 with it, and only there.
    complete("operator", incident, Step.R3_Analyze, Map.of("analysis", "Koppeling valt weg"));
    assertThat(complete("coordinator", incident, Step.R4_PrepareRecovery, Map.of("recoveryRoute", "operate",
        "serviceRequestDescription", "Koppeling herstarten")).status()).isEqualTo(204);
  }

  @Test
  void aFormSubmissionCannotCarryAProtectedVariable() {
    String incident = register("incident", "inwoner-4711");
    Response attempt = http("coordinator", HttpMethod.POST, "/engine-rest/task/" + taskId(incident,
        Step.R1_AcceptIncident) + "/submit-form", Map.of("variables", typed(Map.of("impact", "high", "requester", "coordinator"))));
    assertRefused(attempt, 403, "T1", "requester");
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");
  }

  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "PUT, /variables/requester",
      "PUT, /localVariables/requester",
      "DELETE, /variables/trackingNumber",
      "DELETE, /localVariables/slaDueDate",
      "POST, /variables",
      "POST, /localVariables"})
  void taskVariablesCannotTouchAProtectedVariable(String method, String path) {
    String incident = register("incident", "inwoner-4711");
    String task = taskId(incident, Step.R1_AcceptIncident);
    Object body = path.endsWith("/variables") || path.endsWith("/localVariables")
        ? Map.of("modifications", typed(Map.of("pattern", "WF3")))
        : method.equals("PUT") ? Map.of("value", "coordinator", "type", "String") : null;
    for (String user : List.of("coordinator", "admin")) {
      Response attempt = http(user, HttpMethod.valueOf(method), "/engine-rest/task/" + task + path, body);
      assertThat(attempt.status()).as("%s by %s: %s", path, user, attempt.body()).isEqualTo(403);
      assertThat(attempt.json()).containsEntry("ruleId", "T1");
    }
    assertThat(variable(incident, "usm-recover", "requester")).isEqualTo("inwoner-4711");
    assertThat(variable(incident, "usm-recover", "pattern")).isEqualTo("WF4");
    assertRefusalOnTrail(incident, "T1");
  }

  @Test
  void aWorkerCannotSetAnyVariableOfACallOutsideACompletion() {
    String incident = register("incident", "inwoner-4711");
    String task = taskId(incident, Step.R1_AcceptIncident);
    Response attempt = http("coordinator", HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/impact",
        Map.of("value", "high", "type", "String"));
    assertRefused(attempt, 403, "T5", "impact");
    assertThat(variable(incident, "usm-recover", "impact")).isEqualTo("medium");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"process-instance", "execution"})
  void instanceAndExecutionVariablesCannotTouchAProtectedVariable(String resource) {
    String incident = register("incident", "inwoner-4711");
    String instance = instanceOf(incident, "usm-recover");
    String base = "/engine-rest/" + resource + "/" + instance;
    assertRefused(http("admin", HttpMethod.PUT, base + (resource.equals("execution") ? "/localVariables/" : "/variables/")
        + "requester", Map.of("value", "admin", "type", "String")), 403, "T1", "requester");
    assertRefused(http("admin", HttpMethod.POST, base + (resource.equals("execution") ? "/localVariables" : "/variables"),
        Map.of("deletions", List.of("slaDueDate"))), 403, "T1", "slaDueDate");
    assertThat(variable(incident, "usm-recover", "requester")).isEqualTo("inwoner-4711");
    assertThat(runtimeService.getVariable(instance, "slaDueDate")).isNotNull();
  }

  @Test
  void anAdministratorsChangeOfAnOrdinaryVariableIsAnInterventionOnTheTrail() {
    String incident = register("incident", "inwoner-4711");
    String instance = instanceOf(incident, "usm-recover");
    Response changed = http("admin", HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/urgency",
        Map.of("value", "high", "type", "String"));
    assertThat(changed.status()).isEqualTo(204);
    assertThat(trail(incident, "INTERVENTION")).anySatisfy(entry -> assertThat((String) entry.get("message"))
        .contains("urgency"));
  }

  @Test
  void messagesAndSignalsCannotCarryAProtectedVariableNorMoveAStep() {
    String incident = register("incident", "inwoner-4711");
    String instance = instanceOf(incident, "usm-recover");
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "anything",
        "processInstanceId", instance, "processVariables", typed(Map.of("requester", "admin")))), 403, "T1", "requester");
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything",
        "variables", typed(Map.of("trackingNumber", "INC-2026-000001")))), 403, "T1", "trackingNumber");
    String execution = runtimeService.createExecutionQuery().processInstanceId(instance).activityId("R1_AcceptIncident")
        .singleResult().getId();
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/execution/" + execution + "/signal", Map.of()),
        403, "T5", null);
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");
  }

  // --- starts --------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"usm-wf4-verhuizing/start", "usm-recover/start", "usm-wf4-verhuizing/submit-form"})
  void nobodyStartsACallAroundIntake(String path) {
    long before = runtimeService.createProcessInstanceQuery().count();
    // The requester cannot even read the definition (404); those who can are refused by T4.
    assertThat(http("requester", HttpMethod.POST, "/engine-rest/process-definition/key/" + path, Map.of())
        .status()).isEqualTo(404);
    for (String user : List.of("admin", "coordinator")) {
      Response attempt = http(user, HttpMethod.POST, "/engine-rest/process-definition/key/" + path,
          Map.of("businessKey", "INC-2026-999999", "variables", typed(Map.of("serviceId", "verhuizing"))));
      assertThat(attempt.status()).as("%s by %s: %s", path, user, attempt.body()).isEqualTo(403);
      assertThat(attempt.json()).containsEntry("ruleId", "T4");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // --- interventions -------------------------------------------------------------------------------------

  @Test
  void aModificationIsOnTheTrailAndCannotSetAProtectedVariable() {
    String incident = register("incident", "inwoner-4711");
    String instance = instanceOf(incident, "usm-recover");
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "R3_Analyze",
            "variables", typed(Map.of("priority", "P1")))))), 403, "T1", "priority");
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");

    Response skipped = http("admin", HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "R3_Analyze"),
            Map.of("type", "cancel", "activityId", "R1_AcceptIncident")), "annotation", "R1 al telefonisch gedaan"));
    assertThat(skipped.status()).as(skipped.body()).isEqualTo(204);
    assertThat(openSteps(incident)).containsExactly("R3_Analyze");
    assertThat(trail(incident, "INTERVENTION")).anySatisfy(entry -> assertThat((String) entry.get("message"))
        .contains("modified").contains("R3_Analyze"));
  }

  @Test
  void aMigrationIsOnTheTrailAndAMigrationByQueryOrBatchIsRefused() {
    String incident = register("incident", "inwoner-4711");
    String root = rootInstance(incident);
    String wf4 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("usm-wf4-verhuizing")
        .latestVersion().singleResult().getId();
    Map<String, Object> plan = Map.of("sourceProcessDefinitionId", wf4, "targetProcessDefinitionId", wf4,
        "instructions", List.of(Map.of("sourceActivityIds", List.of("WF_EntryProcess"),
            "targetActivityIds", List.of("WF_EntryProcess"))));
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/migration/execute", Map.of("migrationPlan",
        withVariables(plan, Map.of("pattern", "WF3")), "processInstanceIds", List.of(root))), 403, "T1", "pattern");
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/migration/executeAsync", Map.of("migrationPlan", plan,
        "processInstanceIds", List.of(root))), 403, "T5", null);

    Response migrated = http("admin", HttpMethod.POST, "/engine-rest/migration/execute", Map.of("migrationPlan", plan,
        "processInstanceIds", List.of(root)));
    assertThat(migrated.status()).as(migrated.body()).isEqualTo(204);
    assertThat(trail(incident, "INTERVENTION")).anySatisfy(entry -> assertThat((String) entry.get("message"))
        .contains("migrated"));
  }

  @Test
  void suspensionAndJobRetriesAreOnTheTrailAndTheSlaTimerIsTheProducts() {
    String incident = register("incident", "inwoner-4711");
    String root = rootInstance(incident);
    Job sla = managementService.createJobQuery().processInstanceId(root).timers().singleResult();

    assertRefused(http("admin", HttpMethod.PUT, "/engine-rest/job/" + sla.getId() + "/duedate",
        Map.of("duedate", "2030-01-01T00:00:00.000+0000")), 403, "T1", null);
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/job/" + sla.getId() + "/execute", null), 403, "T1", null);
    assertRefused(http("admin", HttpMethod.PUT, "/engine-rest/job/" + sla.getId() + "/suspended",
        Map.of("suspended", true)), 403, "T1", null);
    assertThat(managementService.createJobQuery().jobId(sla.getId()).singleResult().getDuedate()).isEqualTo(sla.getDuedate());

    assertThat(http("admin", HttpMethod.PUT, "/engine-rest/job/" + sla.getId() + "/retries", Map.of("retries", 3))
        .status()).isEqualTo(204);
    assertThat(http("admin", HttpMethod.PUT, "/engine-rest/process-instance/" + root + "/suspended",
        Map.of("suspended", true)).status()).isEqualTo(204);
    assertThat(new UsmApi(rest).callBody("auditor", incident)).containsEntry("suspended", true);
    assertThat(trail(incident, "INTERVENTION")).extracting(entry -> (String) entry.get("message"))
        .anySatisfy(m -> assertThat(m).contains("retries"))
        .anySatisfy(m -> assertThat(m).contains("suspended"));
    assertRefused(http("admin", HttpMethod.PUT, "/engine-rest/process-definition/key/usm-wf4-verhuizing/suspended",
        Map.of("suspended", true, "includeProcessInstances", true)), 403, "T5", null);
  }

  @Test
  void batchesAndHistoryDeletionAreRefused() {
    String incident = register("incident", "inwoner-4711");
    String root = rootInstance(incident);
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/process-instance/delete",
        Map.of("processInstanceIds", List.of(root))), 403, "T5", null);
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/process-instance/variables-async",
        Map.of("processInstanceIds", List.of(root), "variables", typed(Map.of("impact", "low")))), 403, "T5", null);
    assertRefused(http("admin", HttpMethod.POST, "/engine-rest/history/process-instance/delete",
        Map.of("historicProcessInstanceIds", List.of(root))), 403, "T5", null);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(root).count()).isOne();
  }

  @Test
  void aStepDoesNotEndByABpmnErrorOrEscalation() {
    String incident = register("incident", "inwoner-4711");
    String task = taskId(incident, Step.R1_AcceptIncident);
    assertRefused(http("coordinator", HttpMethod.POST, "/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "skip")), 403, "T5", null);
    assertRefused(http("coordinator", HttpMethod.POST, "/engine-rest/task/" + task + "/bpmnEscalation",
        Map.of("escalationCode", "skip")), 403, "T5", null);
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");
  }

  // --- deployments ---------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"usm-key", "java-class", "delegate-expression", "script-task", "foreign-expression"})
  void onlyTheProductDeploys(String shape) {
    var builder = Bpmn.createExecutableProcess(shape.equals("usm-key") ? "usm-wf4-verhuizing" : "probe-" + shape)
        .camundaHistoryTimeToLive(1).startEvent();
    byte[] model = Bpmn.convertToString(switch (shape) {
      case "java-class" -> builder.serviceTask().camundaClass("java.lang.Runtime").endEvent().done();
      case "delegate-expression" -> builder.serviceTask().camundaDelegateExpression("${updateMir}").endEvent().done();
      case "script-task" -> builder.scriptTask().scriptFormat("javascript").scriptText("1").endEvent().done();
      case "foreign-expression" -> builder.userTask().camundaAssignee("${execution.getProcessEngine().getName()}")
          .endEvent().done();
      default -> builder.endEvent().done();
    }).getBytes();
    long deployments = repositoryService.createDeploymentQuery().count();
    Response refused = deploy("admin", shape + ".bpmn", model);
    assertRefused(refused, 403, "T3", shape + ".bpmn");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void anAdministratorStillDeploysAPlainModelButNotTheProductsFormsOrDecisions() {
    byte[] plain = Bpmn.convertToString(Bpmn.createExecutableProcess("plain-checklist").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Check").camundaCandidateGroups("camunda-admin").endEvent().done()).getBytes();
    assertThat(deploy("admin", "plain.bpmn", plain).status()).isEqualTo(200);
    assertRefused(deploy("admin", "usm-accept.form", "{\"id\":\"usm-accept\",\"components\":[]}".getBytes()),
        403, "T3", "usm-accept.form");
  }

  @Test
  void theProductsDeploymentsDefinitionsAndRetentionAreNotAnAdministratorsToDelete() {
    String incident = register("incident", "inwoner-4711");
    String wf4 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("usm-wf4-verhuizing")
        .latestVersion().singleResult().getId();
    String deployment = repositoryService.getProcessDefinition(wf4).getDeploymentId();
    assertRefused(http("admin", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null),
        403, "T5", null);
    assertRefused(http("admin", HttpMethod.DELETE, "/engine-rest/process-definition/" + wf4 + "?cascade=true", null),
        403, "T5", null);
    assertRefused(http("admin", HttpMethod.DELETE, "/engine-rest/process-definition/key/usm-recover/delete?cascade=true",
        null), 403, "T5", null);
    assertRefused(http("admin", HttpMethod.PUT, "/engine-rest/process-definition/" + wf4 + "/history-time-to-live",
        Map.of("historyTimeToLive", 0)), 403, "T5", null);
    assertThat(repositoryService.getProcessDefinition(wf4).getHistoryTimeToLive()).isEqualTo(730);
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");
  }

  @Test
  void aStoredFilterRunsOnlyTheExpressionsTasklistOffers() {
    long filters = http("admin", HttpMethod.GET, "/engine-rest/filter/count", null).json().get("count") instanceof Number n
        ? n.longValue() : -1;
    Response evil = http("admin", HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "Promote", "query", Map.of("assigneeExpression",
            "${''.getClass().forName('java.lang.Runtime').getRuntime().availableProcessors()}")));
    assertRefused(evil, 403, "T3", "query");
    Response mine = http("admin", HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "Due this week", "query", Map.of("assigneeExpression", "${currentUser()}",
            "dueBeforeExpression", "${dateTime().plusDays(7)}")));
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(((Number) http("admin", HttpMethod.GET, "/engine-rest/filter/count", null).json().get("count"))
        .longValue()).isEqualTo(filters + 1);
  }

  // --- the webapps' engine API: the same rules -----------------------------------------------------------

  @Test
  void theWebappsEngineApiIsGuardedTheSameWay() {
    String incident = register("incident", "inwoner-4711");
    WebappSession coordinator = WebappSession.login(port, "coordinator");
    String task = taskId(incident, Step.R1_AcceptIncident);
    WebappSession.Response completion = coordinator.engine("POST", "/task/" + task + "/complete",
        Map.of("variables", typed(Map.of("trackingNumber", "INC-2026-000001"))));
    assertThat(completion.status()).as(completion.body()).isEqualTo(403);
    assertThat(completion.json()).containsEntry("ruleId", "T1").containsEntry("field", "trackingNumber");

    WebappSession admin = WebappSession.login(port, "admin");
    WebappSession.Response start = admin.engine("POST", "/process-definition/key/usm-wf4-verhuizing/start",
        Map.of("businessKey", "INC-2026-999998"));
    assertThat(start.status()).as(start.body()).isEqualTo(403);
    assertThat(start.json()).containsEntry("ruleId", "T4");
    assertThat(openSteps(incident)).containsExactly("R1_AcceptIncident");
  }

  // --- helpers -------------------------------------------------------------------------------------------

  private record Response(int status, String body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return JSON.readValue(body, Map.class);
      } catch (IOException e) {
        throw new AssertionError("not a JSON answer (" + status + "): " + body, e);
      }
    }
  }

  private Response http(String user, HttpMethod method, String path, Object body) {
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, UsmApi.headers(user)),
        String.class);
    return new Response(response.getStatusCode().value(), response.getBody());
  }

  private static void assertRefused(Response response, int status, String rule, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    Map<String, Object> body = response.json();
    assertThat(body).as(response.body()).containsEntry("ruleId", rule).containsEntry("field", field);
    // In the language of the call's service (every demo service is Dutch); English where there is no call.
    assertThat((String) body.get("error")).matches("(Rule|Regel) " + java.util.regex.Pattern.quote(rule) + ": (?s).*");
    if (field != null) {
      assertThat((String) body.get("error")).contains(field);
    }
  }

  private void assertRefusalOnTrail(String trackingNumber, String rule) {
    assertThat(trail(trackingNumber, "REFUSAL")).extracting(e -> e.get("rule_id")).contains(rule);
  }

  private List<Map<String, Object>> trail(String trackingNumber, String kind) {
    return jdbc.queryForList("SELECT * FROM usm_audit_event WHERE tracking_number = ? AND kind = ? ORDER BY id",
        trackingNumber, kind).stream().map(row -> {
          Map<String, Object> lower = new HashMap<>();
          row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
          return lower;
        }).toList();
  }

  private String register(String type, String requester) {
    return register("verhuizing", type, requester);
  }

  private String register(String serviceId, String type, String requester) {
    Map<String, Object> call = new HashMap<>();
    call.put("serviceId", serviceId);
    call.put("type", type);
    call.put("summary", "Trust attack " + type);
    call.put("requester", requester);
    return new UsmApi(rest).register("servicedesk", call);
  }

  /** An RFC accepted and planned by the coordinator, waiting at C4. */
  private String rfcAtC4(String requester) {
    String rfc = register("rfc", requester);
    complete("coordinator", rfc, Step.C1_AcceptRfc, Map.of());
    complete("coordinator", rfc, Step.C3_PlanAndAgree, Map.of("changedComponents", "brp-koppeling"));
    return rfc;
  }

  private Response complete(String user, String trackingNumber, Step step, Map<String, Object> variables) {
    ResponseEntity<String> response = new UsmApi(rest).completeTask(user, trackingNumber, step, variables);
    return new Response(response.getStatusCode().value(), response.getBody());
  }

  private String taskId(String trackingNumber, Step step) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).taskDefinitionKey(step.id())
        .singleResult();
    assertThat(task).as("open %s of %s", step, trackingNumber).isNotNull();
    return task.getId();
  }

  private List<String> openSteps(String trackingNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  private String rootInstance(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .rootProcessInstances().singleResult().getId();
  }

  private String instanceOf(String trackingNumber, String processKey) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(processKey).singleResult();
    return instance.getId();
  }

  private Object variable(String trackingNumber, String processKey, String name) {
    return runtimeService.getVariable(instanceOf(trackingNumber, processKey), name);
  }

  private Response deploy(String user, String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "attack-" + fileName);
    form.add("data", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = UsmApi.headers(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = rest.exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    return new Response(response.getStatusCode().value(), response.getBody());
  }

  private static Map<String, Object> withVariables(Map<String, Object> plan, Map<String, Object> variables) {
    Map<String, Object> copy = new LinkedHashMap<>(plan);
    copy.put("variables", typed(variables));
    return copy;
  }

  /** The engine REST API's variable format. */
  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return typed;
  }
}
