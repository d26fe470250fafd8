package org.usm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.UsmApplication;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;

/**
 * Prints what durable commits on the embedded H2 file database cost: intake and a task completion timed
 * one by one with {@code WRITE_DELAY=0} (every commit written before the product answers, as shipped) and
 * with H2's default delay of 500 ms (commits written in the background, lost by a killed process). Not
 * part of the test suite: {@code mvn test -Dusm.excluded-test-groups=none -Dtest=DurableCommitBenchmark}.
 */
@Tag("benchmark")
class DurableCommitBenchmark {

  private static final int WARM_UP = 50;
  private static final int MEASURED = 300;

  @Test
  void printDurableCommitCost() throws Exception {
    Timings delayed = null;
    Timings durable = null;
    for (int round = 0; round < 2; round++) { // alternated, the second round counts: the JIT favours neither
      delayed = measure("");
      durable = measure(";WRITE_DELAY=0");
    }
    System.out.printf("%nDURABLE COMMITS ON H2 (file database, %d of each, one at a time, median / 95th percentile)%n",
        MEASURED);
    System.out.printf("  intake:          %s with WRITE_DELAY=0, %s with H2's default delay%n", durable.intake(), delayed.intake());
    System.out.printf("  task completion: %s with WRITE_DELAY=0, %s with H2's default delay%n%n", durable.completion(),
        delayed.completion());
  }

  private record Timings(List<Long> intakeNanos, List<Long> completionNanos) {
    String intake() {
      return format(intakeNanos);
    }

    String completion() {
      return format(completionNanos);
    }

    private static String format(List<Long> nanos) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return String.format("%.2f / %.2f ms", sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 95 / 100) / 1e6);
    }
  }

  private static Timings measure(String writeDelay) throws Exception {
    Path data = Files.createTempDirectory("usm-durable-bench");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UsmApplication.class).profiles("demo")
        .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--usm.demo.calls-enabled=false", "--usm.services.deploy-in-background=false", "--logging.level.root=WARN",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("usm") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
                + writeDelay)) {
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      TaskService tasks = context.getBean(TaskService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      List<Long> intakeNanos = new ArrayList<>();
      List<Long> completionNanos = new ArrayList<>();
      for (int i = 0; i < WARM_UP + MEASURED; i++) {
        long start = System.nanoTime();
        String call = intake.register(new CallRequest("verhuizing", "incident", "Benchmark", "inwoner-4711",
            null, null, null, null, null)).trackingNumber();
        long registered = System.nanoTime();
        String task = tasks.createTaskQuery().processInstanceBusinessKey(call)
            .taskDefinitionKey(Step.R1_AcceptIncident.id()).singleResult().getId();
        identity.setAuthentication("coordinator", identity.createGroupQuery().groupMember("coordinator").list()
            .stream().map(Group::getId).toList());
        long completing = System.nanoTime();
        tasks.complete(task);
        long completed = System.nanoTime();
        identity.clearAuthentication();
        if (i >= WARM_UP) {
          intakeNanos.add(registered - start);
          completionNanos.add(completed - completing);
        }
      }
      return new Timings(intakeNanos, completionNanos);
    }
  }
}
