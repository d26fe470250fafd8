package org.usm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.security.IdentitySetup;

/**
 * Brings a benchmark database up to N open calls through the product's intake, as the service desk registers them:
 * incidents (WF4) and service requests (WF5) in turn across the four demo services. Counts the calls already open,
 * so a database seeded for 1,000 calls grows to 10,000 by registering 9,000 more.
 */
record OpenCallSeeder(CallIntakeService intake, RuntimeService runtime) {

  private static final List<String> SERVICES = List.of("verhuizing", "wmo-voorziening", "afvalinzameling", "werkplek");
  private static final int THREADS = 2;

  /** Seconds taken to register the calls missing to {@code open}; prints progress every 10,000 calls. */
  double seedTo(int open) throws Exception {
    long already = runtime.createProcessInstanceQuery().rootProcessInstances().count();
    long start = System.nanoTime();
    ExecutorService seeders = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int first = (int) already + t;
      done.add(seeders.submit(() -> {
        for (int i = first; i < open; i += THREADS) {
          register(i);
          if (i % 10_000 == 0) {
            System.out.printf("  %,d open calls after %.0f s%n", i, (System.nanoTime() - start) / 1e9);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    seeders.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }

  /** Ids of up to {@code n} unclaimed first steps of the seeded calls (R1 of an incident, O1 of a service request). */
  static List<String> unclaimedFirstSteps(TaskService tasks, int n) {
    return tasks.createTaskQuery().taskDefinitionKeyIn(Step.R1_AcceptIncident.id(), Step.O1_AcceptServiceRequest.id())
        .taskUnassigned().listPage(0, n).stream().map(Task::getId).toList();
  }

  private void register(int i) {
    String service = SERVICES.get(i % SERVICES.size());
    boolean incident = (i / SERVICES.size()) % 2 == 0;
    List<String> requesters = service.equals("werkplek") ? IdentitySetup.DEMO_EMPLOYEES : IdentitySetup.DEMO_CITIZENS;
    intake.register(new CallRequest(service, incident ? "incident" : "service-request", "Benchmark " + i,
        requesters.get(i % requesters.size()), "medium", "medium", null, null, incident ? "WF4" : "WF5", null, null));
  }
}
