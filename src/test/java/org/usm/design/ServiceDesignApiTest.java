package org.usm.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
import org.usm.testing.UsmApi;
import org.usm.testing.WebappSession;

/**
 * The designer API (DESIGN §9) over HTTP: a service created, given a new version and retired at run time,
 * with no restart; a bad definition refused with every violation and nothing left behind; only designers
 * write, everyone reads the history.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default".
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ServiceDesignApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** The verhuizing definition as a new service with the id and name given. */
  private static String definition(String id, String name) throws IOException {
    try (InputStream in = ServiceDesignApiTest.class.getResourceAsStream("/services/verhuizing.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: verhuizing", "id: " + id)
          .replace("name: Verhuizing doorgeven", "name: " + name)
          .replaceAll("id: DVO-PD-2026-01", "id: DVO-" + id.toUpperCase());
    }
  }

  private ResponseEntity<Map<String, Object>> send(String user, HttpMethod method, String path, String yaml) {
    HttpHeaders headers = UsmApi.headers(user);
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    return rest.exchange(path, method, new HttpEntity<>(yaml, headers), JSON);
  }

  private Map<String, Object> call(String serviceId) {
    Map<String, Object> call = new HashMap<>(Map.of("serviceId", serviceId, "type", "incident",
        "summary", "Paspoort niet ontvangen", "requester", "inwoner-4712"));
    return call;
  }

  @Test
  void aDesignerCreatesVersionsAndRetiresAServiceWithoutARestart() throws IOException {
    ResponseEntity<Map<String, Object>> created = send("designer", HttpMethod.POST, "/api/services",
        definition("paspoort", "Paspoort aanvragen"));
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("id", "paspoort").containsEntry("version", 1);
    assertThat(created.getBody().get("processDefinitionKeys").toString()).contains("usm-wf4-paspoort", "usm-wf8-paspoort");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("usm-wf4-paspoort").count())
        .isEqualTo(1);

    UsmApi api = new UsmApi(rest);
    String running = api.register("coordinator", call("paspoort"));
    api.complete("coordinator", running, Step.R1_AcceptIncident, Map.of());

    ResponseEntity<Map<String, Object>> second = send("designer", HttpMethod.PUT, "/api/services/paspoort",
        definition("paspoort", "Paspoort en identiteitskaart aanvragen"));
    assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(200);
    assertThat(second.getBody()).containsEntry("version", 2);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("usm-wf4-paspoort")
        .latestVersion().singleResult().getName()).contains("Paspoort en identiteitskaart aanvragen");

    ResponseEntity<Map<String, Object>> details = rest.exchange("/api/services/paspoort", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("auditor")), JSON);
    assertThat(details.getBody()).containsEntry("version", 2).containsEntry("state", "active");
    assertThat((List<?>) details.getBody().get("history")).extracting("version", "changedBy")
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "designer"), org.assertj.core.groups.Tuple.tuple(2, "designer"));

    HttpHeaders yaml = UsmApi.headers("requester");
    yaml.setAccept(List.of(MediaType.parseMediaType("application/yaml")));
    ResponseEntity<String> text = rest.exchange("/api/services/paspoort", HttpMethod.GET, new HttpEntity<>(yaml),
        String.class);
    assertThat(text.getBody()).contains("id: paspoort").contains("name: Paspoort en identiteitskaart aanvragen");
    ResponseEntity<String> bpmn = rest.exchange("/api/services/paspoort/workflows/4", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("designer")), String.class);
    assertThat(bpmn.getBody()).contains("id=\"usm-wf4-paspoort\"").contains("bpmndi:BPMNDiagram");

    ResponseEntity<Map<String, Object>> retired = send("designer", HttpMethod.DELETE, "/api/services/paspoort", null);
    assertThat(retired.getBody()).containsEntry("state", "retired").containsEntry("version", 3);
    ResponseEntity<Map<String, Object>> refused = api.registerCall("coordinator", call("paspoort"));
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("field", "serviceId");
    assertThat((String) refused.getBody().get("error")).contains("'paspoort' is retired");
    api.complete("operator", running, Step.R3_Analyze, Map.of());
    assertThat(api.callBody("coordinator", running).get("openSteps").toString()).contains("R4_PrepareRecovery");
    // The running call finishes: its evaluation's finding stays on its trail (a retired service takes no risk).
    api.complete("coordinator", running, Step.R4_PrepareRecovery, Map.of("recoveryRoute", "none", "resolution",
        "Vanzelf opgelost"));
    api.complete("coordinator", running, Step.R6_ReviewDelivery, Map.of("requesterAccepted", true));
    api.complete("coordinator", running, Step.R7_EvaluateAndClose, Map.of("improvementFindings",
        "Aanvraagformulier onduidelijk"));
    assertThat(api.callBody("coordinator", running)).containsEntry("status", "closed");
    assertThat(jdbc.queryForList("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = 'LINKED_CALL'",
        String.class, running)).anySatisfy(m -> assertThat(m).contains("not raised: service paspoort is retired"));
  }

  /** The designer guide's complete example is a new service that deploys as written and takes calls. */
  @Test
  void theDesignerGuidesExampleDeploysAsWritten() throws IOException {
    String guide = Files.readString(Path.of("docs", "designer-guide.md"));
    Matcher example = Pattern.compile("## A complete example\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(guide);
    assertThat(example.find()).as("a yaml block under 'A complete example' in docs/designer-guide.md").isTrue();

    ResponseEntity<Map<String, Object>> created = send("designer", HttpMethod.POST, "/api/services", example.group(1));

    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    String id = (String) created.getBody().get("id");
    assertThat((List<?>) created.getBody().get("processDefinitionKeys")).hasSize(8);
    UsmApi api = new UsmApi(rest);
    Map<String, Object> request = new HashMap<>(call(id));
    request.put("type", "service-request");
    String call = api.register("coordinator", request);
    assertThat(api.callBody("coordinator", call).get("openSteps").toString()).contains("O1_AcceptServiceRequest");
  }

  @Test
  void aNewVersionCanTakeTheRunningCallsAlong() throws IOException {
    assertThat(send("designer", HttpMethod.POST, "/api/services", definition("rijbewijs", "Rijbewijs verlengen"))
        .getStatusCode().value()).isEqualTo(201);
    UsmApi api = new UsmApi(rest);
    String running = api.register("coordinator", call("rijbewijs"));
    api.complete("coordinator", running, Step.R1_AcceptIncident, Map.of());

    ResponseEntity<Map<String, Object>> second = send("designer", HttpMethod.PUT,
        "/api/services/rijbewijs?migrateRunning=true", definition("rijbewijs", "Rijbewijs verlengen of vervangen"));

    assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(200);
    assertThat(second.getBody().get("migration").toString()).contains("migrated=[" + running + "]")
        .contains("notMigrated=[]");
    String workflow = jdbc.queryForObject("SELECT process_instance_id FROM usm_call WHERE tracking_number = ?",
        String.class, running);
    assertThat(repositoryService.getProcessDefinition(runtimeDefinitionOf(workflow)).getVersion()).isEqualTo(2);
    api.complete("operator", running, Step.R3_Analyze, Map.of());
    assertThat(jdbc.queryForList("SELECT message FROM usm_audit_event WHERE tracking_number = ? AND kind = "
        + "'INTERVENTION'", String.class, running)).anySatisfy(m -> assertThat(m).contains("moved to version 2"));
  }

  private String runtimeDefinitionOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getProcessDefinitionId();
  }

  @Test
  void aBadDefinitionIsRefusedWithEveryViolationAndLeavesNothingBehind() throws IOException {
    String broken = definition("kapot", "Kapotte dienst").replace("coordinators: publieksdiensten-coordinatoren\n",
        "coordinators: bestaat-niet\n").replace("owner: ketenregie-burgerzaken\n", "");

    ResponseEntity<Map<String, Object>> dryRun = send("designer", HttpMethod.POST, "/api/services?dryRun=true", broken);
    assertThat(dryRun.getStatusCode().value()).isEqualTo(200);
    assertThat(dryRun.getBody()).containsEntry("valid", false);
    assertThat((List<?>) dryRun.getBody().get("violations")).extracting("field").contains("owner");

    ResponseEntity<Map<String, Object>> refused = send("designer", HttpMethod.POST, "/api/services", broken);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).containsKeys("error", "field", "violations");

    String unknownGroup = definition("kapot", "Kapotte dienst").replace("coordinators: publieksdiensten-coordinatoren\n",
        "coordinators: bestaat-niet\n");
    ResponseEntity<Map<String, Object>> group = send("designer", HttpMethod.POST, "/api/services", unknownGroup);
    assertThat(group.getStatusCode().value()).isEqualTo(400);
    assertThat(group.getBody()).containsEntry("field", "roles.agree.coordinators");
    assertThat((String) group.getBody().get("error")).contains("bestaat-niet");

    ResponseEntity<Map<String, Object>> language = send("designer", HttpMethod.POST, "/api/services",
        definition("kapot", "Kapotte dienst").replace("language: nl\n", "language: fr\n"));
    assertThat(language.getStatusCode().value()).isEqualTo(400);
    assertThat((List<?>) language.getBody().get("violations")).singleElement()
        .isEqualTo(Map.of("field", "language", "error", "must be one of nl, en (got 'fr')"));

    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike("usm-wf%-kapot").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'kapot'", Integer.class))
        .isZero();
    ResponseEntity<Map<String, Object>> valid = send("designer", HttpMethod.POST, "/api/services?dryRun=true",
        definition("heel", "Hele dienst"));
    assertThat(valid.getBody()).containsEntry("valid", true);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'heel'", Integer.class))
        .as("a dry run stores nothing").isZero();
  }

  /** The verhuizing definition as a new service with the id given, owned by {@code owner}. */
  private static String ownedBy(String id, String owner) throws IOException {
    return definition(id, "Ketendienst " + id).replace("owner: ketenregie-burgerzaken\n", "owner: " + owner + "\n");
  }

  /**
   * The owner steers on the whole chain and reads its figures (DESIGN §13, book l.2319–2327): a user or a
   * group that exists, not a department's name nor one of the product's own groups; nothing is stored
   * otherwise. The person or team a stored service names opens Cockpit from then on.
   */
  @Test
  void theOwnerIsAUserOrAGroupThatExists() throws IOException {
    String department = ownedBy("ketendienst", "Afdelingsmanager Publieksdiensten");
    ResponseEntity<Map<String, Object>> dryRun = send("designer", HttpMethod.POST, "/api/services?dryRun=true",
        department);
    assertThat(dryRun.getBody()).containsEntry("valid", false);
    ResponseEntity<Map<String, Object>> unknown = send("designer", HttpMethod.POST, "/api/services", department);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).containsEntry("field", "owner");
    assertThat((List<?>) unknown.getBody().get("violations")).singleElement().isEqualTo(Map.of("field", "owner",
        "error", "names 'Afdelingsmanager Publieksdiensten', which is neither a user nor a group: the owner of the "
            + "chain is a person or team who can read its figures"));
    ResponseEntity<Map<String, Object>> requesters = send("designer", HttpMethod.POST, "/api/services",
        ownedBy("ketendienst", "usm-requesters"));
    assertThat(requesters.getStatusCode().value()).isEqualTo(400);
    assertThat(requesters.getBody()).containsEntry("field", "owner");
    assertThat((String) requesters.getBody().get("error"))
        .contains("'usm-requesters', one of the product's own groups");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'ketendienst'",
        Integer.class)).as("nothing stored").isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike("usm-wf%-ketendienst")
        .count()).as("nothing deployed").isZero();

    newUser("ketenregisseur");
    assertThat(WebappSession.attemptLogin(port, "ketenregisseur", "ketenregisseur", "cockpit").status())
        .as("not yet an owner").isNotEqualTo(200);
    ResponseEntity<Map<String, Object>> person = send("designer", HttpMethod.POST, "/api/services",
        ownedBy("ketendienst", "ketenregisseur"));
    assertThat(person.getStatusCode().value()).as("%s", person.getBody()).isEqualTo(201);
    WebappSession.login(port, "ketenregisseur", "cockpit");

    newUser("ketenlid");
    identityService.saveGroup(identityService.newGroup("ketenregie-paspoort"));
    identityService.createMembership("ketenlid", "ketenregie-paspoort");
    ResponseEntity<Map<String, Object>> team = send("designer", HttpMethod.POST, "/api/services",
        ownedBy("ketendienst-team", "ketenregie-paspoort"));
    assertThat(team.getStatusCode().value()).as("%s", team.getBody()).isEqualTo(201);
    WebappSession.login(port, "ketenlid", "cockpit");
  }

  /** A user of this installation whose password is their id, as the demo users'. */
  private void newUser(String id) {
    org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
    user.setPassword(id);
    identityService.saveUser(user);
  }

  @Test
  void aServiceCannotMakeAuditorsOrDesignersWorkItsSteps() throws IOException {
    String auditorsOperate = definition("inzage", "Inzage").replace("operators: [publieksdiensten-burgerzaken]",
        "operators: [usm-auditors]");
    ResponseEntity<Map<String, Object>> refused = send("designer", HttpMethod.POST, "/api/services", auditorsOperate);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).containsEntry("field", "roles.agree.operators[0]");
    assertThat((String) refused.getBody().get("error")).contains("'usm-auditors'").contains("product's own groups");

    WebappSession designer = WebappSession.login(port, "designer", "cockpit");
    WebappSession.Response viaCockpit = designer.send("PUT", "/camunda/api/cockpit/plugin/usm/default/services/verhuizing",
        definition("verhuizing", "Verhuizing doorgeven").replace("coordinators: publieksdiensten-coordinatoren",
            "coordinators: usm-designers"), "application/yaml");
    assertThat(viaCockpit.status()).isEqualTo(400);
    assertThat(viaCockpit.body()).contains("usm-designers");
    assertThat(jdbc.queryForObject("SELECT MAX(version) FROM usm_service_version WHERE service_id = 'verhuizing'",
        Integer.class)).as("nothing stored").isEqualTo(1);
  }

  @Test
  void throughCockpitsSessionOnlyDesignersChangeServicesToo() throws IOException {
    for (String user : List.of("auditor")) {
      WebappSession session = WebappSession.login(port, user, "cockpit");
      String base = "/camunda/api/cockpit/plugin/usm/default/services";
      assertThat(session.send("POST", base, definition("sluiproute", "Sluiproute"), "application/yaml").status())
          .as(user).isEqualTo(403);
      assertThat(session.send("PUT", base + "/werkplek?migrateRunning=true", "id: werkplek", "application/yaml")
          .status()).as(user).isEqualTo(403);
      assertThat(session.request("DELETE", base + "/werkplek").status()).as(user).isEqualTo(403);
    }
    WebappSession coordinator = WebappSession.login(port, "coordinator");
    assertThat(coordinator.request("DELETE", "/camunda/api/cockpit/plugin/usm/default/services/werkplek").status())
        .isIn(401, 403);
    assertThat(jdbc.queryForList("SELECT state FROM usm_service_version WHERE service_id = 'werkplek'", String.class))
        .containsOnly("ACTIVE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'sluiproute'",
        Integer.class)).isZero();
  }

  @Test
  void onlyDesignersAndAdministratorsChangeServices() throws IOException {
    for (String user : List.of("coordinator", "auditor", "requester")) {
      ResponseEntity<Map<String, Object>> refused = send(user, HttpMethod.POST, "/api/services",
          definition("zelfgemaakt", "Zelfgemaakt"));
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(send(user, HttpMethod.DELETE, "/api/services/verhuizing", null).getStatusCode().value()).isEqualTo(403);
    }
    assertThat(send("designer", HttpMethod.POST, "/api/services", definition("verhuizing", "Dubbel"))
        .getStatusCode().value()).isEqualTo(409);
    assertThat(send("designer", HttpMethod.PUT, "/api/services/onbekend", definition("onbekend", "Onbekend"))
        .getStatusCode().value()).isEqualTo(404);
    ResponseEntity<Map<String, Object>> stale = send("designer", HttpMethod.PUT,
        "/api/services/werkplek?expectedVersion=7", "id: werkplek");
    assertThat(stale.getStatusCode().value()).as("a change to a version that is no longer the latest").isEqualTo(409);
    assertThat(stale.getBody()).containsEntry("field", "expectedVersion");
    ResponseEntity<List<Map<String, Object>>> list = rest.exchange("/api/services", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("requester")), new ParameterizedTypeReference<>() {});
    assertThat(list.getBody()).extracting("id").contains("verhuizing", "werkplek", "wmo-voorziening");
  }

  @Test
  void nobodyDesignsTheirOwnWorkSod9() throws IOException {
    org.camunda.bpm.engine.IdentityService identity = identityService;
    if (identity.createUserQuery().userId("ontwerper-balie").count() == 0) {
      newUser("ontwerper-balie");
      identity.createMembership("ontwerper-balie", "usm-designers");
      identity.createMembership("ontwerper-balie", "publieksdiensten-burgerzaken");
    }
    int versions = jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'verhuizing'",
        Integer.class);
    ResponseEntity<Map<String, Object>> change = send("ontwerper-balie", HttpMethod.PUT, "/api/services/verhuizing",
        definition("verhuizing", "Verhuizing doorgeven (eigen ontwerp)"));
    assertThat(change.getStatusCode().value()).isEqualTo(403);
    assertThat((String) change.getBody().get("error")).contains("Rule SOD-9").contains("publieksdiensten-burgerzaken");
    assertThat(send("ontwerper-balie", HttpMethod.DELETE, "/api/services/verhuizing", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(send("ontwerper-balie", HttpMethod.POST, "/api/services", definition("balie-eigen", "Eigen balie"))
        .getStatusCode().value()).as("a new service that binds their own group").isEqualTo(403);
    WebappSession.Response viaCockpit = WebappSession.login(port, "ontwerper-balie", "cockpit").send("PUT",
        "/camunda/api/cockpit/plugin/usm/default/services/verhuizing",
        definition("verhuizing", "Verhuizing doorgeven (via Cockpit)"), "application/yaml");
    assertThat(viaCockpit.status()).as("behind Cockpit's session too").isEqualTo(403);
    assertThat(viaCockpit.body()).contains("Rule SOD-9");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'verhuizing'",
        Integer.class)).isEqualTo(versions);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_service_version WHERE service_id = 'balie-eigen'",
        Integer.class)).isZero();
  }
}
