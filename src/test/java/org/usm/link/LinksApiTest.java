package org.usm.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.security.UsmGroups;
import org.usm.testing.HappyPath;
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * Handing work to links over the product's API (DESIGN §11): a step of verhuizing hands the waste-collection
 * part to the internal service afvalinzameling and waits for it (rule L1); a service with an external link
 * hands work over HTTP to an installation (here this one, as another organisation would), once per
 * hand-over, with status reports pushed back under the linked call's own secret; and a link account does
 * nothing but register and read its link status.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "USM_TEST_LINK_PASSWORD=Partner-2026-geheim")
@ActiveProfiles({"demo", "test"})
class LinksApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};
  private static final String PARTNER = "leverancier-noord";
  private static final String PARTNER_PASSWORD = "Partner-2026-geheim";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired LinkDispatcher dispatcher;
  @Autowired LinkedCallStore linkedCalls;
  @LocalServerPort int port;

  private UsmApi api() {
    return new UsmApi(rest);
  }

  private String serviceRequest(String serviceId, String summary) {
    Map<String, Object> call = new HashMap<>(Map.of("serviceId", serviceId, "type", "service-request",
        "summary", summary, "requester", "requester"));
    return api().register("requester", call);
  }

  /** Works the call's steps of the path up to (not including) the step, as the demo users. */
  private void driveTo(String trackingNumber, String serviceId, Step until) {
    for (Step step : WorkflowPattern.WF5.path()) {
      if (step == until) {
        return;
      }
      if (step.isUserTask()) {
        api().complete(HappyPath.demoUser(step), trackingNumber, step,
            HappyPath.variables(step, WorkflowPattern.WF5, serviceId));
      }
    }
  }

  private void finish(String trackingNumber, String serviceId, Step from) {
    boolean started = false;
    for (Step step : WorkflowPattern.WF5.path()) {
      started |= step == from;
      if (started && step.isUserTask()) {
        api().complete(HappyPath.demoUser(step), trackingNumber, step,
            HappyPath.variables(step, WorkflowPattern.WF5, serviceId));
      }
    }
  }

  private String taskId(String user, String trackingNumber, Step step) {
    return api().tasks(user, trackingNumber).stream().filter(t -> step.id().equals(t.get("taskDefinitionKey")))
        .map(t -> (String) t.get("id")).findFirst().orElseThrow();
  }

  private void claim(String user, String trackingNumber, Step step) {
    ResponseEntity<String> claimed = rest.exchange("/engine-rest/task/" + taskId(user, trackingNumber, step) + "/claim",
        HttpMethod.POST, new HttpEntity<>(Map.of("userId", user), UsmApi.headers(user)), String.class);
    assertThat(claimed.getStatusCode().value()).isEqualTo(204);
  }

  private ResponseEntity<Map<String, Object>> handOver(String user, String trackingNumber, Map<String, Object> body) {
    return rest.exchange("/api/calls/" + trackingNumber + "/linked-calls", HttpMethod.POST,
        new HttpEntity<>(body, UsmApi.headers(user)), JSON);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> links(String trackingNumber) {
    return (List<Map<String, Object>>) api().callBody("auditor", trackingNumber).get("links");
  }

  private List<Map<String, Object>> trail(String trackingNumber) {
    return rest.exchange("/api/calls/" + trackingNumber + "/audit", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), JSON_LIST).getBody();
  }

  @SuppressWarnings("unchecked")
  private List<String> reportedStatuses(String trackingNumber) {
    return trail(trackingNumber).stream().filter(e -> "LINKED_CALL".equals(e.get("kind")) && e.get("data") != null)
        .map(e -> (String) ((Map<String, Object>) e.get("data")).get("status")).toList();
  }

  private String stepForm(String user, String trackingNumber, Step step) {
    ResponseEntity<Map<String, Object>> variables = rest.exchange("/engine-rest/task/" + taskId(user, trackingNumber,
        step) + "/variables", HttpMethod.GET, new HttpEntity<>(UsmApi.headers(user)), JSON);
    Object linked = variables.getBody().get("linkedCalls");
    return linked == null ? null : String.valueOf(((Map<?, ?>) linked).get("value"));
  }

  @Test
  void aStepHandsWorkToAnInternalLinkAndWaitsUntilItIsFulfilled() {
    String move = serviceRequest("verhuizing", "Verhuizing naar de Lindelaan 4");
    driveTo(move, "verhuizing", Step.O4_ExecuteActivities);
    claim("operator", move, Step.O4_ExecuteActivities);

    Instant before = Instant.now();
    ResponseEntity<Map<String, Object>> handed = handOver("operator", move, Map.of("link", "afval",
        "type", "service-request", "summary", "Containers en afvalpas omzetten naar Lindelaan 4"));
    assertThat(handed.getStatusCode().value()).as("%s", handed.getBody()).isEqualTo(201);
    String waste = (String) handed.getBody().get("trackingNumber");
    assertThat(waste).startsWith("SRQ-");
    assertThat(handed.getBody()).containsEntry("link", "afval").containsEntry("status", "registered")
        .containsEntry("step", "O4_ExecuteActivities");
    // medium x medium is P3: the link's agreement gives three days
    assertThat(Duration.between(before, Instant.parse((String) handed.getBody().get("dueAt"))))
        .isBetween(Duration.ofDays(3).minusMinutes(1), Duration.ofDays(3).plusMinutes(1));

    Map<String, Object> atProvider = api().callBody("auditor", waste);
    assertThat(atProvider).containsEntry("serviceId", "afvalinzameling").containsEntry("reference", move)
        .containsEntry("requester", "operator");

    ResponseEntity<String> early = api().completeTask("operator", move, Step.O4_ExecuteActivities,
        HappyPath.variables(Step.O4_ExecuteActivities, WorkflowPattern.WF5, "verhuizing"));
    assertThat(early.getStatusCode().value()).isEqualTo(400);
    assertThat(early.getBody()).contains("Regel L1").contains(waste).contains("geregistreerd");
    org.usm.testing.WebappSession.Response viaTasklist = org.usm.testing.WebappSession.login(port, "operator")
        .engine("POST", "/task/" + taskId("operator", move, Step.O4_ExecuteActivities) + "/submit-form",
            Map.of("variables", Map.of()));
    assertThat(viaTasklist.status()).as("through the webapps' API too").isEqualTo(400);
    assertThat(viaTasklist.body()).contains("Regel L1");
    assertThat(api().tasks("operator", move)).extracting(t -> t.get("taskDefinitionKey"))
        .as("the step is still open").contains("O4_ExecuteActivities");
    assertThat(trail(move)).anySatisfy(e -> {
      assertThat(e).containsEntry("kind", "REFUSAL").containsEntry("ruleId", "L1");
    });
    assertThat(stepForm("operator", move, Step.O4_ExecuteActivities)).as("verhuizing speaks Dutch").contains(waste)
        .contains("geregistreerd");

    driveTo(waste, "afvalinzameling", Step.O4_ExecuteActivities);
    assertThat(links(move)).singleElement().satisfies(link -> assertThat(link).containsEntry("status", "in progress"));
    finish(waste, "afvalinzameling", Step.O4_ExecuteActivities);
    assertThat(links(move)).singleElement().satisfies(link -> assertThat(link)
        .containsEntry("status", "closed").containsEntry("trackingNumber", waste));
    assertThat(reportedStatuses(move)).containsExactly("requested", "registered", "in progress", "fulfilled",
        "closed");
    assertThat(reportedStatuses(waste)).containsExactly("registered", "in progress", "fulfilled", "closed");
    assertThat(stepForm("operator", move, Step.O4_ExecuteActivities)).contains(waste).contains("afgesloten");

    finish(move, "verhuizing", Step.O4_ExecuteActivities);
    assertThat(api().callBody("auditor", move)).containsEntry("status", "closed");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLinkedCallLateAgainstTheLinksAgreementIsABreachNamingTheLinkAFindingForImproveAndAChainFigure() {
    String move = serviceRequest("verhuizing", "Verhuizing naar de Kastanjelaan 2");
    driveTo(move, "verhuizing", Step.O4_ExecuteActivities);
    claim("operator", move, Step.O4_ExecuteActivities);
    String waste = (String) handOver("operator", move, Map.of("link", "afval", "type", "service-request",
        "summary", "Containers omzetten naar Kastanjelaan 2")).getBody().get("trackingNumber");
    try {
      // four days later the linked call, due in three, is still open
      org.usm.engine.EngineTime.setNow(Instant.now().plus(Duration.ofDays(4)));
      dispatcher.runOnce();
      dispatcher.runOnce();
      assertThat(trail(move)).filteredOn(e -> "SLA_BREACH".equals(e.get("kind"))).singleElement()
          .satisfies(breach -> assertThat((String) breach.get("message")).contains("link 'afval' (Afvalinzameling) "
              + "late against its agreement").contains(waste));
      assertThat(links(move)).singleElement().satisfies(link -> assertThat(link.get("breachedAt")).isNotNull());
      assertThat(stepForm("operator", move, Step.O4_ExecuteActivities)).contains("te laat volgens de afspraak met de schakel");

      driveTo(waste, "afvalinzameling", Step.O4_ExecuteActivities);
      finish(waste, "afvalinzameling", Step.O4_ExecuteActivities);
      finish(move, "verhuizing", Step.O4_ExecuteActivities);
      List<String> started = (List<String>) ((Map<String, Object>) api().callBody("auditor", move).get("linkedCalls"))
          .get("started");
      String risk = started.stream().filter(tn -> tn.startsWith("RSK-")).findFirst().orElseThrow(() ->
          new AssertionError("no risk raised for the late link: " + started));
      assertThat((String) api().callBody("auditor", risk).get("summary")).startsWith("Link 'afval' (Afvalinzameling) "
          + "late against its agreement: " + waste);

      Map<String, Object> figures = rest.exchange("/api/kpis?serviceId=verhuizing", HttpMethod.GET,
          new HttpEntity<>(UsmApi.headers("auditor")), JSON).getBody();
      assertThat((List<Map<String, Object>>) figures.get("links")).filteredOn(row -> "afval".equals(row.get("link")))
          .singleElement().satisfies(row -> {
            assertThat(row).containsEntry("serviceId", "verhuizing").containsEntry("linkName", "Afvalinzameling");
            assertThat((Integer) row.get("calls")).isGreaterThanOrEqualTo(1);
            assertThat((Integer) row.get("breached")).isGreaterThanOrEqualTo(1);
            assertThat((Integer) row.get("finished")).isGreaterThan((Integer) row.get("withinAgreement"));
            assertThat((Double) row.get("leadTimeMedianMinutes")).isPositive();
          });
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void aHandOverThatBreaksARuleIsRefusedByFieldAndStoresNothing() {
    String move = serviceRequest("verhuizing", "Verhuizing naar de Beukenlaan 9");
    driveTo(move, "verhuizing", Step.O4_ExecuteActivities);
    Map<String, Object> valid = Map.of("link", "afval", "type", "service-request", "summary", "Containers omzetten");

    ResponseEntity<Map<String, Object>> unclaimed = handOver("operator", move, valid);
    assertThat(unclaimed.getStatusCode().value()).isEqualTo(403);
    assertThat(unclaimed.getBody()).containsEntry("field", "step");
    claim("operator", move, Step.O4_ExecuteActivities);
    assertThat(handOver("coordinator", move, valid).getStatusCode().value())
        .as("only who holds the step hands it over").isEqualTo(403);

    Map<String, Object> unknownLink = new HashMap<>(valid);
    unknownLink.put("link", "parkeren");
    ResponseEntity<Map<String, Object>> noSuchLink = handOver("operator", move, unknownLink);
    assertThat(noSuchLink.getStatusCode().value()).isEqualTo(404);
    assertThat(noSuchLink.getBody()).containsEntry("field", "link");
    assertThat((String) noSuchLink.getBody().get("error")).contains("its links: afval");

    Map<String, Object> wrongType = new HashMap<>(valid);
    wrongType.put("type", "incident");
    ResponseEntity<Map<String, Object>> notTaken = handOver("operator", move, wrongType);
    assertThat(notTaken.getStatusCode().value()).isEqualTo(400);
    assertThat(notTaken.getBody()).containsEntry("field", "type");

    Map<String, Object> noSummary = new HashMap<>(valid);
    noSummary.remove("summary");
    assertThat(handOver("operator", move, noSummary).getBody()).containsEntry("field", "summary");
    Map<String, Object> badImpact = new HashMap<>(valid);
    badImpact.put("impact", "enorm");
    assertThat(handOver("operator", move, badImpact).getBody()).containsEntry("field", "impact");

    assertThat(links(move)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call WHERE external_reference = ?", Integer.class, move))
        .as("no call was registered at the provider").isZero();
    assertThat(reportedStatuses(move)).isEmpty();
    api().complete("operator", move, Step.O4_ExecuteActivities,
        HappyPath.variables(Step.O4_ExecuteActivities, WorkflowPattern.WF5, "verhuizing"));
  }

  @Test
  void onlyAnAdministratorSendsACallsDeliveriesAgainOverTheApiAndBehindCockpitsSession() {
    String move = serviceRequest("verhuizing", "Verhuizing naar de Kastanjelaan 2");
    ResponseEntity<Map<String, Object>> byOperator = rest.exchange("/api/calls/" + move + "/link-deliveries/retry",
        HttpMethod.POST, new HttpEntity<>(UsmApi.headers("operator")), JSON);
    assertThat(byOperator.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> byAdmin = rest.exchange("/api/calls/" + move + "/link-deliveries/retry",
        HttpMethod.POST, new HttpEntity<>(UsmApi.headers("admin")), JSON);
    assertThat(byAdmin.getStatusCode().value()).isEqualTo(200);
    assertThat(byAdmin.getBody()).containsEntry("trackingNumber", move).containsEntry("retried", 0);

    String plugin = "/camunda/api/cockpit/plugin/usm/default";
    WebappSession auditor = WebappSession.login(port, "auditor", "cockpit");
    assertThat(auditor.request("GET", plugin + "/me").json()).containsEntry("userId", "auditor")
        .containsEntry("sendsLinkDeliveriesAgain", false);
    WebappSession.Response refused = auditor.request("POST", plugin + "/calls/" + move + "/link-deliveries/retry");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json()).containsEntry("error", "only administrators send a call's deliveries again");

    WebappSession admin = WebappSession.login(port, "admin", "cockpit");
    assertThat(admin.request("GET", plugin + "/me").json()).containsEntry("userId", "admin")
        .containsEntry("sendsLinkDeliveriesAgain", true);
    WebappSession.Response sent = admin.request("POST", plugin + "/calls/" + move + "/link-deliveries/retry");
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json()).containsEntry("trackingNumber", move).containsEntry("retried", 0);
    WebappSession.Response unknown = admin.request("POST", plugin + "/calls/SRQ-1999-999999/link-deliveries/retry");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json()).containsEntry("field", "trackingNumber");
  }

  /** The verhuizing definition as a service with an external link to this installation's afvalinzameling. */
  private String externallyLinkedService() throws IOException {
    try (InputStream in = LinksApiTest.class.getResourceAsStream("/services/verhuizing.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(0, text.indexOf("\nlinks:")).replace("id: verhuizing", "id: verhuizing-keten")
          .replace("name: Verhuizing doorgeven", "name: Verhuizing in de keten") + """

          links:
            - id: afval-extern
              name: Afvalbedrijf (extern)
              url: http://localhost:%d
              service: afvalinzameling
              user: %s
              passwordFrom: USM_TEST_LINK_PASSWORD
              callTypes: [service-request]
              handlingTimes:
                service-request: {P1: PT8H, P2: P1D, P3: P3D, P4: P5D}
          """.formatted(port, PARTNER);
    }
  }

  private void linkAccount() {
    if (identityService.createUserQuery().userId(PARTNER).count() == 0) {
      User user = identityService.newUser(PARTNER);
      user.setPassword(PARTNER_PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(PARTNER, UsmGroups.LINK_ACCOUNTS);
    }
  }

  private HttpHeaders partner() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(PARTNER, PARTNER_PASSWORD);
    return headers;
  }

  @Test
  void aConsumersRequesterIsNoUserHereTheLinkAccountRequestsTheCallAndTheTrailNamesThem() {
    linkAccount();
    Map<String, Object> handedOver = new HashMap<>(Map.of("serviceId", "afvalinzameling", "type", "service-request",
        "summary", "Container legen na verhuizing", "requester", "j.de.vries@partner.example", "reference", "TT-4711"));
    HttpHeaders delivery = partner();
    delivery.set("Idempotency-Key", "tt-4711");
    ResponseEntity<Map<String, Object>> registered = rest.exchange("/api/calls", HttpMethod.POST,
        new HttpEntity<>(handedOver, delivery), JSON);
    assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
    String call = (String) registered.getBody().get("trackingNumber");
    assertThat(api().callBody("auditor", call)).as("the requester rules and the right to read rest on a user here")
        .containsEntry("requester", PARTNER).containsEntry("reference", "TT-4711");
    assertThat(trail(call)).anySatisfy(entry -> assertThat((String) entry.get("message"))
        .contains("handed over by account '" + PARTNER + "'").contains("requested there by 'j.de.vries@partner.example'"));

    handedOver.remove("requester");
    delivery.set("Idempotency-Key", "tt-4712");
    ResponseEntity<Map<String, Object>> noRequester = rest.exchange("/api/calls", HttpMethod.POST,
        new HttpEntity<>(handedOver, delivery), JSON);
    assertThat(noRequester.getStatusCode().value()).as("the link interface asks for the consumer's requester")
        .isEqualTo(400);
    assertThat(noRequester.getBody()).containsEntry("field", "requester");

    handedOver.put("requester", "j.de.vries@partner.example");
    ResponseEntity<Map<String, Object>> ordinaryIntake = rest.exchange("/api/calls", HttpMethod.POST,
        new HttpEntity<>(handedOver, partner()), JSON);
    assertThat(ordinaryIntake.getStatusCode().value()).as("without Idempotency-Key it is ordinary intake, where a "
        + "link account names no one but itself (rule H12)").isEqualTo(403);
    assertThat(ordinaryIntake.getBody()).containsEntry("field", "requester");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call WHERE summary = ?", Integer.class,
        "Container legen na verhuizing")).as("only the first delivery registered a call").isOne();
  }

  @Test
  void anExternalLinkDeliversOnceOverHttpAndTheProviderReportsBackWithTheLinkedCallsSecret() throws IOException {
    linkAccount();
    HttpHeaders yaml = UsmApi.headers("designer");
    yaml.setContentType(MediaType.parseMediaType("application/yaml"));
    assertThat(rest.exchange("/api/services", HttpMethod.POST, new HttpEntity<>(externallyLinkedService(), yaml), JSON)
        .getStatusCode().value()).isEqualTo(201);

    String move = serviceRequest("verhuizing-keten", "Verhuizing naar de Eikenlaan 1");
    driveTo(move, "verhuizing-keten", Step.O4_ExecuteActivities);
    claim("operator", move, Step.O4_ExecuteActivities);
    ResponseEntity<Map<String, Object>> handed = handOver("operator", move, Map.of("link", "afval-extern",
        "type", "service-request", "summary", "Containers omzetten", "description", "Twee containers, één pas"));
    assertThat(handed.getStatusCode().value()).as("delivered at once: %s", handed.getBody()).isEqualTo(201);
    String id = (String) handed.getBody().get("id");
    String waste = (String) handed.getBody().get("trackingNumber");
    assertThat(api().callBody("auditor", waste)).containsEntry("reference", move)
        .containsEntry("requester", PARTNER).containsEntry("description", "Twee containers, één pas");
    assertThat(api().tasks("coordinator", waste)).singleElement().satisfies(accept -> assertThat(
        (String) accept.get("description")).as("the provider's people read it in Tasklist").contains(move)
        .contains("Twee containers, één pas"));
    assertThat(jdbc.queryForObject("SELECT body FROM usm_link_outbox WHERE subject = ?", String.class, id))
        .as("the secret is struck from the delivery once it is through").contains("(sent)")
        .doesNotContain(jdbc.queryForObject("SELECT callback_secret FROM usm_inbound_call WHERE tracking_number = ?",
            String.class, waste));

    // a repeated delivery (the consumer's answer lost) registers nothing new
    String delivery = jdbc.queryForObject("SELECT body FROM usm_link_outbox WHERE subject = ?", String.class, id);
    HttpHeaders again = partner();
    again.set("Idempotency-Key", id);
    ResponseEntity<Map<String, Object>> replay = rest.exchange("/api/calls", HttpMethod.POST,
        new HttpEntity<>(delivery.replace("(sent)", "een-ander-geheim-0123456789"), again), JSON);
    assertThat(replay.getStatusCode().value()).isEqualTo(200);
    assertThat(replay.getBody()).containsEntry("trackingNumber", waste);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call WHERE external_reference = ?", Integer.class, move))
        .isOne();

    // a link account reads its call's link status, and nothing else
    ResponseEntity<Map<String, Object>> status = rest.exchange("/api/calls/" + waste + "/link-status", HttpMethod.GET,
        new HttpEntity<>(partner()), JSON);
    assertThat(status.getStatusCode().value()).isEqualTo(200);
    assertThat(status.getBody()).containsEntry("status", "registered").containsEntry("reference", move)
        .containsOnlyKeys("trackingNumber", "reference", "status", "message", "updatedAt");
    for (String path : List.of("/api/calls/" + waste, "/api/calls/" + waste + "/audit", "/api/calls", "/api/services",
        "/api/kpis", "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance")) {
      assertThat(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(partner()), String.class).getStatusCode().value())
          .as("a link account reads %s", path).isEqualTo(403);
    }
    assertThat(rest.exchange("/api/calls/" + move + "/link-status", HttpMethod.GET, new HttpEntity<>(partner()),
        String.class).getStatusCode().value()).as("only calls it handed over").isEqualTo(404);
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      assertThat(org.usm.testing.WebappSession.attemptLogin(port, PARTNER, PARTNER_PASSWORD, app).status())
          .as("a link account logs in to %s", app).isNotEqualTo(200);
    }

    // the provider works its call; its reports wait in its outbox until sent, and a consumer that heard
    // nothing for a while asks
    driveTo(waste, "afvalinzameling", Step.O4_ExecuteActivities);
    assertThat(api().tasks("operator", waste)).singleElement().satisfies(execution -> assertThat(
        (String) execution.get("description")).contains(move).contains("Twee containers, één pas"));
    assertThat(links(move)).singleElement().satisfies(link -> assertThat(link).containsEntry("status", "registered"));
    dispatcher.pull(linkedCalls.find(id).orElseThrow());
    assertThat(links(move)).singleElement().satisfies(link -> assertThat(link).containsEntry("status", "in progress"));
    assertThat(reportedStatuses(move)).containsExactly("requested", "registered", "in progress");
    assertThat(api().callBody("auditor", waste).get("linkReports")).as("the provider's report waits to be sent")
        .isNotNull();
    dispatcher.runOnce();
    assertThat(api().callBody("auditor", waste)).doesNotContainKey("linkReports");
    assertThat(reportedStatuses(move)).as("the push that follows is no news").containsExactly("requested",
        "registered", "in progress");

    // a forged report changes nothing
    Map<String, Object> forged = Map.of("trackingNumber", waste, "status", "fulfilled");
    HttpHeaders noSecret = new HttpHeaders();
    noSecret.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> anonymous = rest.exchange("/api/linked-calls/" + id + "/status",
        HttpMethod.POST, new HttpEntity<>(forged, noSecret), JSON);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    HttpHeaders wrongSecret = new HttpHeaders();
    wrongSecret.setContentType(MediaType.APPLICATION_JSON);
    wrongSecret.setBearerAuth("geraden-geheim-0123456789abcdef");
    assertThat(rest.exchange("/api/linked-calls/" + id + "/status", HttpMethod.POST,
        new HttpEntity<>(forged, wrongSecret), JSON).getStatusCode().value()).isEqualTo(403);
    HttpHeaders asUser = UsmApi.headers("admin");
    assertThat(rest.exchange("/api/linked-calls/" + id + "/status", HttpMethod.POST,
        new HttpEntity<>(forged, asUser), JSON).getStatusCode().value())
        .as("not even an administrator's password reports for a provider").isEqualTo(401);
    String secret = jdbc.queryForObject("SELECT callback_secret FROM usm_inbound_call WHERE tracking_number = ?",
        String.class, waste);
    HttpHeaders rightSecret = new HttpHeaders();
    rightSecret.setContentType(MediaType.APPLICATION_JSON);
    rightSecret.setBearerAuth(secret);
    ResponseEntity<Map<String, Object>> otherCall = rest.exchange("/api/linked-calls/" + id + "/status",
        HttpMethod.POST, new HttpEntity<>(Map.of("trackingNumber", "SRQ-2026-999999", "status", "fulfilled"),
            rightSecret), JSON);
    assertThat(otherCall.getStatusCode().value()).as("the secret speaks for its own call only").isEqualTo(400);
    assertThat(otherCall.getBody()).containsEntry("field", "trackingNumber");
    assertThat(rest.exchange("/api/linked-calls/" + id + "/status", HttpMethod.POST,
        new HttpEntity<>(Map.of("trackingNumber", waste, "status", "requested"), rightSecret), JSON).getBody())
        .containsEntry("field", "status");
    assertThat(links(move)).singleElement().satisfies(link -> assertThat(link).containsEntry("status", "in progress"));

    // nor does a user write the step's record of its linked calls, through either engine API
    String o4 = taskId("operator", move, Step.O4_ExecuteActivities);
    ResponseEntity<String> rewritten = rest.exchange("/engine-rest/task/" + o4 + "/localVariables/linkedCalls",
        HttpMethod.PUT, new HttpEntity<>(Map.of("value", "- link 'afval-extern' fulfilled", "type", "String"),
            UsmApi.headers("operator")), String.class);
    assertThat(rewritten.getStatusCode().value()).isEqualTo(403);
    assertThat(rewritten.getBody()).contains("linkedCalls");
    org.usm.testing.WebappSession tasklist = org.usm.testing.WebappSession.login(port, "operator");
    assertThat(tasklist.engine("POST", "/task/" + o4 + "/submit-form", Map.of("variables", Map.of("linkedCalls",
        Map.of("value", "fulfilled", "type", "String")))).status()).as("the webapps' API").isIn(400, 403);
    assertThat(stepForm("operator", move, Step.O4_ExecuteActivities)).contains("in behandeling");
    assertThat(api().tasks("operator", move)).extracting(t -> t.get("taskDefinitionKey"))
        .contains("O4_ExecuteActivities");

    finish(waste, "afvalinzameling", Step.O4_ExecuteActivities);
    dispatcher.runOnce();
    assertThat(links(move)).singleElement().satisfies(link -> assertThat(link).containsEntry("status", "closed")
        .doesNotContainKey("delivery"));
    assertThat(reportedStatuses(move)).containsExactly("requested", "registered", "in progress", "fulfilled", "closed");
    assertThat(trail(move).toString()).doesNotContain(jdbc.queryForObject(
        "SELECT callback_secret FROM usm_inbound_call WHERE tracking_number = ?", String.class, waste));
    finish(move, "verhuizing-keten", Step.O4_ExecuteActivities);
  }
}
