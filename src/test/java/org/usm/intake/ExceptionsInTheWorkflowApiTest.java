package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * Exceptions have a place in the workflow (DESIGN §12, book l.2556–2560): a call the requester no longer
 * wants is withdrawn (by the requester, a coordinator of the service or an administrator, before
 * fulfilment; its open steps end, its status says withdrawn, who and why are on its trail; anyone else is
 * refused and nothing changes; what it handed to an internal link is withdrawn with it); a change that
 * should not be made is rejected at C3 with its reason and still evaluated.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ExceptionsInTheWorkflowApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private UsmApi api() {
    return new UsmApi(rest);
  }

  /** A service request of verhuizing registered by the requester for themselves. */
  private String ownCall(String summary) {
    return api().register("requester", new HashMap<>(Map.of("serviceId", "verhuizing", "type", "service-request",
        "summary", summary, "requester", "requester")));
  }

  private ResponseEntity<Map<String, Object>> withdraw(String user, String trackingNumber, Object body) {
    return rest.exchange("/api/calls/" + trackingNumber + "/withdrawal", HttpMethod.POST,
        new HttpEntity<>(body, UsmApi.headers(user)), JSON);
  }

  private List<Map<String, Object>> trail(String trackingNumber) {
    return rest.exchange("/api/calls/" + trackingNumber + "/audit", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), JSON_LIST).getBody();
  }

  private void complete(String trackingNumber, Step step) {
    api().complete(HappyPath.demoUser(step), trackingNumber, step,
        HappyPath.variables(step, WorkflowPattern.WF5, "verhuizing"));
  }

  @Test
  void theRequesterWithdrawsACallBeforeFulfilmentAndItsOpenStepsEndOnRecord() {
    String call = ownCall("Verhuizing gaat niet door");
    complete(call, Step.O1_AcceptServiceRequest);

    ResponseEntity<Map<String, Object>> withdrawn = withdraw("requester", call, Map.of("reason",
        "De koop van het huis is niet doorgegaan"));
    assertThat(withdrawn.getStatusCode().value()).as("%s", withdrawn.getBody()).isEqualTo(200);
    assertThat(withdrawn.getBody()).containsEntry("status", "withdrawn").containsEntry("withdrawnBy", "requester");

    Map<String, Object> after = api().callBody("auditor", call);
    assertThat(after).containsEntry("status", "withdrawn");
    assertThat((List<?>) after.get("openSteps")).isEmpty();
    assertThat((Map<String, Object>) after.get("cancellation")).containsEntry("by", "requester")
        .containsEntry("reason", "De koop van het huis is niet doorgegaan");
    assertThat(api().tasks("coordinator", call)).isEmpty();
    assertThat(trail(call)).filteredOn(e -> "DECISION".equals(e.get("kind"))
        && String.valueOf(e.get("message")).startsWith("withdrawn by requester")).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("userId", "requester"));
    assertThat(trail(call)).noneSatisfy(e -> assertThat(e.get("kind")).isEqualTo("INTERVENTION"));

    ResponseEntity<Map<String, Object>> again = withdraw("requester", call, Map.of("reason", "nogmaals"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void onlyTheRequesterACoordinatorOfTheServiceOrAnAdministratorWithdrawsAndOnlyBeforeFulfilment() {
    String call = ownCall("Verhuizing naar Utrecht");
    Map<String, Object> reason = Map.of("reason", "niet meer nodig");
    assertThat(withdraw("operator", call, reason).getStatusCode().value()).as("an operator of the service")
        .isEqualTo(403);
    assertThat(withdraw("auditor", call, reason).getStatusCode().value()).as("an auditor").isEqualTo(403);
    assertThat(withdraw("tester", call, reason).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> noReason = withdraw("requester", call, Map.of("reason", " "));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).containsEntry("field", "reason");
    assertThat(api().callBody("auditor", call)).containsEntry("status", "registered");

    assertThat(withdraw("coordinator", call, reason).getStatusCode().value()).isEqualTo(200);
    String other = ownCall("Verhuizing binnen de wijk");
    assertThat(withdraw("admin", other, reason).getStatusCode().value()).isEqualTo(200);

    String fulfilled = ownCall("Verhuizing doorgegeven en verwerkt");
    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities, Step.O4_ExecuteActivities,
        Step.O5_ReviewDelivery)) {
      complete(fulfilled, step);
    }
    ResponseEntity<Map<String, Object>> late = withdraw("requester", fulfilled, reason);
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat((String) late.getBody().get("error")).contains("fulfilled");
    assertThat(api().callBody("auditor", fulfilled)).containsEntry("status", "fulfilled");
  }

  @Test
  @SuppressWarnings("unchecked")
  void whatACallHandedToAnInternalLinkIsWithdrawnWithIt() {
    String move = ownCall("Verhuizing met containers");
    complete(move, Step.O1_AcceptServiceRequest);
    complete(move, Step.O3_PlanActivities);
    String task = api().tasks("operator", move).get(0).get("id").toString();
    rest.exchange("/engine-rest/task/" + task + "/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "operator"), UsmApi.headers("operator")), String.class);
    String waste = (String) rest.exchange("/api/calls/" + move + "/linked-calls", HttpMethod.POST, new HttpEntity<>(
        Map.of("link", "afval", "type", "service-request", "summary", "Containers omzetten"),
        UsmApi.headers("operator")), JSON).getBody().get("trackingNumber");

    assertThat(withdraw("requester", move, Map.of("reason", "verhuizing afgeblazen")).getStatusCode().value())
        .isEqualTo(200);
    assertThat(api().callBody("auditor", waste)).containsEntry("status", "withdrawn");
    assertThat(api().tasks("coordinator", waste)).isEmpty();
    assertThat((List<Map<String, Object>>) api().callBody("auditor", move).get("links")).singleElement()
        .satisfies(link -> assertThat(link).containsEntry("status", "refused"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCoordinatorRejectsAChangeAtC3WithItsReasonAndTheCallIsEvaluatedAndClosesNotRealised() {
    String rfc = api().register("requester", new HashMap<>(Map.of("serviceId", "werkplek", "type", "rfc",
        "summary", "Eigen laptops toestaan op het netwerk", "requester", "requester")));
    api().complete("coordinator", rfc, Step.C1_AcceptRfc, Map.of());
    ResponseEntity<String> noReason = api().completeTask("coordinator", rfc, Step.C3_PlanAndAgree,
        Map.of("planApproved", false));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("Rule E1").contains("rejectionReason");
    String c3 = api().tasks("coordinator", rfc).get(0).get("id").toString();
    WebappSession.Response viaTasklist = WebappSession.login(port, "coordinator").engine("POST",
        "/task/" + c3 + "/submit-form", Map.of("variables", Map.of("planApproved", Map.of("value", false,
            "type", "Boolean"))));
    assertThat(viaTasklist.status()).as("through the webapps' API too").isEqualTo(400);
    assertThat(viaTasklist.body()).contains("Rule E1");
    ResponseEntity<String> posingAsDone = api().completeTask("coordinator", rfc, Step.C3_PlanAndAgree, Map.of(
        "planApproved", false, "rejectionReason", "Te duur", "processOutcome", "delivered"));
    assertThat(posingAsDone.getStatusCode().value()).as("an exit does not choose its own outcome").isIn(400, 403);
    assertThat(posingAsDone.getBody()).contains("processOutcome");
    assertThat(api().tasks("coordinator", rfc)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly("C3_PlanAndAgree");

    api().complete("coordinator", rfc, Step.C3_PlanAndAgree, Map.of("planApproved", false, "rejectionReason",
        "Strijdig met het informatiebeveiligingsbeleid"));
    Map<String, Object> rejected = api().callBody("auditor", rfc);
    assertThat((List<Map<String, Object>>) rejected.get("openSteps")).extracting(step -> step.get("step"))
        .containsExactly("C9_EvaluateAndClose");
    assertThat((String) rejected.get("outcome")).startsWith("not realised: the change is rejected")
        .contains("Strijdig met het informatiebeveiligingsbeleid");
    assertThat((List<?>) rejected.get("changedComponents")).isEmpty();

    api().complete("coordinator", rfc, Step.C9_EvaluateAndClose, Map.of());
    Map<String, Object> closed = api().callBody("auditor", rfc);
    assertThat(closed).containsEntry("status", "closed");
    assertThat((String) closed.get("outcome")).startsWith("not realised");
    assertThat(trail(rfc)).filteredOn(e -> "E1".equals(e.get("ruleId")) && "DECISION".equals(e.get("kind")))
        .singleElement().satisfies(e -> assertThat(e).containsEntry("userId", "coordinator")
            .containsEntry("step", "C3_PlanAndAgree"));
    assertThat(trail(rfc)).noneSatisfy(e -> assertThat(e.get("kind")).isEqualTo("REGISTER"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRequestThatCannotBeDoneSkipsExecutionIsNeverFulfilledAndIsEvaluated() {
    String call = ownCall("Verhuizing naar een adres dat nog niet bestaat");
    complete(call, Step.O1_AcceptServiceRequest);
    api().complete("coordinator", call, Step.O3_PlanActivities, Map.of("feasible", false, "reason",
        "Het adres staat nog niet in de BAG"));
    Map<String, Object> planned = api().callBody("auditor", call);
    assertThat((List<Map<String, Object>>) planned.get("openSteps")).extracting(step -> step.get("step"))
        .containsExactly("O5_ReviewDelivery");
    assertThat((String) planned.get("outcome")).startsWith("not realised: the request cannot be done")
        .contains("Het adres staat nog niet in de BAG");
    complete(call, Step.O5_ReviewDelivery);
    assertThat(api().callBody("auditor", call)).as("heard why, but nothing delivered").containsEntry("status",
        "in progress");
    complete(call, Step.O6_EvaluateAndClose);
    assertThat(api().callBody("auditor", call)).containsEntry("status", "closed");
    assertThat(trail(call)).filteredOn(e -> "E1".equals(e.get("ruleId"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("step", "O3_PlanActivities"));
  }
}
