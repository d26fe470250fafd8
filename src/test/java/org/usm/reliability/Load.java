package org.usm.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * Clients working one node at once: each registers service requests and completes open steps of the calls
 * registered so far, and notes what the node acknowledged (a 201 for a call, a 204 for a completion), and
 * every server error. Other failures are not noted: they are what a client retries.
 */
final class Load {

  /** A completion the node acknowledged. */
  record Completion(String trackingNumber, Step step, String taskId) {}

  final List<String> acknowledgedCalls = Collections.synchronizedList(new ArrayList<>());
  /** Which node registered each acknowledged call. */
  final Map<String, String> registeredAt = new java.util.concurrent.ConcurrentHashMap<>();
  final List<Completion> acknowledgedCompletions = Collections.synchronizedList(new ArrayList<>());
  /**
   * Answers 500 from a node that was up: two clients completing in one call at once must be told who was
   * first (404, 409), never get a server error.
   */
  final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());

  private final String serviceId;
  private final Set<Step> steps;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> clients = new ArrayList<>();

  /** Clients that register calls for the service and complete open steps among {@code steps}. */
  Load(String serviceId, Set<Step> steps) {
    this.serviceId = serviceId;
    this.steps = steps;
  }

  /** Starts the clients against the nodes, spread over them in turn. */
  void start(int clientCount, List<CallClient> nodes) {
    running.set(true);
    clients.clear();
    for (int i = 0; i < clientCount; i++) {
      CallClient node = nodes.get(i % nodes.size());
      Thread client = new Thread(() -> work(node), "load-" + i + "@" + node.base());
      client.start();
      clients.add(client);
    }
  }

  /** Waits until the nodes acknowledged this many calls in all, so that a kill hits a node under load. */
  void awaitCalls(int count, java.time.Duration timeout) {
    java.time.Instant until = java.time.Instant.now().plus(timeout);
    while (acknowledgedCalls.size() < count) {
      if (java.time.Instant.now().isAfter(until)) {
        throw new AssertionError("only " + acknowledgedCalls.size() + " of " + count + " calls acknowledged in " + timeout);
      }
      ProductNode.sleep(100);
    }
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread client : clients) {
      client.join(60_000);
    }
  }

  private CallClient.Answer noted(CallClient.Answer answer) {
    if (answer.status() == 500) {
      serverErrors.add(answer.body());
    }
    return answer;
  }

  private void work(CallClient node) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running.get()) {
      try {
        if (acknowledgedCalls.isEmpty() || random.nextInt(3) == 0) {
          CallClient.Answer answer = noted(node.intake(serviceId, "Load " + Thread.currentThread().getName()));
          if (answer.status() == 201) {
            String call = (String) answer.json().get("trackingNumber");
            acknowledgedCalls.add(call);
            registeredAt.put(call, node.base());
          }
        } else {
          String call = acknowledgedCalls.get(random.nextInt(acknowledgedCalls.size()));
          for (Map.Entry<Step, String> open : node.openSteps(call).entrySet()) {
            if (steps.contains(open.getKey())
                && noted(node.completion(open.getKey(), open.getValue(), WorkflowPattern.WF5)).status() == 204) {
              acknowledgedCompletions.add(new Completion(call, open.getKey(), open.getValue()));
            }
            break;
          }
        }
      } catch (IOException nodeGoneOrBusy) {
        ProductNode.sleep(50);
      }
    }
  }
}
