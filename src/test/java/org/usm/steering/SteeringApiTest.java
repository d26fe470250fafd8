package org.usm.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.WorkflowElements;
import org.usm.model.WorkflowPattern;
import org.usm.tasks.TasklistFilters;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * Coordinators steer the operators' work of their processes (DESIGN §12; book l.1551, l.3130–3144): they
 * see the open operator steps of their services' calls, assign, reassign and unassign them and move them
 * between the process's teams, and never complete them. A step goes only to members of its groups, on
 * every way in (assign, claim for someone, delegate, a saved task, an identity link, both REST APIs), and
 * every assignment by someone else is on the call's trail.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SteeringApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};
  /** A member of the counter team only (publieksdiensten-burgerzaken), beside the demo's operator. */
  private static final String COUNTER_CLERK = "baliemedewerker";
  /** A member of application management only (ict-applicatiebeheer). */
  private static final String APPLICATION_MANAGER = "applicatiebeheerder";
  /** A coordinator of another service's processes only (afvalinzameling). */
  private static final String OTHER_COORDINATOR = "coordinator-afval";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;

  @BeforeEach
  void users() {
    user(COUNTER_CLERK, "publieksdiensten-burgerzaken");
    user(APPLICATION_MANAGER, "ict-applicatiebeheer");
    user(OTHER_COORDINATOR, "stadsbeheer-coordinatoren");
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(id);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  private UsmApi api() {
    return new UsmApi(rest);
  }

  /** A service request of verhuizing waiting at O4, the counter team's step. */
  private String callAtO4(String summary) {
    String call = api().register("requester", new HashMap<>(Map.of("serviceId", "verhuizing", "type",
        "service-request", "summary", summary, "requester", "requester")));
    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities)) {
      api().complete(HappyPath.demoUser(step), call, step, HappyPath.variables(step, WorkflowPattern.WF5, "verhuizing"));
    }
    return call;
  }

  /** An incident of verhuizing waiting at R3, which both the counter team and application management work. */
  private String incidentAtR3(String summary) {
    String call = api().register("requester", new HashMap<>(Map.of("serviceId", "verhuizing", "type", "incident",
        "summary", summary, "requester", "requester")));
    api().complete("coordinator", call, Step.R1_AcceptIncident,
        HappyPath.variables(Step.R1_AcceptIncident, WorkflowPattern.WF4, "verhuizing"));
    return call;
  }

  private String taskAt(String call, Step step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(call).taskDefinitionKey(step.id())
        .singleResult().getId();
  }

  private ResponseEntity<Map<String, Object>> engine(String user, HttpMethod method, String path, Object body) {
    return rest.exchange("/engine-rest" + path, method, new HttpEntity<>(body, UsmApi.headers(user)), JSON);
  }

  /** The ids of the tasks a Tasklist filter lists for the user. */
  private List<Object> filterList(String user, String filter) {
    return rest.exchange("/engine-rest/filter/" + filter + "/list?maxResults=1000", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers(user)), JSON_LIST).getBody().stream().map(t -> t.get("id")).toList();
  }

  private List<Map<String, Object>> trail(String call, String kind) {
    return rest.exchange("/api/calls/" + call + "/audit", HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")),
        JSON_LIST).getBody().stream().filter(entry -> kind.equals(entry.get("kind"))).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProcessCoordinatorSeesAndAssignsAnOperatorsStepOnRecordButNeverCompletesIt() {
    String call = callAtO4("Verhuizing naar de Lindelaan");
    String task = taskAt(call, Step.O4_ExecuteActivities);

    assertThat(api().tasks("coordinator", call)).extracting(t -> t.get("taskDefinitionKey"))
        .as("the coordinator of Operate sees the operators' step").containsExactly(Step.O4_ExecuteActivities.id());
    assertThat(api().tasks(OTHER_COORDINATOR, call)).as("a coordinator of another service").isEmpty();
    String steering = TasklistFilters.byKey(filterService, TasklistFilters.STEERING).orElseThrow().getId();
    assertThat(filterList("coordinator", steering)).as("Tasklist's steering filter").contains(task);
    assertThat(filterList(OTHER_COORDINATOR, steering)).doesNotContain(task);

    assertThat(rest.exchange("/engine-rest/user?maxResults=1&id=" + COUNTER_CLERK, HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("coordinator")), JSON_LIST).getBody())
        .as("Tasklist looks up whom a coordinator assigns a step to").hasSize(1);
    assertThat(engine("coordinator", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", COUNTER_CLERK))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(COUNTER_CLERK);
    assertThat(trail(call, "ASSIGNMENT")).singleElement().satisfies(entry -> {
      assertThat(entry).containsEntry("userId", "coordinator").containsEntry("step", Step.O4_ExecuteActivities.id());
      assertThat((String) entry.get("message")).isEqualTo("assigned O4_ExecuteActivities to " + COUNTER_CLERK);
    });
    Map<String, Object> openStep = ((List<Map<String, Object>>) api().callBody("coordinator", call).get("openSteps"))
        .get(0);
    assertThat(openStep).containsEntry("assignee", COUNTER_CLERK).containsKey("since");
    assertThat((List<String>) openStep.get("groups")).containsExactly("publieksdiensten-burgerzaken");

    assertThat(engine("coordinator", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "operator"))
        .getStatusCode().value()).as("reassign").isEqualTo(204);
    assertThat(engine("coordinator", HttpMethod.POST, "/task/" + task + "/unclaim", null).getStatusCode().value())
        .as("unassign").isEqualTo(204);
    assertThat(trail(call, "ASSIGNMENT")).extracting(entry -> entry.get("message")).containsExactly(
        "assigned O4_ExecuteActivities to " + COUNTER_CLERK,
        "reassigned O4_ExecuteActivities from " + COUNTER_CLERK + " to operator",
        "unassigned O4_ExecuteActivities from operator");

    ResponseEntity<Map<String, Object>> own = engine("coordinator", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", Map.of()));
    assertThat(own.getStatusCode().value()).as("a coordinator never completes an operator's step").isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

    assertThat(engine(COUNTER_CLERK, HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", COUNTER_CLERK))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(trail(call, "ASSIGNMENT")).as("claiming for oneself is no assignment by someone else").hasSize(3);
  }

  @Test
  void aStepGoesOnlyToMembersOfItsGroupsOnEveryWayIn() {
    String call = callAtO4("Verhuizing naar de Eikenlaan");
    String task = taskAt(call, Step.O4_ExecuteActivities);
    Map<String, Object> toAuditor = Map.of("userId", "auditor");
    List<ResponseEntity<Map<String, Object>>> attempts = List.of(
        engine("coordinator", HttpMethod.POST, "/task/" + task + "/assignee", toAuditor),
        engine("operator", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", APPLICATION_MANAGER)),
        engine("operator", HttpMethod.POST, "/task/" + task + "/claim", toAuditor),
        engine("operator", HttpMethod.POST, "/task/" + task + "/delegate", toAuditor),
        engine("operator", HttpMethod.POST, "/task/" + task + "/identity-links",
            Map.of("userId", "auditor", "type", "candidate")),
        engine("operator", HttpMethod.POST, "/task/" + task + "/identity-links",
            Map.of("userId", "auditor", "type", "owner")),
        engine("admin", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "admin")));
    for (ResponseEntity<Map<String, Object>> attempt : attempts) {
      assertThat(attempt.getStatusCode().value()).as("%s", attempt.getBody()).isEqualTo(403);
      assertThat(attempt.getBody()).containsEntry("ruleId", StepHolders.HOLD_RULE);
    }
    Map<String, Object> saved = Map.of("name", "O4 Execute activities", "assignee", "auditor", "priority", 50);
    ResponseEntity<Map<String, Object>> save = engine("operator", HttpMethod.PUT, "/task/" + task, saved);
    assertThat(save.getStatusCode().value()).as("a saved task naming a new assignee: %s", save.getBody())
        .isEqualTo(403);

    WebappSession tasklist = WebappSession.login(port, "coordinator");
    WebappSession.Response viaWebapp = tasklist.engine("POST", "/task/" + task + "/assignee", Map.of("userId", "auditor"));
    assertThat(viaWebapp.status()).as("through the webapps' API: %s", viaWebapp.body()).isEqualTo(403);
    assertThat(viaWebapp.body()).contains(StepHolders.HOLD_RULE);

    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(task)).extracting(link -> link.getUserId()).containsOnlyNulls();
    assertThat(api().tasks("auditor", call)).as("the auditor reads the call but holds no step")
        .allSatisfy(t -> assertThat(t.get("assignee")).isNull());
    assertThat(trail(call, "ASSIGNMENT")).isEmpty();
    assertThat(trail(call, "REFUSAL")).hasSizeGreaterThanOrEqualTo(attempts.size());

    assertThat(tasklist.engine("POST", "/task/" + task + "/assignee", Map.of("userId", COUNTER_CLERK)).status())
        .as("the same way in, to a member").isEqualTo(204);
  }

  @Test
  void theCoordinatorMovesAStepBetweenTheTeamsOfItsProcessAndTheOldTeamLosesIt() {
    String call = incidentAtR3("BRP-koppeling geeft foutmelding");
    String task = taskAt(call, Step.R3_Analyze);
    assertThat(api().tasks(APPLICATION_MANAGER, call)).hasSize(1);

    ResponseEntity<Map<String, Object>> byOperator = engine("operator", HttpMethod.POST,
        "/task/" + task + "/identity-links/delete", Map.of("groupId", "ict-applicatiebeheer", "type", "candidate"));
    assertThat(byOperator.getStatusCode().value()).as("an operator does not move steps").isEqualTo(403);
    assertThat(byOperator.getBody()).containsEntry("ruleId", StepHolders.STEER_RULE);

    ResponseEntity<Map<String, Object>> notATeam = engine("coordinator", HttpMethod.POST,
        "/task/" + task + "/identity-links", Map.of("groupId", "usm-auditors", "type", "candidate"));
    assertThat(notATeam.getStatusCode().value()).isEqualTo(403);
    assertThat((String) notATeam.getBody().get("message")).contains("R3_Analyze moves only to a team its process gives");

    assertThat(engine("coordinator", HttpMethod.POST, "/task/" + task + "/identity-links/delete",
        Map.of("groupId", "ict-applicatiebeheer", "type", "candidate")).getStatusCode().value()).isEqualTo(204);
    assertThat(api().tasks(APPLICATION_MANAGER, call)).as("the team the step left no longer sees it").isEmpty();
    ResponseEntity<Map<String, Object>> lastTeam = engine("coordinator", HttpMethod.POST,
        "/task/" + task + "/identity-links/delete", Map.of("groupId", "publieksdiensten-burgerzaken", "type", "candidate"));
    assertThat(lastTeam.getStatusCode().value()).isEqualTo(403);
    assertThat((String) lastTeam.getBody().get("message")).contains("keeps a team");

    assertThat(engine("coordinator", HttpMethod.POST, "/task/" + task + "/identity-links",
        Map.of("groupId", "ict-applicatiebeheer", "type", "candidate")).getStatusCode().value()).isEqualTo(204);
    assertThat(api().tasks(APPLICATION_MANAGER, call)).hasSize(1);
    assertThat(trail(call, "ASSIGNMENT")).extracting(entry -> entry.get("message")).containsExactly(
        "took R3_Analyze from group ict-applicatiebeheer", "gave R3_Analyze to group ict-applicatiebeheer");
  }

  @Test
  void theSlaEscalationListsTheOpenStepsWithTheirHoldersAndAssignsOne() {
    String call = callAtO4("Verhuizing met spoed");
    String o4 = taskAt(call, Step.O4_ExecuteActivities);
    String root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(call).rootProcessInstances()
        .singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(root).timers().singleResult()
        .getId());
    String escalation = taskService.createTaskQuery().processInstanceId(root)
        .taskDefinitionKey(WorkflowElements.STEER_SLA_BREACH).singleResult().getId();
    assertThat((String) taskService.getVariableLocal(escalation, CallVariables.OPEN_STEPS))
        .contains("O4 Uitvoeren werkzaamheden", "`O4_ExecuteActivities`", "niet toegewezen",
            "publieksdiensten-burgerzaken");

    ResponseEntity<Map<String, Object>> notOpen = completeEscalation(escalation, Map.of(
        CallVariables.STEER_STEP, typed(Step.R3_Analyze.id()), CallVariables.STEER_ASSIGNEE, typed(COUNTER_CLERK)));
    assertThat(notOpen.getStatusCode().value()).as("%s", notOpen.getBody()).isEqualTo(400);
    assertThat(notOpen.getBody()).containsEntry("field", CallVariables.STEER_STEP);
    assertThat((String) notOpen.getBody().get("error")).as("in the language of the call's service")
        .isEqualTo("Regel " + StepHolders.ESCALATION_RULE + ": in melding " + call + " staat geen stap R3_Analyze open: "
            + "noem een van de openstaande stappen op het formulier, met de code");
    ResponseEntity<Map<String, Object>> outsider = completeEscalation(escalation, Map.of(
        CallVariables.STEER_STEP, typed(Step.O4_ExecuteActivities.id()), CallVariables.STEER_ASSIGNEE, typed("auditor")));
    assertThat(outsider.getStatusCode().value()).isEqualTo(403);
    assertThat(outsider.getBody()).containsEntry("ruleId", StepHolders.HOLD_RULE);
    assertThat(taskService.createTaskQuery().taskId(escalation).count()).as("refused: the escalation stays open")
        .isEqualTo(1);

    ResponseEntity<Map<String, Object>> steered = completeEscalation(escalation, Map.of(
        CallVariables.STEER_STEP, typed(Step.O4_ExecuteActivities.id()), CallVariables.STEER_ASSIGNEE, typed(COUNTER_CLERK),
        "steeringAction", typed("Bea pakt het vandaag op")));
    assertThat(steered.getStatusCode().value()).as("%s", steered.getBody()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(o4).singleResult().getAssignee()).isEqualTo(COUNTER_CLERK);
    assertThat(trail(call, "ASSIGNMENT")).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("userId", "coordinator").containsEntry("message", "assigned O4_ExecuteActivities to " + COUNTER_CLERK));
  }

  private ResponseEntity<Map<String, Object>> completeEscalation(String task, Map<String, Object> variables) {
    return engine("coordinator", HttpMethod.POST, "/task/" + task + "/complete", Map.of("variables", variables));
  }

  private static Map<String, Object> typed(String value) {
    return Map.of("value", value, "type", "String");
  }

  @Test
  void tasklistsLinkToTheProcessInstanceLeadsWhoeverMayReadTheCallToTheCall() {
    String call = callAtO4("Verhuizing naar de Kastanjelaan");
    String instance = taskService.createTaskQuery().taskId(taskAt(call, Step.O4_ExecuteActivities)).singleResult()
        .getProcessInstanceId();
    String path = "/camunda/api/cockpit/plugin/usm/default/process-instances/" + instance + "/call";
    WebappSession.Response mine = WebappSession.login(port, "operator", "cockpit").request("GET", path);
    assertThat(mine.status()).as("%s", mine.body()).isEqualTo(200);
    assertThat(mine.json()).containsEntry("trackingNumber", call);
    assertThat(WebappSession.login(port, OTHER_COORDINATOR, "cockpit").request("GET", path).status())
        .as("a coordinator of another service learns nothing of the call").isEqualTo(404);
  }
}
