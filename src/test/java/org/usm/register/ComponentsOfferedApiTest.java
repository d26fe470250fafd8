package org.usm.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
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
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.testing.UsmApi;

/**
 * C3 Plan & agree offers the service's managed components (issue 19: it asked for ids and offered none): the
 * task carries exactly the components the register holds for the call's service, with their names; the
 * coordinator cannot change the offer; a completion naming an offered id passes rule H1 and is the change's.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ComponentsOfferedApiTest {

  private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> VARIABLES =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ManagedInfrastructureRegister mir;

  @Test
  void thePlanOffersExactlyTheServicesComponentsAndAChosenOnePassesTheRules() {
    UsmApi api = new UsmApi(rest);
    String rfc = api.register("servicedesk", new HashMap<>(Map.of("serviceId", "werkplek", "type", "rfc",
        "summary", "Nieuwe versie van de VPN-client", "requester", "medewerker-0815")));
    api.complete("coordinator", rfc, Step.C1_AcceptRfc, Map.of());
    String task = taskService.createTaskQuery().processInstanceBusinessKey(rfc)
        .taskDefinitionKey(Step.C3_PlanAndAgree.id()).singleResult().getId();

    ResponseEntity<Map<String, Map<String, Object>>> form = rest.exchange("/engine-rest/task/" + task
        + "/form-variables", HttpMethod.GET, new HttpEntity<>(UsmApi.headers("coordinator")), VARIABLES);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    String offered = (String) form.getBody().get(CallVariables.SERVICE_COMPONENTS).get("value");
    List<ManagedInfrastructureRegister.Component> components = mir.components("werkplek");
    assertThat(components).hasSizeGreaterThan(1);
    assertThat(Arrays.asList(offered.split("\n"))).as("the register's components of werkplek, id and name")
        .containsExactlyElementsOf(components.stream().map(c -> "- " + c.componentId() + " – " + c.name()).toList());
    assertThat(mir.components("verhuizing")).noneMatch(other -> offered.contains(other.componentId()));

    ResponseEntity<String> changedOffer = api.completeTask("coordinator", rfc, Step.C3_PlanAndAgree,
        Map.of(CallVariables.SERVICE_COMPONENTS, "- eigen-server – Mijn server",
            CallVariables.CHANGED_COMPONENTS, components.get(0).componentId()));
    assertThat(changedOffer.getStatusCode().value()).isEqualTo(403);
    assertThat(changedOffer.getBody()).contains("Regel T1").contains(CallVariables.SERVICE_COMPONENTS);

    String chosen = components.get(1).componentId();
    api.complete("coordinator", rfc, Step.C3_PlanAndAgree, Map.of(CallVariables.CHANGED_COMPONENTS, chosen));
    assertThat(api.callBody("auditor", rfc).get(CallVariables.CHANGED_COMPONENTS)).isEqualTo(List.of(chosen));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(rfc)
        .taskDefinitionKey(Step.C4_PrepareChange.id()).count()).as("the change goes on to be built").isEqualTo(1);
  }
}
