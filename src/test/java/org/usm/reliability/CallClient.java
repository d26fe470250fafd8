package org.usm.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;

/**
 * A client of one node over HTTP, as the service desk and Tasklist are: intake, the open tasks of a call,
 * completions as the demo user of each step, and the history to check what survived.
 */
final class CallClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String base;

  CallClient(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** Registers a service request; the tracking number when intake answered 201, empty otherwise. */
  Optional<String> register(String serviceId, String summary) throws IOException {
    Answer answer = intake(serviceId, summary);
    return answer.status() == 201 ? Optional.of((String) answer.json().get("trackingNumber")) : Optional.empty();
  }

  /** Registers a service request as the service desk, for a resident; intake's answer, whatever it is. */
  Answer intake(String serviceId, String summary) throws IOException {
    return send("servicedesk", "POST", "/api/calls", Map.of("serviceId", serviceId,
        "type", "service-request", "summary", summary, "requester", "inwoner-4711"));
  }

  /** The open USM steps of the call, as {@code step -> task id}, as an administrator sees them. */
  Map<Step, String> openSteps(String trackingNumber) throws IOException {
    Map<Step, String> steps = new LinkedHashMap<>();
    for (Map<String, Object> task : list("admin", "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber)) {
      Step.byId((String) task.get("taskDefinitionKey")).ifPresent(step -> steps.put(step, (String) task.get("id")));
    }
    return steps;
  }

  /** Completes the task as the demo user of its step with the contract's variables; the HTTP status. */
  int complete(Step step, String taskId, WorkflowPattern pattern) throws IOException {
    return completion(step, taskId, pattern).status();
  }

  /** Completes the task as the demo user of its step with the contract's variables; the engine's answer. */
  Answer completion(Step step, String taskId, WorkflowPattern pattern) throws IOException {
    Map<String, Object> variables = new LinkedHashMap<>();
    HappyPath.variables(step, pattern).forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return send(HappyPath.demoUser(step), "POST", "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables));
  }

  /** Works every open step of the call until it has none left. */
  void driveToEnd(String trackingNumber, WorkflowPattern pattern) throws IOException {
    for (int round = 0; round < 20; round++) {
      Map<Step, String> open = openSteps(trackingNumber);
      if (open.isEmpty()) {
        return;
      }
      for (Map.Entry<Step, String> task : open.entrySet()) {
        int status = complete(task.getKey(), task.getValue(), pattern);
        if (status != 204) {
          throw new AssertionError("completing " + task.getKey() + " of " + trackingNumber + " answered " + status);
        }
      }
    }
    throw new AssertionError(trackingNumber + " still has open steps: " + openSteps(trackingNumber));
  }

  /** The call as {@code GET /api/calls/{tn}} shows it to the auditor; empty when it answers 404. */
  Optional<Map<String, Object>> call(String trackingNumber) throws IOException {
    Answer response = send("auditor", "GET", "/api/calls/" + trackingNumber, null);
    return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
  }

  boolean taskCompleted(String taskId) throws IOException {
    return !list("admin", "/engine-rest/history/task?taskId=" + taskId + "&finished=true").isEmpty();
  }

  /** How many workflow instances (root instances) carry the tracking number, running or ended. */
  int rootInstances(String trackingNumber) throws IOException {
    return list("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + trackingNumber
        + "&rootProcessInstances=true&maxResults=10").size();
  }

  private List<Map<String, Object>> list(String user, String path) throws IOException {
    Answer response = send(user, "GET", path, null);
    if (response.status() != 200) {
      throw new IOException("GET " + path + " answered " + response.status() + ": " + response.body());
    }
    return JSON.readValue(response.body(), new TypeReference<>() {});
  }

  /** One request as the user (every demo password is the user id); the answer, whatever it is. */
  Answer send(String user, String method, String path, Object body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** An HTTP answer: its status and body. */
  record Answer(int status, String body) {
    Map<String, Object> json() throws IOException {
      return JSON.readValue(body, new TypeReference<>() {});
    }
  }
}
