package org.usm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.usm.model.Step;

/**
 * The product's HTTP API as a client uses it: intake over {@code /api/calls}, tasks over the engine's
 * REST API found by business key and completed with the contract's variables, as a given demo user.
 */
public final class UsmApi {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};

  private final TestRestTemplate rest;

  public UsmApi(TestRestTemplate rest) {
    this.rest = rest;
  }

  public ResponseEntity<Map<String, Object>> registerCall(String user, Map<String, Object> call) {
    return rest.exchange("/api/calls", HttpMethod.POST, new HttpEntity<>(call, headers(user)), JSON);
  }

  /** Registers a call and returns its tracking number; fails unless intake answers 201. */
  public String register(String user, Map<String, Object> call) {
    ResponseEntity<Map<String, Object>> response = registerCall(user, call);
    assertThat(response.getStatusCode().value()).as("intake answer %s", response.getBody()).isEqualTo(201);
    return (String) response.getBody().get("trackingNumber");
  }

  public ResponseEntity<Map<String, Object>> call(String user, String trackingNumber) {
    return rest.exchange("/api/calls/" + trackingNumber, HttpMethod.GET, new HttpEntity<>(headers(user)), JSON);
  }

  public Map<String, Object> callBody(String user, String trackingNumber) {
    ResponseEntity<Map<String, Object>> response = call(user, trackingNumber);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  /** The open tasks of a call that the user may see, from {@code GET /engine-rest/task?processInstanceBusinessKey=}. */
  public List<Map<String, Object>> tasks(String user, String trackingNumber) {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange(
        "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber, HttpMethod.GET,
        new HttpEntity<>(headers(user)), JSON_LIST);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  /** Completes the call's task at the step as the user; fails unless the user sees exactly that task. */
  public void complete(String user, String trackingNumber, Step step, Map<String, Object> variables) {
    ResponseEntity<String> response = completeTask(user, trackingNumber, step, variables);
    assertThat(response.getStatusCode().value()).as("completing %s: %s", step, response.getBody()).isEqualTo(204);
  }

  /** Works every user task of the pattern's path in order, each as the demo user of the step's role. */
  public void drive(String trackingNumber, org.usm.model.WorkflowPattern pattern) {
    String serviceId = (String) callBody("auditor", trackingNumber).get("serviceId");
    for (Step step : pattern.path()) {
      if (step.isUserTask()) {
        complete(HappyPath.demoUser(step), trackingNumber, step, HappyPath.variables(step, pattern, serviceId));
      }
    }
  }

  public ResponseEntity<String> completeTask(String user, String trackingNumber, Step step,
      Map<String, Object> variables) {
    List<Map<String, Object>> atStep = tasks(user, trackingNumber).stream()
        .filter(t -> step.id().equals(t.get("taskDefinitionKey"))).toList();
    assertThat(atStep).as("%s sees the task %s of %s", user, step.id(), trackingNumber).hasSize(1);
    Map<String, Object> body = Map.of("variables", typed(variables));
    return rest.exchange("/engine-rest/task/" + atStep.get(0).get("id") + "/complete", HttpMethod.POST,
        new HttpEntity<>(body, headers(user)), String.class);
  }

  /** The engine REST API's variable format: {@code {"name": {"value": v, "type": "Boolean"}}}. */
  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name,
        Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
    return typed;
  }

  public static HttpHeaders headers(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, user); // every demo password is the user id
    }
    return headers;
  }
}
