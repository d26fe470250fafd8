package org.usm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.UsmApi;

/**
 * The intake API and the engine's REST API driven over HTTP as a client would: a call registered,
 * its tasks found by business key and completed with the contract's variables by the demo users whose
 * groups the service binds, and the call read back as closed.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default",
// which every context registers.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CallIntakeApiTest {

  @Autowired
  TestRestTemplate rest;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  JdbcTemplate jdbc;

  private UsmApi api() {
    return new UsmApi(rest);
  }

  private static Map<String, Object> call(String serviceId, String type, String summary) {
    Map<String, Object> call = new HashMap<>();
    call.put("serviceId", serviceId);
    call.put("type", type);
    call.put("summary", summary);
    call.put("requester", "requester");
    return call;
  }

  @Test
  void readinessIsUpOnceEveryServicesWorkflowsAreDeployed() {
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody()).contains("UP");
  }

  @Test
  void wf4IncidentFlowsFromIntakeToClosedOverHttp() {
    Map<String, Object> incident = call("verhuizing", "incident", "Verhuizing niet verwerkt in de BRP");
    incident.put("impact", "high");
    incident.put("urgency", "high");
    ResponseEntity<Map<String, Object>> registered = api().registerCall("requester", incident);

    assertThat(registered.getStatusCode().value()).isEqualTo(201);
    String trackingNumber = (String) registered.getBody().get("trackingNumber");
    assertThat(trackingNumber).matches("INC-\\d{4}-\\d{6}");
    assertThat(registered.getBody()).containsEntry("pattern", "WF4")
        .containsEntry("processDefinitionKey", "usm-wf4-verhuizing")
        .containsKey("processInstanceId");
    assertThat(registered.getHeaders().getLocation()).hasToString("/api/calls/" + trackingNumber);

    Map<String, Object> fresh = api().callBody("requester", trackingNumber);
    assertThat(fresh).containsEntry("status", "registered").containsEntry("type", "incident")
        .containsEntry("serviceId", "verhuizing").containsEntry("pattern", "WF4");
    assertThat(fresh.get("slaDueDate")).isNotNull();
    assertThat((List<?>) fresh.get("openSteps")).extracting("step").containsExactly("R1_AcceptIncident");
    assertThat(api().tasks("operator", trackingNumber)).as("R1 is not an operator task").isEmpty();

    api().complete("coordinator", trackingNumber, Step.R1_AcceptIncident, Map.of());
    assertThat(api().callBody("requester", trackingNumber)).containsEntry("status", "in progress");

    api().complete("operator", trackingNumber, Step.R3_Analyze, Map.of());
    api().complete("coordinator", trackingNumber, Step.R4_PrepareRecovery,
        Map.of("recoveryRoute", "operate", "serviceRequestDescription", "Adres handmatig corrigeren"));
    for (Step step : List.of(Step.O1_AcceptServiceRequest, Step.O3_PlanActivities)) {
      api().complete("coordinator", trackingNumber, step, Map.of());
    }
    api().complete("operator", trackingNumber, Step.O4_ExecuteActivities, Map.of());
    api().complete("coordinator", trackingNumber, Step.O5_ReviewDelivery, Map.of("requesterAccepted", true));
    assertThat(api().callBody("requester", trackingNumber)).as("Operate fulfilled only its own process")
        .containsEntry("status", "in progress");
    api().complete("coordinator", trackingNumber, Step.O6_EvaluateAndClose, Map.of());
    api().complete("coordinator", trackingNumber, Step.R6_ReviewDelivery, Map.of("requesterAccepted", true));
    assertThat(api().callBody("requester", trackingNumber)).containsEntry("status", "fulfilled");
    api().complete("coordinator", trackingNumber, Step.R7_EvaluateAndClose, Map.of());

    Map<String, Object> closed = api().callBody("requester", trackingNumber);
    assertThat(closed).containsEntry("status", "closed");
    assertThat((List<?>) closed.get("openSteps")).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count()).isZero();
  }

  @Test
  void wf1WishFlowsThroughAgreeChangeAndOperateToClosed() {
    String trackingNumber = api().register("requester",
        call("wmo-voorziening", "wish", "Vervoersvoorziening ook in het weekend"));
    assertThat(trackingNumber).startsWith("WSH-");
    assertThat(api().callBody("coordinator", trackingNumber)).containsEntry("pattern", "WF1");

    api().drive(trackingNumber, WorkflowPattern.WF1);

    assertThat(api().callBody("requester", trackingNumber)).containsEntry("status", "closed");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_mir_change WHERE tracking_number = ?", Integer.class,
        trackingNumber)).as("C8 registered the change in the MIR").isEqualTo(1);
  }

  @Test
  void wf5ServiceRequestFlowsToClosed() {
    Map<String, Object> request = call("werkplek", "service-request", "Extra beeldscherm voor thuiswerken");
    request.put("pattern", "WF5");
    String trackingNumber = api().register("coordinator", request);
    assertThat(trackingNumber).startsWith("SRQ-");

    api().drive(trackingNumber, WorkflowPattern.WF5);

    assertThat(api().callBody("coordinator", trackingNumber)).containsEntry("status", "closed");
  }

  @Test
  void trackingNumbersAreReadableAndNeverHandedOutTwice() {
    String first = api().register("requester", call("werkplek", "risk", "Laptops zonder schijfversleuteling"));
    String second = api().register("requester", call("werkplek", "risk", "Verouderde browserversie"));
    assertThat(first).matches("RSK-\\d{4}-\\d{6}");
    int firstSequence = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
    assertThat(second).isEqualTo(first.substring(0, first.lastIndexOf('-') + 1) + String.format("%06d", firstSequence + 1));
    assertThat(api().callBody("requester", first)).containsEntry("pattern", "WF8");
  }

  @Test
  void everyEndpointRefusesRequestsWithoutValidCredentials() {
    for (String path : List.of("/api/calls/INC-2026-000001", "/engine-rest/task", "/engine-rest/process-definition")) {
      ResponseEntity<String> anonymous = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(UsmApi.headers(null)),
          String.class);
      assertThat(anonymous.getStatusCode().value()).as(path).isEqualTo(401);
    }
    // An unknown user: a wrong password for a real one would trip the engine's login delay for later tests.
    ResponseEntity<String> wrongPassword = rest.withBasicAuth("intruder", "guess")
        .getForEntity("/engine-rest/task", String.class);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    ResponseEntity<String> anonymousIntake = rest.exchange("/api/calls", HttpMethod.POST,
        new HttpEntity<>(call("verhuizing", "incident", "x"), UsmApi.headers(null)), String.class);
    assertThat(anonymousIntake.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void badCallsAreRefusedWithTheFieldAndStartNothing() {
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    int callsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class);

    Map<String, Object> noSummary = call("verhuizing", "incident", null);
    assertRefused(noSummary, 400, "summary", "summary is required");
    assertRefused(call("bestaat-niet", "incident", "x"), 404, "serviceId", "unknown service 'bestaat-niet'");
    assertRefused(call("verhuizing", "klacht", "x"), 400, "type", "must be one of wish, rfc, incident");
    Map<String, Object> badImpact = call("verhuizing", "incident", "x");
    badImpact.put("impact", "enorm");
    assertRefused(badImpact, 400, "impact", "impact must be high, medium or low");
    Map<String, Object> wrongPattern = call("verhuizing", "incident", "x");
    wrongPattern.put("pattern", "WF5");
    assertRefused(wrongPattern, 400, "pattern", "pattern WF5 handles calls of type service-request, not incident");
    Map<String, Object> unknownPattern = call("verhuizing", "incident", "x");
    unknownPattern.put("pattern", "WF9");
    assertRefused(unknownPattern, 400, "pattern", "pattern must be one of WF1 to WF8");
    assertRefused(call("archief", "rfc", "Nieuwe bewaartermijn"), 409, "serviceId",
        "rule H2: service 'archief' has no active agreement");

    ResponseEntity<Map<String, Object>> auditor = api().registerCall("auditor", call("verhuizing", "incident", "x"));
    assertThat(auditor.getStatusCode().value()).isEqualTo(403);
    assertThat(auditor.getBody()).containsEntry("field", "serviceId");

    assertThat(runtimeService.createProcessInstanceQuery().count()).as("no process instance started")
        .isEqualTo(instancesBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class)).as("no call registered")
        .isEqualTo(callsBefore);
  }

  @Test
  void aRequesterWhoIsNotAUserIsRefusedAndNothingIsStoredOrNumberedRuleH12() {
    String before = api().register("requester", call("verhuizing", "incident", "Adres niet gewijzigd"));
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    int callsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class);

    Map<String, Object> madeUp = call("verhuizing", "incident", "Adres niet gewijzigd");
    madeUp.put("requester", "inwoner-9999");
    // A requester registers only for themselves: refused before intake looks the id up, so it tells nothing of users.
    assertRefused(madeUp, 403, "requester", "rule H12: user 'requester' registers calls only for themselves");
    ResponseEntity<Map<String, Object>> serviceDesk = api().registerCall("servicedesk", madeUp);
    assertThat(serviceDesk.getStatusCode().value()).isEqualTo(400);
    assertThat(serviceDesk.getBody()).containsEntry("field", "requester");
    assertThat((String) serviceDesk.getBody().get("error")).contains("SOD-3, SOD-4, SOD-8");
    assertThat(api().registerCall("auditor", madeUp).getBody()).as("who may not register learns nothing of users")
        .containsEntry("field", "serviceId");

    assertThat(runtimeService.createProcessInstanceQuery().count()).as("no process instance started")
        .isEqualTo(instancesBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class)).as("no call registered")
        .isEqualTo(callsBefore);

    // The service desk, which may not read the engine's users, names a citizen who has an account; she reads her call.
    Map<String, Object> forACitizen = call("verhuizing", "incident", "Adres niet gewijzigd");
    forACitizen.put("requester", "inwoner-4712");
    String after = api().register("servicedesk", forACitizen);
    assertThat(sequence(after)).as("the refusals took no tracking number").isEqualTo(sequence(before) + 1);
    assertThat(api().callBody("inwoner-4712", after)).containsEntry("requester", "inwoner-4712");
  }

  private static int sequence(String trackingNumber) {
    return Integer.parseInt(trackingNumber.substring(trackingNumber.lastIndexOf('-') + 1));
  }

  @Test
  void aWishIsAcceptedForAServiceWithoutActiveAgreement() {
    assertThat(api().register("requester", call("archief", "wish", "Nieuwe dienstverleningsovereenkomst")))
        .startsWith("WSH-");
  }

  @Test
  void callsAreReadOnlyByThoseEntitledToThem() {
    String trackingNumber = api().register("requester", call("verhuizing", "service-request", "Uittreksel BRP"));
    assertThat(api().call("auditor", trackingNumber).getStatusCode().value()).isEqualTo(200);
    assertThat(api().call("coordinator", trackingNumber).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> designer = api().call("designer", trackingNumber);
    assertThat(designer.getStatusCode().value()).isEqualTo(404);
    assertThat(designer.getBody()).containsEntry("field", "trackingNumber");
    assertThat(api().call("requester", "INC-2026-99").getStatusCode().value()).isEqualTo(400);
  }

  private void assertRefused(Map<String, Object> call, int status, String field, String message) {
    ResponseEntity<Map<String, Object>> response = api().registerCall("requester", call);
    assertThat(response.getStatusCode().value()).as("status for %s", call).isEqualTo(status);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat((String) response.getBody().get("error")).contains(message);
  }
}
