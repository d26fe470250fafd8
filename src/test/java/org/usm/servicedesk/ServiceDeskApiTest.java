package org.usm.servicedesk;

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
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * The service desk (DESIGN §14): the catalogue, the requester search and My calls over the product API and over
 * Tasklist's session; the requester rule (rule H12: a requester registers only for themselves, the service desk
 * for anyone who exists), refused with the field and nothing registered.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ServiceDeskApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};
  private static final String PLUGIN = "/camunda/api/tasklist/plugin/usm/default/";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  private static Map<String, Object> call(String summary, String requester) {
    return new HashMap<>(Map.of("serviceId", "verhuizing", "type", "incident", "summary", summary,
        "requester", requester, "impact", "high", "urgency", "medium"));
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(UsmApi.headers(user)), JSON);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> myCalls(String user) {
    ResponseEntity<Map<String, Object>> page = get(user, "/api/calls?party=me&size=200");
    assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
    return (List<Map<String, Object>>) page.getBody().get("calls");
  }

  private long callsOf(String requester) {
    return ((Number) get("auditor", "/api/calls?requester=" + requester).getBody().get("total")).longValue();
  }

  @Test
  void aRequesterRegistersOnlyForThemselvesRefusedNamingTheFieldAndNothingRegistered() {
    long before = callsOf("inwoner-4712");
    ResponseEntity<Map<String, Object>> refused = new UsmApi(rest).registerCall("requester",
        call("Adres niet bijgewerkt", "inwoner-4712"));
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).containsEntry("field", "requester");
    assertThat((String) refused.getBody().get("error")).contains("rule H12").contains("service desk");
    assertThat(callsOf("inwoner-4712")).isEqualTo(before);

    String own = new UsmApi(rest).register("requester", call("Mijn adres niet bijgewerkt", "requester"));
    assertThat(new UsmApi(rest).callBody("requester", own)).containsEntry("requester", "requester");
  }

  @Test
  void theServiceDeskRegistersForAnExistingRequesterWhoFollowsItOnMyCalls() {
    String number = new UsmApi(rest).register("servicedesk", call("Verhuisbevestiging niet ontvangen", "inwoner-4711"));
    assertThat(myCalls("inwoner-4711")).extracting(c -> c.get("trackingNumber")).contains(number);
    assertThat(myCalls("inwoner-4711")).allSatisfy(c -> assertThat(c).containsEntry("requester", "inwoner-4711"));
    assertThat(myCalls("inwoner-4712")).extracting(c -> c.get("trackingNumber")).doesNotContain(number);
    assertThat(myCalls("servicedesk")).as("My calls are the calls one requested, not those one registered")
        .extracting(c -> c.get("trackingNumber")).doesNotContain(number);

    ResponseEntity<Map<String, Object>> nobody = new UsmApi(rest).registerCall("servicedesk",
        call("Voor iemand die niet bestaat", "inwoner-0000"));
    assertThat(nobody.getStatusCode().value()).isEqualTo(400);
    assertThat(nobody.getBody()).containsEntry("field", "requester");
  }

  @Test
  void myCallsTakesOnlyPartyMeAndNoRequesterBesideIt() {
    assertThat(get("requester", "/api/calls?party=someone").getBody()).containsEntry("field", "party");
    ResponseEntity<Map<String, Object>> both = get("requester", "/api/calls?party=me&requester=inwoner-4711");
    assertThat(both.getStatusCode().value()).isEqualTo(400);
    assertThat(both.getBody()).containsEntry("field", "party");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCatalogueListsTheActiveServicesWithWhatTheyOfferAndTheirCallTypes() {
    ResponseEntity<List<Map<String, Object>>> catalogue = rest.exchange("/api/catalogue", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("requester")), JSON_LIST);
    assertThat(catalogue.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> verhuizing = catalogue.getBody().stream().filter(s -> "verhuizing".equals(s.get("id")))
        .findFirst().orElseThrow();
    assertThat(verhuizing).containsEntry("name", "Verhuizing doorgeven");
    assertThat((List<String>) verhuizing.get("offers")).contains("Verhuizing controleren en verwerken");
    assertThat((List<String>) verhuizing.get("callTypes")).contains("incident", "service-request", "wish");
    assertThat(rest.getForEntity("/api/catalogue", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void onlyTheServiceDeskCoordinatorsAndAdministratorsLookRequestersUp() {
    ResponseEntity<List<Map<String, Object>>> found = rest.exchange("/api/requesters?search=inwoner",
        HttpMethod.GET, new HttpEntity<>(UsmApi.headers("servicedesk")), JSON_LIST);
    assertThat(found.getStatusCode().value()).isEqualTo(200);
    assertThat(found.getBody()).extracting(u -> u.get("id")).contains("inwoner-4711", "inwoner-4712");
    assertThat(found.getBody()).allSatisfy(u -> assertThat(u.get("name")).isNotNull());
    assertThat(rest.exchange("/api/requesters?search=requester", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("servicedesk")), JSON_LIST).getBody())
        .as("by exact id too").extracting(u -> u.get("id")).contains("requester");

    ResponseEntity<Map<String, Object>> requester = get("requester", "/api/requesters?search=inwoner");
    assertThat(requester.getStatusCode().value()).isEqualTo(403);
    assertThat(requester.getBody()).containsEntry("field", "search");
    assertThat(get("operator", "/api/requesters?search=inwoner").getStatusCode().value()).isEqualTo(403);
    assertThat(rest.exchange("/api/requesters?search=inwoner", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("coordinator")), String.class).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> tooShort = get("servicedesk", "/api/requesters?search=i");
    assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
    assertThat(tooShort.getBody()).containsEntry("field", "search");
    assertThat(rest.getForEntity("/api/requesters?search=inwoner", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void theTasklistPluginAnswersTheSessionUserWithTheSameRules() {
    WebappSession desk = WebappSession.login(port, "servicedesk");
    WebappSession.Response me = desk.request("GET", PLUGIN + "me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json()).containsEntry("userId", "servicedesk").containsEntry("registersForOthers", true)
        .containsEntry("administrator", false);
    assertThat(desk.request("GET", PLUGIN + "catalogue").body()).contains("Verhuizing doorgeven");
    assertThat(desk.request("GET", PLUGIN + "requesters?search=inwoner").body()).contains("inwoner-4711");

    WebappSession.Response registered = desk.send("POST", PLUGIN + "calls",
        "{\"serviceId\":\"verhuizing\",\"type\":\"service-request\",\"summary\":\"Verhuizing doorgeven aan de balie\","
            + "\"requester\":\"inwoner-1984\",\"impact\":\"low\",\"urgency\":\"low\"}", "application/json");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String number = (String) registered.json().get("trackingNumber");
    assertThat(number).startsWith("SRQ-");

    WebappSession.Response noSummary = desk.send("POST", PLUGIN + "calls",
        "{\"serviceId\":\"verhuizing\",\"type\":\"incident\",\"requester\":\"inwoner-1984\"}", "application/json");
    assertThat(noSummary.status()).isEqualTo(400);
    assertThat(noSummary.json()).containsEntry("field", "summary");

    WebappSession resident = WebappSession.login(port, "inwoner-1984");
    assertThat(resident.request("GET", PLUGIN + "calls?party=me").body()).contains(number);
    assertThat(resident.request("GET", PLUGIN + "calls/" + number).json()).containsEntry("requester", "inwoner-1984");
    WebappSession.Response forOther = resident.send("POST", PLUGIN + "calls",
        "{\"serviceId\":\"verhuizing\",\"type\":\"incident\",\"summary\":\"x\",\"requester\":\"inwoner-4711\"}",
        "application/json");
    assertThat(forOther.status()).isEqualTo(403);
    assertThat(forOther.json()).containsEntry("field", "requester");
    assertThat(resident.request("GET", PLUGIN + "requesters?search=inwoner").status()).isEqualTo(403);

    // The verdict from My calls goes through the call API's rules: not before the delivery, never by another.
    String accept = "{\"accepted\":true,\"comment\":\"Prima\"}";
    WebappSession.Response early = resident.send("POST", PLUGIN + "calls/" + number + "/confirmation", accept,
        "application/json");
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    WebappSession.Response byTheDesk = desk.send("POST", PLUGIN + "calls/" + number + "/confirmation", accept,
        "application/json");
    assertThat(byTheDesk.status()).as(byTheDesk.body()).isEqualTo(403);
  }

  @Test
  void withoutASessionOrItsCsrfTokenNothingIsAnsweredOrRegistered() {
    assertThat(WebappSession.anonymous(port, "GET", PLUGIN + "catalogue").status()).isEqualTo(401);
    assertThat(WebappSession.anonymous(port, "GET", PLUGIN + "calls?party=me").status()).isEqualTo(401);
    long before = callsOf("inwoner-4712");
    WebappSession.Response anonymous = WebappSession.anonymous(port, "POST", PLUGIN + "calls");
    assertThat(anonymous.status()).isIn(401, 403);
    WebappSession.Response forged = WebappSession.login(port, "servicedesk").sendWithoutCsrfToken("POST",
        PLUGIN + "calls", "{\"serviceId\":\"verhuizing\",\"type\":\"incident\",\"summary\":\"Vervalst\","
            + "\"requester\":\"inwoner-4712\"}", "application/json");
    assertThat(forged.status()).as("Camunda's CSRF filter refuses a write without the session's token").isEqualTo(403);
    assertThat(callsOf("inwoner-4712")).isEqualTo(before);
  }

  @Test
  void thePluginScriptIsServed() {
    WebappSession.Response script = WebappSession.anonymous(port, "GET",
        "/camunda/api/tasklist/plugin/usm/static/app/plugin.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).as("the service desk bundle").startsWith("/*!").contains("tasklist.navbar.action");
  }
}
