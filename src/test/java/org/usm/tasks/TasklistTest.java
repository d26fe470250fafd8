package org.usm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.testing.UsmApi;

/**
 * What coordinators and operators meet in Tasklist: task names, priorities and due dates from the
 * service's SLA, their own groups' tasks only, the filters, and the escalation when a call's SLA passes.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default",
// which every context registers.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistTest {

  @Autowired CallIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TestRestTemplate rest;
  @Autowired TasklistFilters filters;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfiguration engineConfiguration;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  private String incident(String serviceId, String impact, String urgency) {
    return intake.register(new CallRequest(serviceId, "incident", "Verhuizing niet verwerkt", "inwoner-4711",
        impact, urgency, null, null, null)).trackingNumber();
  }

  private Task task(String trackingNumber, Step step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).taskDefinitionKey(step.id())
        .singleResult();
  }

  private void as(String user) {
    identityService.clearAuthentication();
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
  }

  @Test
  void aTaskSaysItsStepCallAndServiceAndIsDueWhenTheAgreementSays() {
    Instant before = Instant.now();
    String trackingNumber = incident("verhuizing", "high", "high");

    Task accept = task(trackingNumber, Step.R1_AcceptIncident);
    assertThat(accept.getName()).isEqualTo("R1 Aannemen incident · " + trackingNumber + " · Verhuizing doorgeven");
    assertThat(accept.getPriority()).as("P1").isEqualTo(100);
    // verhuizing agrees 4 hours for a P1 incident: accept within a tenth of that, 24 minutes.
    assertThat(accept.getDueDate().toInstant()).isBetween(before.plus(Duration.ofMinutes(24)),
        Instant.now().plus(Duration.ofMinutes(24)));
    assertThat(taskService.createTaskQuery().taskId(accept.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).as("verhuizing speaks Dutch").isEqualTo("usm-accept-nl");

    as("coordinator");
    taskService.complete(accept.getId(), Map.of());
    identityService.clearAuthentication();
    Task analyze = task(trackingNumber, Step.R3_Analyze);
    Instant callDue = ((java.util.Date) runtimeService.getVariable(analyze.getExecutionId(), "slaDueDate")).toInstant();
    assertThat(analyze.getDueDate().toInstant()).isEqualTo(callDue);
    assertThat(callDue).isBetween(before.plus(Duration.ofHours(4)), Instant.now().plus(Duration.ofHours(4)));
    assertThat(analyze.getFollowUpDate()).isBefore(analyze.getDueDate());
  }

  /**
   * A task speaks the language of its call's service (DESIGN §14): its name and description, as Tasklist
   * reads them over the engine's REST API; the step code, tracking number and keys are the same in both.
   */
  @Test
  void aDutchServicesTaskIsNamedInDutchAnEnglishServicesInEnglish() {
    Map<String, String> dutch = acceptTaskOf("verhuizing");
    assertThat(dutch.get("name")).isEqualTo("R1 Aannemen incident · " + dutch.get("tn") + " · Verhuizing doorgeven");
    assertThat(dutch.get("description"))
        .isEqualTo("Kenmerk van de organisatie die deze melding heeft overgedragen: REF-42\n\nDe pas werkt niet");

    Map<String, String> english = acceptTaskOf("expat-desk");
    assertThat(english.get("name"))
        .isEqualTo("R1 Accept incident · " + english.get("tn") + " · International residents' desk");
    assertThat(english.get("description"))
        .isEqualTo("Reference of the organisation that handed this call over: REF-42\n\nDe pas werkt niet");

    as("coordinator");
    taskService.complete(task(english.get("tn"), Step.R1_AcceptIncident).getId(), Map.of());
    identityService.clearAuthentication();
    Task analyze = task(english.get("tn"), Step.R3_Analyze);
    assertThat(analyze.getName()).as("every step of the call").startsWith("R3 Analyze · ");
    assertThat(analyze.getTaskDefinitionKey()).isEqualTo("R3_Analyze");
  }

  /** A new incident's accept task as the coordinator reads it over /engine-rest, with the call's tracking number. */
  private Map<String, String> acceptTaskOf(String serviceId) {
    String trackingNumber = intake.register(new CallRequest(serviceId, "incident", "Pas werkt niet", "inwoner-4711",
        null, null, null, null, null, "De pas werkt niet", "REF-42")).trackingNumber();
    Map<String, Object> task = new UsmApi(rest).tasks("coordinator", trackingNumber).stream()
        .filter(t -> "R1_AcceptIncident".equals(t.get("taskDefinitionKey"))).findFirst().orElseThrow();
    return Map.of("tn", trackingNumber, "id", (String) task.get("id"), "name", (String) task.get("name"),
        "description", (String) task.get("description"));
  }

  /**
   * A task's form is in the language of its call's service, as Tasklist fetches it: the Dutch copy of the
   * form for a Dutch service, the English form for an English one, with the same field keys; the rules
   * take a completion from the Dutch form as from the English one.
   */
  @Test
  void aDutchServicesTaskShowsTheDutchFormAnEnglishServicesTheEnglishForm() {
    Map<String, String> dutch = acceptTaskOf("verhuizing");
    Map<String, Object> dutchForm = deployedForm(dutch.get("id"));
    assertThat(dutchForm).containsEntry("id", "usm-accept-nl");
    assertThat(field(dutchForm, "urgency")).containsEntry("label", "Urgentie")
        .containsEntry("description", "Hoe snel moet het worden opgepakt?");
    assertThat(field(dutchForm, "reclassifyAs").get("values").toString())
        .contains("Wens – een nieuwe of andere afspraak over de dienst (Afspreken)", "value=wish");

    Map<String, String> english = acceptTaskOf("expat-desk");
    Map<String, Object> englishForm = deployedForm(english.get("id"));
    assertThat(englishForm).containsEntry("id", "usm-accept");
    assertThat(field(englishForm, "urgency")).containsEntry("label", "Urgency");

    ResponseEntity<String> completed = rest.withBasicAuth("coordinator", "coordinator").postForEntity(
        "/engine-rest/task/" + dutch.get("id") + "/complete",
        Map.of("variables", Map.of("urgency", Map.of("value", "high"))), String.class);
    assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(204);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> deployedForm(String taskId) {
    ResponseEntity<Map> form = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", Map.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    return form.getBody();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> field(Map<String, Object> form, String key) {
    return ((List<Map<String, Object>>) form.get("components")).stream().filter(c -> key.equals(c.get("key")))
        .findFirst().orElseThrow();
  }

@Test
  void reclassifyingAtAcceptMovesTheSlaDueDateFromRegistration() {
    String trackingNumber = incident("verhuizing", "low", "low");
    java.util.Map<String, Object> registered = new UsmApi(rest).callBody("coordinator", trackingNumber);
    Instant registeredAt = Instant.parse((String) registered.get("registeredAt"));
    assertThat(Instant.parse((String) registered.get("slaDueDate"))).as("P4 incident: 5 days")
        .isEqualTo(registeredAt.plus(Duration.ofDays(5)));

    as("coordinator");
    taskService.complete(task(trackingNumber, Step.R1_AcceptIncident).getId(), Map.of("impact", "high", "urgency", "high"));
    identityService.clearAuthentication();

    Instant due = registeredAt.plus(Duration.ofHours(4));
    assertThat(Instant.parse((String) new UsmApi(rest).callBody("coordinator", trackingNumber).get("slaDueDate")))
        .as("P1 incident: 4 hours from registration").isEqualTo(due);
    String root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .rootProcessInstances().singleResult().getId();
    assertThat(managementService.createJobQuery().processInstanceId(root).timers().singleResult().getDuedate()
        .toInstant()).isEqualTo(due);
    Task analyze = task(trackingNumber, Step.R3_Analyze);
    assertThat(analyze.getDueDate().toInstant()).isEqualTo(due);
    assertThat(analyze.getPriority()).isEqualTo(100);
  }

  @Test
  void everyoneSeesOnlyTheTasksOfTheirOwnGroups() {
    String trackingNumber = incident("werkplek", null, null);
    UsmApi api = new UsmApi(rest);
    assertThat(api.tasks("coordinator", trackingNumber)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly("R1_AcceptIncident");
    assertThat(api.tasks("operator", trackingNumber)).as("R1 is a coordinator's task").isEmpty();
    assertThat(api.tasks("requester", trackingNumber)).isEmpty();
    assertThat(api.tasks("designer", trackingNumber)).isEmpty();
    assertThat(api.tasks("auditor", trackingNumber)).as("auditors read everything")
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly("R1_AcceptIncident");

    ResponseEntity<String> auditorCompletes = rest.withBasicAuth("auditor", "auditor").postForEntity(
        "/engine-rest/task/" + task(trackingNumber, Step.R1_AcceptIncident).getId() + "/complete",
        Map.of("variables", Map.of()), String.class);
    assertThat(auditorCompletes.getStatusCode().value()).as("auditors change nothing").isEqualTo(403);
    ResponseEntity<String> operatorCompletes = rest.withBasicAuth("operator", "operator").postForEntity(
        "/engine-rest/task/" + task(trackingNumber, Step.R1_AcceptIncident).getId() + "/complete",
        Map.of("variables", Map.of()), String.class);
    assertThat(operatorCompletes.getStatusCode().value()).isIn(403, 404);
    assertThat(task(trackingNumber, Step.R1_AcceptIncident)).isNotNull();
  }

  /**
   * Tasklist's read check runs per task, grants and revokes alike (authorization-check-revokes: always): Camunda's
   * default joins every grant of the user's groups to every task, which grew with the square of the open work.
   * A revoke of one task for the coordinator takes that task, and only that one, out of their list.
   */
  @Test
  void theReadCheckIsPerTaskAndARevokedTaskLeavesTheCoordinatorsList() {
    assertThat(engineConfiguration.getAuthorizationCheckRevokes())
        .as("docs/performance.md, Tasklist at scale").isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    String revoked = incident("werkplek", null, null);
    String kept = incident("werkplek", null, null);
    Task task = task(revoked, Step.R1_AcceptIncident);
    // A user's revoke weighs above the grants of their groups (one grant per task, for its candidate group).
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("coordinator");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      UsmApi api = new UsmApi(rest);
      assertThat(api.tasks("coordinator", revoked)).as("revoked for the coordinator").isEmpty();
      assertThat(api.tasks("coordinator", kept)).extracting(t -> t.get("taskDefinitionKey"))
          .containsExactly("R1_AcceptIncident");
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }
  }

  @Test
  void noDesignerOrWorkerMayDeployOverTheEngineApi() {
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("deployment-name", "probe");
    form.add("data", new org.springframework.core.io.ByteArrayResource(org.camunda.bpm.model.bpmn.Bpmn.convertToString(
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("designer-probe").camundaHistoryTimeToLive(1)
            .startEvent().endEvent().done()).getBytes()) {
      @Override
      public String getFilename() {
        return "probe.bpmn";
      }
    });
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    for (String user : List.of("designer", "coordinator", "auditor")) {
      headers.setBasicAuth(user, user);
      int status = rest.postForEntity("/engine-rest/deployment/create",
          new org.springframework.http.HttpEntity<>(form, headers), String.class).getStatusCode().value();
      assertThat(status).as("%s: only the product deploys (rule T3)", user).isEqualTo(403);
    }
  }

  @Test
  void theFiltersAreThereForEveryUserInTheInstallationsLanguage() {
    List<String> names = filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
    assertThat(names).as("usm.language is nl in the demo").containsOnlyOnce("Taken van mijn groepen",
        "Aan mij toegewezen", "Te laat", "Stappen van behandelaars die ik aanstuur", "Afspreken", "Wijzigen",
        "Herstellen", "Uitvoeren", "Verbeteren", "SLA-escalaties");
    String trackingNumber = incident("verhuizing", null, null);
    String instance = task(trackingNumber, Step.R1_AcceptIncident).getProcessInstanceId();
    as("coordinator");
    Filter mine = TasklistFilters.byKey(filterService, "my-groups").orElseThrow();
    assertThat(mine.getName()).isEqualTo("Taken van mijn groepen");
    assertThat(mine.getProperties()).containsEntry("description",
        "Openstaande taken van de groepen waar u in zit, toegewezen of niet");
    assertThat(filterService.<Task>list(mine.getId())).extracting(Task::getTaskDefinitionKey).contains("R1_AcceptIncident");
    Filter recover = TasklistFilters.byKey(filterService, "process-recover").orElseThrow();
    assertThat(filterService.<Task>list(recover.getId())).extracting(Task::getName)
        .contains("R1 Aannemen incident · " + trackingNumber + " · Verhuizing doorgeven");
    as("operator");
    assertThat(filterService.<Task>list(mine.getId())).extracting(Task::getProcessInstanceId)
        .doesNotContain(instance);
  }

  /**
   * Filters made by an earlier version (English names, sorted by due date, no key) are brought up to date at
   * start-up, not duplicated; and no product filter sorts, so that Tasklist's sort control says what it does.
   */
  @Test
  void anOlderFilterIsRenamedAndUpdatedAtStartUpAndNoFilterSorts() {
    Filter mine = TasklistFilters.byKey(filterService, "my-groups").orElseThrow();
    Map<String, Object> olderProperties = new java.util.HashMap<>(Map.of("description", "Open tasks", "priority", -10));
    filterService.saveFilter(mine.setName("My group's tasks").setProperties(olderProperties)
        .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .orderByDueDate().asc()));
    int before = filterService.createTaskFilterQuery().list().size();

    filters.createOrUpdate();

    assertThat(filterService.createTaskFilterQuery().list()).hasSize(before);
    Filter updated = filterService.getFilter(mine.getId());
    assertThat(updated.getName()).isEqualTo("Taken van mijn groepen");
    assertThat(updated.getProperties()).containsEntry(TasklistFilters.KEY_PROPERTY, "my-groups");
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      ResponseEntity<Map> asRead = rest.withBasicAuth("coordinator", "coordinator")
          .getForEntity("/engine-rest/filter/" + filter.getId(), Map.class);
      Object sorting = ((Map<?, ?>) asRead.getBody().get("query")).get("sorting");
      assertThat(sorting == null ? List.of() : (List<?>) sorting).as(filter.getName()).isEmpty();
    }
  }

  @Test
  void aBreachedSlaEscalatesToTheWorkflowCoordinatorAndBecomesARiskAtEvaluation() {
    String trackingNumber = intake.register(new CallRequest("wmo-voorziening", "service-request", "Rolstoel defect",
        "inwoner-4711", null, null, null, null, null)).trackingNumber();
    String root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .rootProcessInstances().singleResult().getId();
    Job sla = managementService.createJobQuery().processInstanceId(root).timers().singleResult();
    managementService.executeJob(sla.getId());

    Task escalation = taskService.createTaskQuery().processInstanceId(root).taskDefinitionKey("WF_SteerSlaBreach")
        .singleResult();
    assertThat(escalation.getName()).isEqualTo("SLA overschreden · " + trackingNumber + " · Wmo-voorziening aanvragen");
    Filter escalations = TasklistFilters.byKey(filterService, "sla-escalations").orElseThrow();
    as("coordinator");
    assertThat(filterService.<Task>list(escalations.getId())).as("by task definition key, in any language")
        .extracting(Task::getId).contains(escalation.getId());
    identityService.clearAuthentication();
    assertThat(escalation.getDueDate()).as("due within the response time from the breach, not in the past")
        .isAfter(new java.util.Date());
    assertThat(taskService.getIdentityLinksForTask(escalation.getId())).extracting(l -> l.getGroupId())
        .containsExactly("sociaal-domein-coordinatoren");
    UsmApi api = new UsmApi(rest);
    assertThat(api.callBody("coordinator", trackingNumber).get("slaBreachedAt")).isNotNull();

    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities)) {
      api.complete("coordinator", trackingNumber, step, Map.of());
    }
    api.complete("operator", trackingNumber, Step.O4_ExecuteActivities, Map.of());
    api.complete("coordinator", trackingNumber, Step.O5_ReviewDelivery, Map.of("requesterAccepted", true));
    api.complete("coordinator", trackingNumber, Step.O6_EvaluateAndClose, Map.of());

    Map<String, Object> closed = api.callBody("coordinator", trackingNumber);
    assertThat(closed).containsEntry("status", "closed");
    @SuppressWarnings("unchecked")
    List<String> risks = (List<String>) ((Map<String, Object>) closed.get("linkedCalls")).get("started");
    assertThat(risks).hasSize(1);
    assertThat((String) api.callBody("coordinator", risks.get(0)).get("summary"))
        .startsWith("End-to-end SLA of " + trackingNumber + " breached");
    assertThat(taskService.createTaskQuery().processInstanceId(root).count()).as("escalation ended with the call")
        .isZero();
  }
}
