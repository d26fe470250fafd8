package org.usm.bench;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.usm.UsmApplication;
import org.usm.engine.UsmEnginePlugin;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;

/**
 * Prints what enforcing the USM rules costs (DESIGN §6 budget: at most 1.25x the bare engine running the
 * same models). Runs the same WF4 incidents, intake to closed, on the product with its rules plugin and on
 * the product with that plugin replaced by one that attaches nothing. Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=RulesOverheadBenchmark}.
 */
@Tag("benchmark")
class RulesOverheadBenchmark {

  private static final int WARM_UP = 50;
  private static final int CALLS = 200;

  /** The bare engine: the same product and models, no rule attached to them. */
  @Configuration
  static class WithoutRules {
    @Bean
    UsmEnginePlugin usmEnginePlugin() {
      return new UsmEnginePlugin(List.of(), null, null, null, null) {
        @Override
        public void preInit(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
          // attaches nothing
        }
      };
    }
  }

  @Test
  void printRulesOverhead() {
    // Alternated and best-of-two, so JIT warm-up of the JVM favours neither.
    double bare = 0;
    double enforced = 0;
    for (int round = 0; round < 2; round++) {
      bare = Math.max(bare, callsPerSecond(true));
      enforced = Math.max(enforced, callsPerSecond(false));
    }
    System.out.printf("%nRULES OVERHEAD (WF4 incident, 13 steps, 10 user tasks, H2 in memory)%n");
    System.out.printf("  bare engine:        %.1f calls/s%n", bare);
    System.out.printf("  with the USM rules: %.1f calls/s%n", enforced);
    System.out.printf("  cost factor:        %.2fx (budget 1.25x)%n%n", bare / enforced);
  }

  private static double callsPerSecond(boolean withoutRules) {
    SpringApplicationBuilder builder = withoutRules
        ? new SpringApplicationBuilder(UsmApplication.class, WithoutRules.class)
        : new SpringApplicationBuilder(UsmApplication.class);
    try (ConfigurableApplicationContext context = builder.profiles("demo").run("--server.port=0",
        "--spring.main.allow-bean-definition-overriding=true", "--camunda.bpm.job-execution.enabled=false", "--usm.demo.calls-enabled=false", "--usm.services.deploy-in-background=false",
        "--spring.datasource.url=jdbc:h2:mem:bench-" + withoutRules + ";DB_CLOSE_DELAY=-1",
        "--logging.level.root=WARN")) {
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      TaskService tasks = context.getBean(TaskService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      runCalls(intake, tasks, identity, WARM_UP);
      long start = System.nanoTime();
      runCalls(intake, tasks, identity, CALLS);
      return CALLS / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static void runCalls(CallIntakeService intake, TaskService tasks, IdentityService identity, int count) {
    for (int i = 0; i < count; i++) {
      String trackingNumber = intake.register(new CallRequest("verhuizing", "incident", "Benchmark", "inwoner-4711",
          null, null, null, null, null)).trackingNumber();
      for (Step step : WorkflowPattern.WF4.path()) {
        if (step.isUserTask()) {
          String user = HappyPath.demoUser(step);
          Task task = tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber)
              .taskDefinitionKey(step.id()).singleResult();
          identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
              .map(org.camunda.bpm.engine.identity.Group::getId).toList());
          tasks.complete(task.getId(), HappyPath.variables(step, WorkflowPattern.WF4));
          identity.clearAuthentication();
        }
      }
    }
  }
}
