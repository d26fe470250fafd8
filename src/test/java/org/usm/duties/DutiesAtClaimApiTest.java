package org.usm.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * Separation of duties is said when a user takes up a step, not only when they complete it (issue 19): the
 * operator who built a change (C4) cannot claim its test (C5) on either engine API, nor be assigned, delegated
 * or offered it; each attempt answers 403 with the rule in the book's words and the steps by name, in the
 * service's language, changes nothing (the task stays free) and is on the call's trail. The tester then
 * claims and completes it.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DutiesAtClaimApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  /** What the builder of a change of verhuizing (a Dutch service) reads. */
  private static final String SOD_1 = "Regel SOD-1: Functiescheiding: 'operator' heeft C4 Voorbereiden wijziging van "
      + "deze melding afgerond en mag daarom C5 Testen en vrijgeven niet oppakken of afronden: niemand mag zijn eigen "
      + "prestaties beoordelen (wie bouwt, test niet).";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private UsmApi api() {
    return new UsmApi(rest);
  }

  /** A change of verhuizing, planned by the coordinator and built by the operator: waiting at C5. */
  private String changeBuiltByTheOperator() {
    String rfc = api().register("servicedesk", new HashMap<>(Map.of("serviceId", "verhuizing", "type", "rfc",
        "summary", "Verhuisformulier: veld voor briefadres", "requester", "inwoner-4711")));
    for (Step step : List.of(Step.C1_AcceptRfc, Step.C3_PlanAndAgree, Step.C4_PrepareChange)) {
      api().complete(HappyPath.demoUser(step), rfc, step, HappyPath.variables(step, WorkflowPattern.WF2, "verhuizing"));
    }
    return rfc;
  }

  private Task c5(String rfc) {
    return taskService.createTaskQuery().processInstanceBusinessKey(rfc)
        .taskDefinitionKey(Step.C5_TestAndRelease.id()).singleResult();
  }

  private ResponseEntity<Map<String, Object>> engine(String user, String path, Object body) {
    return rest.exchange("/engine-rest/task" + path, HttpMethod.POST, new HttpEntity<>(body, UsmApi.headers(user)),
        JSON);
  }

  private int refusalsOnTrail(String rfc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM usm_audit_event WHERE tracking_number = ? AND kind = 'REFUSAL' "
        + "AND rule_id = 'SOD-1' AND step = ?", Integer.class, rfc, Step.C5_TestAndRelease.id());
  }

  private void assertRefusedAndFree(String rfc, int status, Object ruleId, String message, int refusals) {
    assertThat(status).isEqualTo(403);
    assertThat(ruleId).isEqualTo("SOD-1");
    assertThat(message).isEqualTo(SOD_1).doesNotContain(Step.C4_PrepareChange.id());
    Task task = c5(rfc);
    assertThat(task.getAssignee()).as("nobody holds C5").isNull();
    assertThat(task.getOwner()).isNull();
    assertThat(taskService.getIdentityLinksForTask(task.getId())).as("nobody was made a candidate")
        .noneMatch(link -> link.getUserId() != null);
    assertThat(refusalsOnTrail(rfc)).as("the refusal on the call's trail").isEqualTo(refusals);
  }

  @Test
  void theBuilderCannotClaimTheTestOfTheirChangeOnEitherApiAndTheTesterTakesIt() {
    String rfc = changeBuiltByTheOperator();
    String task = c5(rfc).getId();

    ResponseEntity<Map<String, Object>> claimed = engine("operator", "/" + task + "/claim", Map.of("userId", "operator"));
    assertRefusedAndFree(rfc, claimed.getStatusCode().value(), claimed.getBody().get("ruleId"),
        (String) claimed.getBody().get("message"), 1);

    WebappSession tasklist = WebappSession.login(port, "operator");
    WebappSession.Response viaTasklist = tasklist.engine("POST", "/task/" + task + "/claim", Map.of("userId", "operator"));
    assertRefusedAndFree(rfc, viaTasklist.status(), viaTasklist.json().get("ruleId"),
        (String) viaTasklist.json().get("message"), 2);

    assertThat(engine("tester", "/" + task + "/claim", Map.of("userId", "tester")).getStatusCode().value())
        .isEqualTo(204);
    api().complete("tester", rfc, Step.C5_TestAndRelease,
        HappyPath.variables(Step.C5_TestAndRelease, WorkflowPattern.WF2, "verhuizing"));
    assertThat(c5(rfc)).as("released").isNull();
  }

  @Test
  void nobodyAssignsDelegatesOrOffersTheTestToTheBuilder() {
    String rfc = changeBuiltByTheOperator();
    String task = c5(rfc).getId();

    ResponseEntity<Map<String, Object>> assigned = engine("coordinator", "/" + task + "/assignee",
        Map.of("userId", "operator"));
    assertRefusedAndFree(rfc, assigned.getStatusCode().value(), assigned.getBody().get("ruleId"),
        (String) assigned.getBody().get("message"), 1);

    ResponseEntity<Map<String, Object>> offered = engine("coordinator", "/" + task + "/identity-links",
        Map.of("userId", "operator", "type", IdentityLinkType.CANDIDATE));
    assertRefusedAndFree(rfc, offered.getStatusCode().value(), offered.getBody().get("ruleId"),
        (String) offered.getBody().get("message"), 2);

    WebappSession coordinatorsTasklist = WebappSession.login(port, "coordinator");
    WebappSession.Response viaWebapp = coordinatorsTasklist.engine("POST", "/task/" + task + "/assignee", Map.of("userId", "operator"));
    assertRefusedAndFree(rfc, viaWebapp.status(), viaWebapp.json().get("ruleId"), (String) viaWebapp.json().get("message"),
        3);

    // The tester took it up and hands it on: not to the builder.
    assertThat(engine("tester", "/" + task + "/claim", Map.of("userId", "tester")).getStatusCode().value())
        .isEqualTo(204);
    ResponseEntity<Map<String, Object>> delegated = engine("tester", "/" + task + "/delegate",
        Map.of("userId", "operator"));
    assertThat(delegated.getStatusCode().value()).isEqualTo(403);
    assertThat(delegated.getBody()).containsEntry("ruleId", "SOD-1").containsEntry("message", SOD_1);
    assertThat(c5(rfc).getAssignee()).as("still the tester's").isEqualTo("tester");
    assertThat(c5(rfc).getOwner()).isNull();
    assertThat(refusalsOnTrail(rfc)).isEqualTo(4);

    api().complete("tester", rfc, Step.C5_TestAndRelease,
        HappyPath.variables(Step.C5_TestAndRelease, WorkflowPattern.WF2, "verhuizing"));
    assertThat(c5(rfc)).as("released").isNull();
  }
}
