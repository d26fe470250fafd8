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
 * should not be made is rejected at C3 with its reason and still evaluated; a call registered as the wrong type
 * is reclassified at its accept step into a new call of the right type, linked both ways, and evaluated.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ExceptionsInTheWorkflowApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
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
    assertThat(noReason.getBody()).as("werkplek speaks Dutch").contains("Regel E1").contains("rejectionReason");
    String c3 = api().tasks("coordinator", rfc).get(0).get("id").toString();
    WebappSession.Response viaTasklist = WebappSession.login(port, "coordinator").engine("POST",
        "/task/" + c3 + "/submit-form", Map.of("variables", Map.of("planApproved", Map.of("value", false,
            "type", "Boolean"))));
    assertThat(viaTasklist.status()).as("through the webapps' API too").isEqualTo(400);
    assertThat(viaTasklist.body()).contains("Regel E1");
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
  void aCoordinatorReclassifiesACallRegisteredAsTheWrongTypeIntoANewCallLinkedBothWays() {
    Map<String, Object> registered = new HashMap<>(Map.of("serviceId", "verhuizing", "type", "incident",
        "summary", "Verhuizen naar het buitenland kan niet digitaal worden doorgegeven", "requester", "requester",
        "description", "Het formulier kent geen adressen buiten Nederland", "impact", "low", "urgency", "low"));
    String incident = api().register("requester", registered);
    api().complete("coordinator", incident, Step.R1_AcceptIncident, Map.of("impact", "medium", "urgency", "medium",
        "reclassifyAs", "wish", "reclassificationReason", "Geen storing: het formulier was er nooit voor bedoeld; "
            + "een wens voor emigratie in het formulier"));

    Map<String, Object> old = api().callBody("auditor", incident);
    String wish = (String) old.get("reclassifiedAs");
    assertThat(wish).startsWith("WSH-");
    assertThat(old).containsEntry("status", "reclassified");
    assertThat((String) old.get("outcome")).startsWith("not realised: the call was registered as the wrong type")
        .contains("R1_AcceptIncident: Geen storing");
    assertThat((List<Map<String, Object>>) old.get("openSteps")).extracting(step -> step.get("step"))
        .as("evaluated, nothing analysed or repaired").containsExactly("R7_EvaluateAndClose");
    assertThat((Map<String, Object>) old.get("linkedCalls")).containsEntry("started", List.of(wish));

    Map<String, Object> replacement = api().callBody("auditor", wish);
    assertThat(replacement).containsEntry("type", "wish").containsEntry("pattern", "WF1")
        .containsEntry("serviceId", "verhuizing").containsEntry("requester", "requester")
        .containsEntry("summary", registered.get("summary")).containsEntry("description", registered.get("description"))
        .containsEntry("status", "registered").doesNotContainKey("reclassifiedAs");
    assertThat((Map<String, Object>) replacement.get("linkedCalls")).containsEntry("from", incident);
    assertThat((List<Map<String, Object>>) replacement.get("openSteps")).extracting(step -> step.get("step"))
        .containsExactly("A1_AcceptWish");
    assertThat(api().tasks("coordinator", wish)).singleElement().satisfies(task -> assertThat(task)
        .as("P3: medium x medium, as R1 assessed it").containsEntry("priority", 50));

    assertThat(trail(incident)).filteredOn(e -> "E1".equals(e.get("ruleId")))
        .extracting(e -> e.get("kind"), e -> e.get("step"), e -> e.get("userId"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("DECISION", "R1_AcceptIncident", "coordinator"),
            org.assertj.core.groups.Tuple.tuple("LINKED_CALL", "R1_AcceptIncident", "coordinator"));
    assertThat(trail(incident)).filteredOn(e -> "LINKED_CALL".equals(e.get("kind"))).singleElement()
        .satisfies(e -> assertThat((String) e.get("message")).contains("reclassified as wish: " + wish));
    assertThat(trail(wish)).filteredOn(e -> "REGISTERED".equals(e.get("kind"))).singleElement()
        .satisfies(e -> assertThat(e).as("registered by the coordinator who reclassified it")
            .containsEntry("userId", "coordinator"));
    assertThat(trail(wish)).filteredOn(e -> "LINKED_CALL".equals(e.get("kind"))).singleElement()
        .satisfies(e -> assertThat((String) e.get("message")).contains("in place of " + incident)
            .contains("Geen storing"));

    api().complete("coordinator", incident, Step.R7_EvaluateAndClose, Map.of());
    assertThat(api().callBody("auditor", incident)).as("closed, and still saying where it went")
        .containsEntry("status", "reclassified").containsEntry("reclassifiedAs", wish);
    assertThat(trail(incident)).anySatisfy(e -> assertThat(e.get("kind")).isEqualTo("CLOSED"));
    assertThat(api().callBody("auditor", wish)).containsEntry("status", "registered");
  }

  @Test
  void aReclassificationThatBreaksARuleIsRefusedByItsFieldAndNothingIsStored() {
    String incident = api().register("requester", new HashMap<>(Map.of("serviceId", "verhuizing", "type",
        "incident", "summary", "Adreswijziging komt niet aan bij de BRP", "requester", "requester")));
    assertReclassificationRefused(incident, Step.R1_AcceptIncident, Map.of("reclassifyAs", "incident",
        "reclassificationReason", "x"), "reclassifyAs", "al van het type incident");
    assertReclassificationRefused(incident, Step.R1_AcceptIncident, Map.of("reclassifyAs", "klacht",
        "reclassificationReason", "x"), "reclassifyAs", "moet een van deze zijn: wish, rfc, incident, service-request, risk");
    assertReclassificationRefused(incident, Step.R1_AcceptIncident, Map.of("reclassifyAs", "wish"),
        "reclassificationReason", "'reclassificationReason' is verplicht");
    String r1 = api().tasks("coordinator", incident).get(0).get("id").toString();
    WebappSession.Response viaTasklist = WebappSession.login(port, "coordinator").engine("POST",
        "/task/" + r1 + "/submit-form", Map.of("variables", Map.of("reclassifyAs", Map.of("value", "wish",
            "type", "String"))));
    assertThat(viaTasklist.status()).as("through the webapps' API too").isEqualTo(400);
    assertThat(viaTasklist.body()).contains("Regel E1").contains("reclassificationReason");
    assertThat(api().callBody("auditor", incident)).containsEntry("status", "registered");

    String wish = api().register("requester", new HashMap<>(Map.of("serviceId", "archief", "type", "wish",
        "summary", "Bewaartermijnen aanpassen in het archief", "requester", "requester")));
    assertReclassificationRefused(wish, Step.A1_AcceptWish, Map.of("reclassifyAs", "rfc", "reclassificationReason",
        "Het is een wijziging"), "reclassifyAs", "service 'archief' takes no call of type rfc now: rule H2");

    String inWish = api().register("requester", new HashMap<>(Map.of("serviceId", "wmo-voorziening", "type", "wish",
        "summary", "Vervoer ook op zondag", "requester", "requester")));
    api().complete("coordinator", inWish, Step.A1_AcceptWish, Map.of());
    api().complete("operator", inWish, Step.A3_SpecifyService, Map.of("rfcDescription", "Vervoer op zondag"));
    api().complete("coordinator", inWish, Step.A4_DraftOffer, Map.of());
    api().complete("coordinator", inWish, Step.A5_Negotiate, Map.of("agreementReached", true));
    assertReclassificationRefused(inWish, Step.C1_AcceptRfc, Map.of("reclassifyAs", "incident",
        "reclassificationReason", "Eigenlijk een storing"), "reclassifyAs", "bij de aannamestap van haar startproces");
  }

  /**
   * Completing the step with the variables answers 400 naming the field and rule E1 (in the service's language:
   * {@code Rule E1: } or {@code Regel E1: }, the message given); the step stays open, the
   * call is not reclassified and no call is registered; the refusal is on the call's trail.
   */
  private void assertReclassificationRefused(String trackingNumber, Step step, Map<String, Object> variables,
      String field, String message) {
    int calls = jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class);
    ResponseEntity<String> refused = api().completeTask("coordinator", trackingNumber, step, variables);
    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("E1: ").contains(message).contains("\"field\":\"" + field + "\"");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class)).as("no new call").isEqualTo(calls);
    assertThat(api().tasks("coordinator", trackingNumber)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(step.id());
    assertThat(api().callBody("auditor", trackingNumber)).doesNotContainKey("reclassifiedAs");
    assertThat(trail(trackingNumber)).anySatisfy(e -> assertThat(e).containsEntry("kind", "REFUSAL")
        .containsEntry("ruleId", "E1").containsEntry("step", step.id()));
  }

  @Test
  void theRequesterRulesOfTheCallHoldForTheCallThatGoesOnInItsPlace() {
    String incident = api().register("coordinator", new HashMap<>(Map.of("serviceId", "verhuizing", "type",
        "incident", "summary", "Koppeling met de BRP moet anders", "requester", "coordinator")));
    api().complete("coordinator", incident, Step.R1_AcceptIncident, Map.of("reclassifyAs", "rfc",
        "reclassificationReason", "Geen storing: de koppeling werkt zoals gebouwd, maar moet anders"));
    String rfc = (String) api().callBody("auditor", incident).get("reclassifiedAs");
    assertThat(api().callBody("auditor", rfc)).containsEntry("requester", "coordinator");
    api().complete("coordinator", rfc, Step.C1_AcceptRfc, Map.of());
    ResponseEntity<String> ownPlan = api().completeTask("coordinator", rfc, Step.C3_PlanAndAgree,
        Map.of("changedComponents", "brp-koppeling"));
    assertThat(ownPlan.getStatusCode().value()).as("%s", ownPlan.getBody()).isEqualTo(403);
    assertThat(ownPlan.getBody()).contains("Regel SOD-3");
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
