package org.usm.bench;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;

/**
 * Prints how fast an auditor reads with N calls in the database ({@code -Dusm.bench.calls}, 10,000 by default): the
 * whole trail of a call of about 30 steps (a WF1 wish whose change failed its test six times), the call list (first
 * page, and filtered), and the chain figures, each over HTTP as the auditor, median and 95th percentile, and how many
 * history rows the engine's tables hold. The calls are open calls across the demo services plus 500 WF4 incidents
 * worked to closed. On the shipped H2 file database, or on PostgreSQL when {@code USM_TEST_POSTGRES_URL} (and
 * {@code _USER}, {@code _PASSWORD}) names a database: its open calls stay, so the database of
 * {@link TasklistScaleBenchmark} serves as it is. Targets: the trail and the list well under 200 ms; on PostgreSQL
 * over a million history rows, the trail's p95 at most 100 ms (DESIGN §15). Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=AuditorReadBenchmark}.
 */
@Tag("benchmark")
class AuditorReadBenchmark {

  private static final int CALLS = Integer.getInteger("usm.bench.calls", 10_000);
  private static final int CLOSED = 500;
  private static final int FAILED_TESTS = 6;
  private static final int WARM_UP = 20;
  private static final int MEASURED = 100;

  @Test
  void printAuditorReadTimes() throws Exception {
    String[] postgres = BenchProduct.postgres().orElse(new String[0]);
    try (ConfigurableApplicationContext context = BenchProduct.start(postgres)) {
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      TaskService tasks = context.getBean(TaskService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      HttpTimer auditor = new HttpTimer(BenchProduct.base(context), "auditor", WARM_UP, MEASURED);

      WorkedCalls worked = new WorkedCalls(intake, tasks, identity);
      long seeding = System.nanoTime();
      for (int i = 0; i < CLOSED; i++) {
        worked.closedIncident(i);
      }
      new OpenCallSeeder(intake, context.getBean(RuntimeService.class)).seedTo(CALLS - 1);
      String wish = intake.register(new CallRequest("verhuizing", "wish", "Verhuizing via de app", "inwoner-4711",
          null, null, null, null, null)).trackingNumber();
      int steps = 0;
      for (Step step : WorkflowPattern.WF1.path()) {
        if (!step.isUserTask()) {
          continue;
        }
        if (step == Step.C5_TestAndRelease) {
          for (int round = 0; round < FAILED_TESTS; round++) {
            worked.complete(wish, step, Map.of(CallVariables.TEST_ACCEPTED, false));
            worked.complete(wish, Step.C3_PlanAndAgree, HappyPath.variables(Step.C3_PlanAndAgree,
                WorkflowPattern.WF1, "verhuizing"));
            worked.complete(wish, Step.C4_PrepareChange, Map.of());
            steps += 3;
          }
        }
        worked.complete(wish, step, HappyPath.variables(step, WorkflowPattern.WF1, "verhuizing"));
        steps++;
      }
      System.out.printf("%nseeded to %,d open calls, %d closed and one WF1 call of %d steps in %.0f s%n", CALLS - 1,
          CLOSED, steps, (System.nanoTime() - seeding) / 1e9);

      String trail = auditor.get("/api/calls/" + wish + "/audit");
      System.out.printf("%nAUDITOR READS WITH %,d OPEN CALLS AND %,d HISTORY ROWS (%s, HTTP as 'auditor', %d runs, "
          + "median / 95th percentile)%n", context.getBean(RuntimeService.class).createProcessInstanceQuery()
          .rootProcessInstances().count(), historyRows(context.getBean(JdbcTemplate.class)),
          postgres.length > 0 ? "PostgreSQL" : "H2 file database", MEASURED);
      System.out.printf("  trail of a %d-step call (%d entries, %,d bytes): %s%n", steps,
          trail.split("\"occurredAt\"").length - 1, trail.length(), auditor.time("/api/calls/" + wish + "/audit"));
      System.out.printf("  trail as CSV:                               %s%n", auditor.time("/api/calls/" + wish + "/audit?format=csv"));
      System.out.printf("  call list, first page of 25:                %s%n", auditor.time("/api/calls"));
      System.out.printf("  call list, closed incidents of a service:   %s%n",
          auditor.time("/api/calls?status=closed&type=incident&serviceId=verhuizing&size=50"));
      System.out.printf("  call list, page 200 of 25:                  %s%n", auditor.time("/api/calls?page=200"));
      System.out.printf("  call tree with paths:                       %s%n", auditor.time("/api/calls/" + wish + "/instances"));
      System.out.printf("  chain figures, all services (90 days):      %s%n%n", auditor.time("/api/kpis"));
    }
  }

  /** The rows of the engine's history tables ({@code ACT_HI_*}). */
  private static long historyRows(JdbcTemplate jdbc) {
    return jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) LIKE 'ACT\\_HI\\_%'",
        String.class).stream().mapToLong(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).sum();
  }
}
