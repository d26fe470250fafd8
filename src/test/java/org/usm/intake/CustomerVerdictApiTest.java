package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.usm.language.Language;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * The customer's verdict over the call API (DESIGN §14): once the work is delivered, the call's requester
 * accepts or rejects it with a comment; the call, its trail and the open review show it; nobody else gives
 * it, and nobody sets it through the engine's APIs.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CustomerVerdictApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};
  private static final String CUSTOMER = "inwoner-4711";
  private static final String COMPLAINT = "De verhuizing staat nog niet in de basisregistratie";
  /**
   * verhuizing is a Dutch service: its coordinators read the verdict and its resident the refusals in Dutch; the
   * trail is the auditor's English.
   */
  private static final Language SERVICE_LANGUAGE = Language.NL;
  private static final String NO_VERDICT = CustomerVerdict.NO_VERDICT.in(SERVICE_LANGUAGE);
  private static final String ACCEPTED = CustomerVerdict.ACCEPTED.in(SERVICE_LANGUAGE);
  private static final String NOT_ACCEPTED = CustomerVerdict.NOT_ACCEPTED.in(SERVICE_LANGUAGE);
  /** What GIVEN_ALREADY says in the service's language after the time, the user and the verdict. */
  private static final String ONE_PER_DELIVERY = "één oordeel per oplevering";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  private UsmApi api() {
    return new UsmApi(rest);
  }

  /** A service request of verhuizing the service desk registers for the customer, worked until its review. */
  private String deliveredCall(String summary) {
    String call = api().register("servicedesk", new HashMap<>(Map.of("serviceId", "verhuizing", "type",
        "service-request", "summary", summary, "requester", CUSTOMER)));
    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities, Step.O4_ExecuteActivities)) {
      complete(call, step, HappyPath.variables(step, WorkflowPattern.WF5, "verhuizing"));
    }
    return call;
  }

  private void complete(String call, Step step, Map<String, Object> variables) {
    api().complete(HappyPath.demoUser(step), call, step, variables);
  }

  private ResponseEntity<Map<String, Object>> confirm(String user, String call, Object body) {
    return rest.exchange("/api/calls/" + call + "/confirmation", HttpMethod.POST,
        new HttpEntity<>(body, UsmApi.headers(user)), JSON);
  }

  private static Map<String, Object> verdict(Boolean accepted, String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("accepted", accepted);
    body.put("comment", comment);
    return body;
  }

  private List<Map<String, Object>> trail(String call) {
    return rest.exchange("/api/calls/" + call + "/audit", HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")),
        JSON_LIST).getBody();
  }

  private Map<String, Object> reviewTask(String call) {
    return api().tasks("coordinator", call).stream()
        .filter(t -> Step.O5_ReviewDelivery.id().equals(t.get("taskDefinitionKey"))).findFirst().orElseThrow();
  }

  /** The review form's variable as the coordinator's Tasklist loads it. */
  private Object onReviewForm(String call, String variable) {
    Map<String, Object> variables = rest.exchange("/engine-rest/task/" + reviewTask(call).get("id")
        + "/form-variables", HttpMethod.GET, new HttpEntity<>(UsmApi.headers("coordinator")), JSON).getBody();
    return variables.containsKey(variable) ? ((Map<?, ?>) variables.get(variable)).get("value") : null;
  }

  private void nothingStored(String call) {
    assertThat(api().callBody("auditor", call).get("confirmation")).isNull();
    assertThat(trail(call)).noneSatisfy(e -> assertThat(e.get("kind")).isEqualTo("CONFIRMATION"));
  }

  private static void refused(ResponseEntity<Map<String, Object>> answer, int status, String field, String error) {
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
    assertThat(answer.getBody()).containsEntry("field", field);
    assertThat((String) answer.getBody().get("error")).contains(error);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRequesterConfirmsTheDeliveryAndTheCallItsTrailAndTheReviewShowIt() {
    String call = deliveredCall("Verhuizing naar de Lindelaan");
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_VERDICT)).isEqualTo(NO_VERDICT);

    ResponseEntity<Map<String, Object>> confirmed = confirm(CUSTOMER, call, verdict(true, "Alles is goed verwerkt"));
    assertThat(confirmed.getStatusCode().value()).as("%s", confirmed.getBody()).isEqualTo(200);
    Map<String, Object> shown = (Map<String, Object>) confirmed.getBody().get("confirmation");
    assertThat(shown).containsEntry("accepted", true).containsEntry("comment", "Alles is goed verwerkt")
        .containsEntry("by", CUSTOMER).containsKey("at").doesNotContainKey("reviewTaskId");
    assertThat((Map<String, Object>) api().callBody(CUSTOMER, call).get("confirmation")).isEqualTo(shown);

    assertThat(trail(call)).filteredOn(e -> "CONFIRMATION".equals(e.get("kind"))).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("userId", CUSTOMER).containsEntry("step", Step.O5_ReviewDelivery.id());
      assertThat((String) e.get("message")).endsWith("ACCEPTED by the customer: Alles is goed verwerkt");
      assertThat((Map<String, Object>) e.get("data")).containsEntry("accepted", true);
    });
    String csv = rest.exchange("/api/calls/" + call + "/audit?format=csv", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), String.class).getBody();
    assertThat(csv).contains("CONFIRMATION").contains("Alles is goed verwerkt");
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_VERDICT)).isEqualTo(ACCEPTED + ": Alles is goed verwerkt");

    refused(confirm(CUSTOMER, call, verdict(false, "toch niet")), 409, "trackingNumber", ONE_PER_DELIVERY);
    assertThat((Map<String, Object>) api().callBody("auditor", call).get("confirmation")).isEqualTo(shown);
  }

  @Test
  void onlyTheRequesterGivesItOnceTheWorkIsDeliveredAndARefusalStoresNothing() {
    String call = api().register("servicedesk", new HashMap<>(Map.of("serviceId", "verhuizing", "type",
        "service-request", "summary", "Verhuizing naar de Eikenlaan", "requester", CUSTOMER)));
    refused(confirm(CUSTOMER, call, verdict(true, null)), 409, "trackingNumber", CustomerVerdict.NOT_DELIVERED.in(SERVICE_LANGUAGE, call,
        Step.O5_ReviewDelivery.displayName()));
    nothingStored(call);
    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities, Step.O4_ExecuteActivities)) {
      complete(call, step, HappyPath.variables(step, WorkflowPattern.WF5, "verhuizing"));
    }

    String onlyRequester = CustomerVerdict.ONLY_REQUESTER.in(SERVICE_LANGUAGE, CUSTOMER, call);
    refused(confirm("coordinator", call, verdict(true, null)), 403, null, onlyRequester);
    refused(confirm("servicedesk", call, verdict(true, null)), 403, null, onlyRequester);
    refused(confirm("auditor", call, verdict(true, null)), 403, null, onlyRequester);
    refused(confirm("inwoner-4712", call, verdict(true, null)), 404, "trackingNumber", "no call " + call);
    refused(confirm(CUSTOMER, "SRQ-2026-999999", verdict(true, null)), 404, "trackingNumber", "no call");
    refused(confirm(CUSTOMER, call, verdict(null, "goed")), 400, "accepted",
        CustomerVerdict.ACCEPTED_REQUIRED.in(SERVICE_LANGUAGE));
    refused(confirm(CUSTOMER, call, null), 400, "accepted", CustomerVerdict.ACCEPTED_REQUIRED.in(SERVICE_LANGUAGE));
    refused(confirm(CUSTOMER, call, Map.of("accepted", "misschien")), 400, "accepted", "");
    refused(confirm(CUSTOMER, call, verdict(false, " ")), 400, "comment",
        CustomerVerdict.COMMENT_REQUIRED.in(SERVICE_LANGUAGE));
    refused(confirm(CUSTOMER, call, verdict(false, "x".repeat(1001))), 400, "comment",
        CustomerVerdict.COMMENT_TOO_LONG.in(SERVICE_LANGUAGE, 1000, 1001));
    nothingStored(call);
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_VERDICT)).isEqualTo(NO_VERDICT);
    assertThat(reviewTask(call).get("name").toString()).doesNotContain(ACCEPTED);
    assertThat(rest.exchange("/api/calls/" + call + "/confirmation", HttpMethod.POST,
        new HttpEntity<>(verdict(true, null), UsmApi.headers(null)), String.class).getStatusCode().value())
        .as("no verdict without logging in").isEqualTo(401);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRejectionShowsOnTheReviewAndACoordinatorWhoOverrulesItIsADecisionOnTheTrail() {
    String call = deliveredCall("Verhuizing naar het Stationsplein");
    assertThat(confirm(CUSTOMER, call, verdict(false, COMPLAINT)).getStatusCode().value()).isEqualTo(200);

    Map<String, Object> review = reviewTask(call);
    assertThat(review.get("description").toString()).startsWith(NOT_ACCEPTED + ": " + COMPLAINT);
    assertThat(review.get("name").toString()).endsWith(" · " + NOT_ACCEPTED);
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_VERDICT)).isEqualTo(NOT_ACCEPTED + ": " + COMPLAINT);
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_ACCEPTED)).isEqualTo(false);

    // The coordinator agrees: the work goes back, and the next delivery asks the customer again.
    complete(call, Step.O5_ReviewDelivery, Map.of(CallVariables.REQUESTER_ACCEPTED, false));
    complete(call, Step.O4_ExecuteActivities, HappyPath.variables(Step.O4_ExecuteActivities, WorkflowPattern.WF5));
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_VERDICT)).isEqualTo(NO_VERDICT);
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_ACCEPTED)).isNull();
    assertThat(reviewTask(call).get("name").toString()).doesNotContain(ACCEPTED);
    assertThat(confirm(CUSTOMER, call, verdict(false, "Nog steeds niet verwerkt")).getStatusCode().value())
        .isEqualTo(200);

    // The coordinator accepts all the same: an overruled customer, on record.
    complete(call, Step.O5_ReviewDelivery, Map.of(CallVariables.REQUESTER_ACCEPTED, true));
    assertThat(trail(call)).filteredOn(e -> "DECISION".equals(e.get("kind")) && "H10".equals(e.get("ruleId"))
        && String.valueOf(e.get("message")).contains("overruled")).singleElement().satisfies(e -> {
          assertThat(e).containsEntry("userId", "coordinator").containsEntry("step", Step.O5_ReviewDelivery.id());
          assertThat((String) e.get("message")).contains("although the customer did not: Nog steeds niet verwerkt");
        });
    assertThat(trail(call)).filteredOn(e -> "CONFIRMATION".equals(e.get("kind"))).hasSize(2);
    assertThat(api().callBody("auditor", call)).containsEntry("status", "fulfilled");
    assertThat((Map<String, Object>) api().callBody("auditor", call).get("confirmation"))
        .containsEntry("accepted", false).containsEntry("comment", "Nog steeds niet verwerkt");
    refused(confirm(CUSTOMER, call, verdict(true, null)), 409, "trackingNumber", ONE_PER_DELIVERY);

    complete(call, Step.O6_EvaluateAndClose, HappyPath.variables(Step.O6_EvaluateAndClose, WorkflowPattern.WF5));
    refused(confirm(CUSTOMER, call, verdict(true, null)), 409, "trackingNumber",
        CustomerVerdict.CALL_ENDED.in(SERVICE_LANGUAGE, call, "closed"));
  }

  @Test
  void afterTheReviewAcceptedTheDeliveryTheCustomerStillGivesTheirVerdictUntilTheCallCloses() {
    String call = deliveredCall("Verhuizing naar de Dorpsstraat");
    complete(call, Step.O5_ReviewDelivery, Map.of(CallVariables.REQUESTER_ACCEPTED, true));
    assertThat(confirm(CUSTOMER, call, verdict(true, null)).getStatusCode().value()).isEqualTo(200);
    refused(confirm(CUSTOMER, call, verdict(false, "toch niet")), 409, "trackingNumber", ONE_PER_DELIVERY);
  }

  @Test
  void theCustomerJudgesTheCallAsAWholeAtItsEntryProcessNotAtTheReviewOfAFork() {
    String incident = api().register("servicedesk", new HashMap<>(Map.of("serviceId", "verhuizing", "type", "incident",
        "summary", "Bevestiging van de verhuizing komt niet aan", "requester", CUSTOMER)));
    for (Step step : List.of(Step.R1_AcceptIncident, Step.R3_Analyze, Step.R4_PrepareRecovery,
        Step.O1_AcceptServiceRequest, Step.O3_PlanActivities, Step.O4_ExecuteActivities)) {
      complete(incident, step, HappyPath.variables(step, WorkflowPattern.WF4, "verhuizing"));
    }
    Object atFork = rest.exchange("/engine-rest/task/" + reviewTask(incident).get("id") + "/form-variables",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("coordinator")), JSON).getBody()
        .get(CallVariables.CUSTOMER_VERDICT);
    assertThat(((Map<?, ?>) atFork).get("value")).isEqualTo(CustomerVerdict.AT_CALL_REVIEW.in(SERVICE_LANGUAGE,
        Step.R6_ReviewDelivery.displayName()));
    refused(confirm(CUSTOMER, incident, verdict(true, null)), 409, "trackingNumber",
        CustomerVerdict.NOT_DELIVERED.in(SERVICE_LANGUAGE, incident, Step.R6_ReviewDelivery.displayName()));

    complete(incident, Step.O5_ReviewDelivery, Map.of(CallVariables.REQUESTER_ACCEPTED, true));
    complete(incident, Step.O6_EvaluateAndClose, HappyPath.variables(Step.O6_EvaluateAndClose, WorkflowPattern.WF4));
    assertThat(confirm(CUSTOMER, incident, verdict(true, "Opgelost")).getStatusCode().value()).isEqualTo(200);
    assertThat(trail(incident)).filteredOn(e -> "CONFIRMATION".equals(e.get("kind"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("step", Step.R6_ReviewDelivery.id()));
  }

  @Test
  void nobodySetsTheVerdictThroughTheEngineApis() {
    String call = deliveredCall("Verhuizing naar de Kerkstraat");
    Map<String, Object> review = reviewTask(call);
    String task = (String) review.get("id");
    String instance = (String) review.get("processInstanceId");
    Map<String, Object> forged = Map.of("value", true, "type", "Boolean");
    for (String variable : List.of(CallVariables.CUSTOMER_ACCEPTED, CallVariables.CUSTOMER_COMMENT,
        CallVariables.CUSTOMER_VERDICT)) {
      Map<String, Object> value = variable.equals(CallVariables.CUSTOMER_ACCEPTED) ? forged
          : Map.of("value", "ACCEPTED by the customer", "type", "String");
      for (String user : List.of("coordinator", CUSTOMER, "admin")) {
        assertThat(status(rest.exchange("/engine-rest/task/" + task + "/variables/" + variable, HttpMethod.PUT,
            new HttpEntity<>(value, UsmApi.headers(user)), String.class))).as("%s sets %s on the task", user, variable)
            .isIn(400, 403);
        assertThat(status(rest.exchange("/engine-rest/process-instance/" + instance + "/variables", HttpMethod.POST,
            new HttpEntity<>(Map.of("modifications", Map.of(variable, value)), UsmApi.headers(user)), String.class)))
            .as("%s sets %s on the process", user, variable).isIn(400, 403);
      }
      assertThat(status(rest.exchange("/engine-rest/task/" + task + "/complete", HttpMethod.POST,
          new HttpEntity<>(Map.of("variables", Map.of(CallVariables.REQUESTER_ACCEPTED, forged, variable, value)),
              UsmApi.headers("coordinator")), String.class))).as("completing the review with %s", variable)
          .isIn(400, 403);
      WebappSession tasklist = WebappSession.login(port, "coordinator");
      assertThat(tasklist.engine("PUT", "/task/" + task + "/variables/" + variable, value).status())
          .as("Tasklist's session sets %s", variable).isIn(400, 403);
      assertThat(tasklist.engine("POST", "/task/" + task + "/submit-form", Map.of("variables",
          Map.of(CallVariables.REQUESTER_ACCEPTED, forged, variable, value))).status())
          .as("Tasklist's form submission carries %s", variable).isIn(400, 403);
    }
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_VERDICT)).isEqualTo(NO_VERDICT);
    assertThat(onReviewForm(call, CallVariables.CUSTOMER_ACCEPTED)).isNull();
    assertThat(api().tasks("coordinator", call)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(Step.O5_ReviewDelivery.id());
    nothingStored(call);
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }
}
