package org.usm.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.usm.chain.ChainCsv;
import org.usm.model.Step;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * What an auditor reads (DESIGN §8), over the product API and over Cockpit's session: the whole trail of
 * a finished call (steps with users and fields, decision tables, handovers, return, closure) as JSON and
 * CSV, the call list with its filters and who sees which calls, the chain figures, and that the auditor
 * changes nothing.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default".
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** A WF4 incident worked to closed, registered by the service desk (coordinator) for a citizen. */
  private String closedIncident;
  /** A wish the requester registered themselves, still open. */
  private String requestersWish;
  /** A wish for werkplek, a chain the demo user owner does not own; registered before the requester's wish. */
  private String workplaceWish;

  @BeforeAll
  void aClosedIncidentAndOpenWishes() {
    UsmApi api = new UsmApi(rest);
    Map<String, Object> incident = new HashMap<>(Map.of("serviceId", "verhuizing", "type", "incident",
        "summary", "Verhuizing niet verwerkt in de BRP", "requester", "inwoner-4711", "impact", "high",
        "urgency", "medium", "pattern", "WF4"));
    closedIncident = api.register("coordinator", incident);
    api.complete("coordinator", closedIncident, Step.R1_AcceptIncident, Map.of());
    api.complete("operator", closedIncident, Step.R3_Analyze, Map.of("analysis", "BRP-koppeling weigert het adres"));
    api.complete("coordinator", closedIncident, Step.R4_PrepareRecovery,
        Map.of("recoveryRoute", "operate", "serviceRequestDescription", "Adres handmatig corrigeren"));
    api.complete("coordinator", closedIncident, Step.O1_AcceptServiceRequest, Map.of());
    api.complete("coordinator", closedIncident, Step.O3_PlanActivities, Map.of());
    api.complete("operator", closedIncident, Step.O4_ExecuteActivities, Map.of());
    api.complete("coordinator", closedIncident, Step.O5_ReviewDelivery, Map.of("requesterAccepted", true));
    api.complete("coordinator", closedIncident, Step.O6_EvaluateAndClose, Map.of());
    api.complete("coordinator", closedIncident, Step.R6_ReviewDelivery, Map.of("requesterAccepted", true));
    api.complete("coordinator", closedIncident, Step.R7_EvaluateAndClose, Map.of());
    assertThat(api.callBody("auditor", closedIncident)).containsEntry("status", "closed");

    workplaceWish = api.register("requester", new HashMap<>(Map.of("serviceId", "werkplek", "type", "wish",
        "summary", "Een tweede scherm op elke werkplek", "requester", "requester")));
    requestersWish = api.register("requester", new HashMap<>(Map.of("serviceId", "verhuizing", "type", "wish",
        "summary", "Verhuizing ook via de app doorgeven", "requester", "requester")));
  }

  @Test
  void theTrailOfAFinishedCallSaysWhoDidWhatWhenAndOnWhatGrounds() {
    List<Map<String, Object>> trail = trail("auditor", closedIncident);

    assertThat(trail.get(0)).containsEntry("kind", "REGISTERED").containsEntry("userId", "coordinator");
    assertThat(trail.get(trail.size() - 1)).containsEntry("kind", "CLOSED");
    assertThat(trail).extracting(e -> Instant.parse((String) e.get("occurredAt"))).isSorted();

    List<Map<String, Object>> steps = ofKind(trail, "STEP_COMPLETED");
    assertThat(steps).extracting(e -> e.get("step") + " " + e.get("userId")).containsExactly(
        "R1_AcceptIncident coordinator", "R3_Analyze operator", "R4_PrepareRecovery coordinator",
        "O1_AcceptServiceRequest coordinator", "O3_PlanActivities coordinator", "O4_ExecuteActivities operator",
        "O5_ReviewDelivery coordinator", "O6_EvaluateAndClose coordinator", "R6_ReviewDelivery coordinator",
        "R7_EvaluateAndClose coordinator");
    assertThat(step(steps, "R3_Analyze")).containsEntry("processKey", "usm-recover")
        .extracting("data").isEqualTo(Map.of("analysis", "BRP-koppeling weigert het adres"));
    assertThat(step(steps, "R4_PrepareRecovery").get("data")).isEqualTo(
        Map.of("recoveryRoute", "operate", "serviceRequestDescription", "Adres handmatig corrigeren"));

    assertThat(ofKind(trail, "DECISION")).anySatisfy(decision -> {
      assertThat(decision).containsEntry("step", "R2_Classify");
      @SuppressWarnings("unchecked") Map<String, Object> data = (Map<String, Object>) decision.get("data");
      assertThat(data.get("inputs").toString()).contains("high").contains("medium");
      assertThat(data.get("outputs").toString()).contains("P2");
    });
    assertThat(ofKind(trail, "HANDOVER")).singleElement().satisfies(h -> assertThat(h)
        .containsEntry("step", "R5_Recover").containsEntry("processKey", "usm-recover"));
    assertThat(ofKind(trail, "RETURN")).singleElement().satisfies(r -> assertThat((String) r.get("message"))
        .contains("delivered"));
  }

  @Test
  void theTrailIsACsvDownloadWithTheSameEntries() {
    ResponseEntity<String> csv = rest.exchange("/api/calls/" + closedIncident + "/audit?format=csv", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), String.class);

    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo(closedIncident + "-trail.csv");
    String[] lines = csv.getBody().split("\r\n");
    assertThat(lines[0]).isEqualTo(TrailCsv.HEADER);
    assertThat(lines).hasSize(trail("auditor", closedIncident).size() + 1);
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(lines[1].substring(0, 10))
        .contains("STEP_COMPLETED,R3_Analyze,usm-recover").contains("operator")
        .contains("\"{\"\"analysis\"\":\"\"BRP-koppeling weigert het adres\"\"}\""));

    ResponseEntity<Map<String, Object>> xml = rest.exchange("/api/calls/" + closedIncident + "/audit?format=xml",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")), JSON);
    assertThat(xml.getStatusCode().value()).isEqualTo(400);
    assertThat(xml.getBody()).containsEntry("field", "format");
  }

  @Test
  void theCallTreeShowsEveryInstanceWithThePathItTook() {
    ResponseEntity<List<Map<String, Object>>> tree = rest.exchange("/api/calls/" + closedIncident + "/instances",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")), JSON_LIST);

    assertThat(tree.getStatusCode().value()).isEqualTo(200);
    assertThat(tree.getBody()).extracting("processDefinitionKey")
        .containsExactly("usm-wf4-verhuizing", "usm-recover", "usm-operate");
    assertThat(tree.getBody().get(0)).containsEntry("superProcessInstanceId", null).containsEntry("state", "COMPLETED");
    assertThat(tree.getBody().get(2).get("superProcessInstanceId")).isEqualTo(tree.getBody().get(1).get("processInstanceId"));
    assertThat(counts(tree.getBody().get(1))).containsEntry("R3_Analyze", 1)
        .containsEntry("R5_Recover", 1).doesNotContainKey("O4_ExecuteActivities");
    assertThat((List<?>) tree.getBody().get(1).get("activeActivityIds")).isEmpty();
  }

  @Test
  void theListFindsFinishedCallsByTheFiltersNewestFirst() {
    Map<String, Object> closed = list("auditor", "status=closed&type=incident&serviceId=verhuizing&pattern=WF4");
    assertThat(calls(closed)).extracting("trackingNumber").contains(closedIncident);
    assertThat(calls(closed)).allSatisfy(call -> assertThat(call).containsEntry("status", "closed")
        .containsEntry("type", "incident"));
    assertThat(calls(closed).stream().filter(c -> closedIncident.equals(c.get("trackingNumber"))).findFirst()
        .orElseThrow().get("closedAt")).isNotNull();

    Map<String, Object> all = list("auditor", "size=1");
    assertThat(all).containsEntry("page", 0).containsEntry("size", 1);
    assertThat(((Number) all.get("total")).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(calls(all)).extracting("trackingNumber").containsExactly(requestersWish);
    assertThat(calls(list("auditor", "size=1&page=1"))).extracting("trackingNumber").doesNotContain(requestersWish);

    assertThat(calls(list("auditor", "trackingNumber=" + closedIncident))).extracting("trackingNumber")
        .containsExactly(closedIncident);
    String today = LocalDate.now().toString();
    assertThat(calls(list("auditor", "registeredFrom=" + today + "&registeredTo=" + today)))
        .extracting("trackingNumber").contains(closedIncident, requestersWish);
    assertThat(calls(list("auditor", "registeredTo=" + LocalDate.now().minusDays(1)))).isEmpty();
  }

  @Test
  void aWrongFilterIsAnErrorNamingIt() {
    assertThat(badList("stat=closed")).containsEntry("field", "stat");
    assertThat(badList("status=done")).containsEntry("field", "status");
    assertThat(badList("type=complaint")).containsEntry("field", "type");
    assertThat(badList("pattern=WF9")).containsEntry("field", "pattern");
    assertThat(badList("registeredFrom=yesterday")).containsEntry("field", "registeredFrom");
    assertThat(badList("registeredFrom=2026-12-02&registeredTo=2026-12-01")).containsEntry("field", "registeredTo");
    assertThat(badList("size=0")).containsEntry("field", "size");
    assertThat(badList("size=201")).containsEntry("field", "size");
    assertThat(badList("page=-1")).containsEntry("field", "page");
    assertThat(badList("trackingNumber=INC%25")).containsEntry("field", "trackingNumber");
  }

  @Test
  void eachReadsTheCallsTheyMay() {
    assertThat(calls(list("requester", "size=200"))).extracting("trackingNumber").contains(requestersWish)
        .doesNotContain(closedIncident);
    assertThat(calls(list("operator", "size=200"))).extracting("trackingNumber")
        .contains(requestersWish, closedIncident);
    ResponseEntity<Map<String, Object>> someoneElses = rest.exchange("/api/calls/" + closedIncident + "/audit",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("requester")), JSON);
    assertThat(someoneElses.getStatusCode().value()).isEqualTo(404);
    ResponseEntity<String> anonymous = rest.exchange("/api/calls", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers(null)), String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theChainFiguresShowLeadTimeSlaAndWaitingPerServiceAndPattern() {
    ResponseEntity<Map<String, Object>> kpis = rest.exchange("/api/kpis?serviceId=verhuizing&pattern=WF4",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")), JSON);

    assertThat(kpis.getStatusCode().value()).isEqualTo(200);
    assertThat(kpis.getBody()).containsEntry("to", LocalDate.now().toString());
    @SuppressWarnings("unchecked") List<Map<String, Object>> rows = (List<Map<String, Object>>) kpis.getBody().get("rows");
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("serviceId", "verhuizing").containsEntry("pattern", "WF4");
      assertThat(((Number) row.get("finished")).intValue()).isGreaterThanOrEqualTo(1);
      assertThat(row.get("leadTimeMedianMinutes")).isNotNull();
      assertThat(row.get("leadTimeP90Minutes")).isNotNull();
      assertThat(((Number) row.get("slaMet")).intValue()).isGreaterThanOrEqualTo(1);
      assertThat(row.get("handoverWaitMedianMinutes")).as("O1 waited after the handover at R5").isNotNull();
    });

    ResponseEntity<Map<String, Object>> bad = rest.exchange("/api/kpis?from=last-week", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), JSON);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).containsEntry("field", "from");

    ResponseEntity<Map<String, Object>> monthly = rest.exchange("/api/kpis?serviceId=verhuizing&interval=month",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")), JSON);
    assertThat(monthly.getBody()).containsEntry("interval", "month");
    @SuppressWarnings("unchecked") List<Map<String, Object>> months = (List<Map<String, Object>>) monthly.getBody()
        .get("rows");
    assertThat(months).isNotEmpty().allSatisfy(row -> assertThat((String) row.get("period")).matches("\\d{4}-\\d{2}"));
    ResponseEntity<Map<String, Object>> fortnight = rest.exchange("/api/kpis?interval=fortnight", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), JSON);
    assertThat(fortnight.getStatusCode().value()).isEqualTo(400);
    assertThat(fortnight.getBody()).containsEntry("field", "interval");
    ResponseEntity<String> csv = rest.exchange("/api/kpis?serviceId=verhuizing&pattern=WF4&format=csv",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("auditor")), String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith(ChainCsv.HEADER + "\r\n").contains(",verhuizing,");
  }

  @Test
  void cockpitsSessionReadsTheSameThroughThePluginAndNobodyElseDoes() throws Exception {
    WebappSession auditor = WebappSession.login(port, "auditor", "cockpit");
    String base = "/camunda/api/cockpit/plugin/usm/default";

    WebappSession.Response list = auditor.request("GET", base + "/calls?trackingNumber=" + closedIncident);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains(closedIncident);
    WebappSession.Response trail = auditor.request("GET", base + "/calls/" + closedIncident + "/audit");
    assertThat(new ObjectMapper().readValue(trail.body(), List.class))
        .isEqualTo(new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(trail("auditor", closedIncident)),
            List.class));
    assertThat(auditor.request("GET", base + "/calls/" + closedIncident + "/audit?format=csv").body())
        .startsWith(TrailCsv.HEADER);
    assertThat(auditor.request("GET", base + "/calls/" + closedIncident + "/instances").status()).isEqualTo(200);
    assertThat(auditor.request("GET", base + "/kpis").status()).isEqualTo(200);
    WebappSession.Response bad = auditor.request("GET", base + "/calls?status=done");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json()).containsEntry("field", "status");

    assertThat(WebappSession.anonymous(port, "GET", base + "/calls").status()).isIn(401, 403);
    // a designer reads no service's calls: the pages are told so (403), not given an empty list
    WebappSession designer = WebappSession.login(port, "designer", "cockpit");
    for (String page : List.of("/calls", "/kpis", "/kpis?serviceId=verhuizing&format=csv")) {
      WebappSession.Response refused = designer.request("GET", base + page);
      assertThat(refused.status()).as("%s as designer: %s", page, refused.body()).isEqualTo(403);
      assertThat(refused.body()).contains("for auditors, the owners of a service and the teams that work it");
    }
    WebappSession requester = WebappSession.login(port, "requester");
    assertThat(requester.request("GET", base + "/calls/" + closedIncident + "/audit").status()).isEqualTo(404);
  }

  @Test
  void theAuditorChangesNothing() {
    WebappSession auditor = WebappSession.login(port, "auditor", "cockpit");
    String wishTask = new UsmApi(rest).tasks("coordinator", requestersWish).get(0).get("id").toString();

    assertThat(auditor.request("POST", "/camunda/api/cockpit/plugin/usm/default/calls").status()).isIn(404, 405);
    assertThat(auditor.engine("POST", "/task/" + wishTask + "/claim", Map.of("userId", "auditor")).status())
        .isEqualTo(403);
    assertThat(auditor.engine("POST", "/task/" + wishTask + "/complete", Map.of()).status()).isIn(403, 404);
    ResponseEntity<String> rest404 = rest.exchange("/engine-rest/task/" + wishTask + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of(), UsmApi.headers("auditor")), String.class);
    assertThat(rest404.getStatusCode().value()).isIn(403, 404);
    ResponseEntity<String> delete = rest.exchange("/engine-rest/history/process-instance/"
        + jdbc.queryForObject("SELECT process_instance_id FROM usm_call WHERE tracking_number = ?", String.class,
            closedIncident), HttpMethod.DELETE, new HttpEntity<>(UsmApi.headers("auditor")), String.class);
    assertThat(delete.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> register = rest.exchange("/api/calls", HttpMethod.POST, new HttpEntity<>(Map.of(
        "serviceId", "verhuizing", "type", "wish", "summary", "x", "requester", "auditor"), UsmApi.headers("auditor")),
        String.class);
    assertThat(register.getStatusCode().value()).isEqualTo(403);
    assertThat(trail("auditor", requestersWish)).noneMatch(e -> "auditor".equals(e.get("userId")));
  }

  /**
   * A chain's owner reads their services' calls, trails and figures as an auditor does (DESIGN §13, book
   * l.2319–2327), nothing of another service, and changes nothing: the demo user {@code owner} is in
   * ketenregie-burgerzaken, which owns verhuizing and wmo-voorziening, not werkplek.
   */
  @Test
  void anOwnerReadsTheirChainsCallsTrailsAndFiguresAndNothingElse() {
    UsmApi api = new UsmApi(rest);
    List<String> own = List.of("verhuizing", "wmo-voorziening");

    assertThat(calls(list("owner", "size=200"))).extracting("trackingNumber")
        .contains(closedIncident, requestersWish).doesNotContain(workplaceWish);
    assertThat(calls(list("owner", "size=200"))).extracting("serviceId").allMatch(own::contains);
    assertThat(api.callBody("owner", closedIncident)).containsEntry("status", "closed");
    assertThat(trail("owner", closedIncident)).isEqualTo(trail("auditor", closedIncident));
    assertThat(rest.exchange("/api/calls/" + closedIncident + "/audit?format=csv", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("owner")), String.class).getBody()).startsWith(TrailCsv.HEADER);
    assertThat(api.call("owner", workplaceWish).getStatusCode().value()).as("another chain's call").isEqualTo(404);
    assertThat(rest.exchange("/api/calls/" + workplaceWish + "/audit", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("owner")), String.class).getStatusCode().value()).isEqualTo(404);

    assertThat(kpiRows("owner", "")).extracting("serviceId").contains("verhuizing").allMatch(own::contains);
    ResponseEntity<Map<String, Object>> othersFigures = rest.exchange("/api/kpis?serviceId=werkplek", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("owner")), JSON);
    assertThat(othersFigures.getStatusCode().value()).as("another owner's figures").isEqualTo(403);
    assertThat(othersFigures.getBody()).containsEntry("field", "serviceId");
    assertThat(kpiRows("owner", "")).as("all the owner may read").extracting(row -> row.get("serviceId"))
        .isNotEmpty().doesNotContain("werkplek");
    assertThat(kpiRows("auditor", "?serviceId=werkplek")).as("the auditor reads it").isNotEmpty();

    WebappSession cockpit = WebappSession.login(port, "owner", "cockpit");
    String base = "/camunda/api/cockpit/plugin/usm/default";
    assertThat(cockpit.request("GET", base + "/calls/" + closedIncident + "/audit").status()).isEqualTo(200);
    assertThat(cockpit.request("GET", base + "/calls/" + workplaceWish).status()).isEqualTo(404);
    for (String figures : List.of("/kpis?serviceId=werkplek", "/kpis?serviceId=werkplek&format=csv&interval=week")) {
      WebappSession.Response refused = cockpit.request("GET", base + figures);
      assertThat(refused.status()).as("another owner's figures through Cockpit's session: %s", figures).isEqualTo(403);
      assertThat(refused.json()).containsEntry("field", "serviceId");
    }

    String wishTask = api.tasks("coordinator", requestersWish).get(0).get("id").toString();
    for (String command : List.of("claim", "complete")) {
      ResponseEntity<String> refused = rest.exchange("/engine-rest/task/" + wishTask + "/" + command, HttpMethod.POST,
          new HttpEntity<>(Map.of("userId", "owner"), UsmApi.headers("owner")), String.class);
      assertThat(refused.getStatusCode().value()).as("%s: %s", command, refused.getBody()).isEqualTo(403);
    }
    assertThat(api.tasks("owner", requestersWish)).as("no task of the engine").isEmpty();
    assertThat(rest.exchange("/engine-rest/history/process-instance?processInstanceBusinessKey=" + closedIncident,
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("owner")), List.class).getBody())
        .as("nor its history: the product's endpoints decide what an owner reads").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> kpiRows(String user, String query) {
    ResponseEntity<Map<String, Object>> kpis = rest.exchange("/api/kpis" + query, HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers(user)), JSON);
    assertThat(kpis.getStatusCode().value()).isEqualTo(200);
    return (List<Map<String, Object>>) kpis.getBody().get("rows");
  }

  private List<Map<String, Object>> trail(String user, String trackingNumber) {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/api/calls/" + trackingNumber + "/audit",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers(user)), JSON_LIST);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private Map<String, Object> list(String user, String query) {
    ResponseEntity<Map<String, Object>> response = rest.exchange("/api/calls?" + query, HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers(user)), JSON);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private Map<String, Object> badList(String query) {
    ResponseEntity<Map<String, Object>> response = rest.exchange("/api/calls?" + query, HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), JSON);
    assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> calls(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("calls");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> counts(Map<String, Object> instance) {
    return (Map<String, Object>) instance.get("activityCounts");
  }

  private static List<Map<String, Object>> ofKind(List<Map<String, Object>> trail, String kind) {
    return trail.stream().filter(e -> kind.equals(e.get("kind"))).toList();
  }

  private static Map<String, Object> step(List<Map<String, Object>> steps, String step) {
    return steps.stream().filter(e -> step.equals(e.get("step"))).findFirst().orElseThrow();
  }
}
