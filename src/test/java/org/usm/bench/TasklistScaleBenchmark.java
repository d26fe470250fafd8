package org.usm.bench;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.intake.CallIntakeService;
import org.usm.tasks.TasklistFilters;
import org.usm.testing.BenchmarkFigures;

/**
 * Prints what Tasklist costs the coordinator with N open calls, on PostgreSQL above all (issue 20, DESIGN §15): the
 * "my-groups" filter's first page (newest first, Tasklist's default) and its count, as Tasklist asks them over
 * {@code /engine-rest}, and a completion of an R1 step (claim, then complete), median and 95th percentile.
 * Targets: list and count p95 ≤ 300 ms at 10,000 calls; a completion's p95 within 1.2x from 1,000 to 100,000.
 * Rows go to {@code target/benchmarks/tasklist-scale.csv}. Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=TasklistScaleBenchmark -Dusm.bench.open-calls=10000}
 * with {@code USM_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} naming a database of its own: the open calls
 * stay, so a run for 10,000 after one for 1,000 registers 9,000 more. Without them, on the shipped H2 file database
 * in a new folder.
 */
@Tag("benchmark")
class TasklistScaleBenchmark {

  private static final int WARM_UP = 20;
  private static final int MEASURED = 100;
  /** {@code -Dusm.bench.completion-only=true}: time the completion alone (the list and count take long at 100,000). */
  private static final boolean COMPLETION_ONLY = Boolean.getBoolean("usm.bench.completion-only");
  /**
   * Tasklist's list request as the webapp sends it when the filter is opened: the first page of 15, sorted by its
   * default, newest first ({@code created desc}; the product's filters do not sort).
   */
  private static final String LIST_BODY = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
      + "\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"active\":true}";

  @Test
  void printTasklistTimes() throws Exception {
    String[] postgres = BenchProduct.postgres().orElse(new String[0]);
    int calls = Integer.getInteger("usm.bench.open-calls", 1_000);
    try (ConfigurableApplicationContext context = BenchProduct.start(postgres)) {
      TaskService tasks = context.getBean(TaskService.class);
      String filter = TasklistFilters.byKey(context.getBean(FilterService.class), "my-groups").orElseThrow().getId();

      double seeding = new OpenCallSeeder(context.getBean(CallIntakeService.class),
          context.getBean(RuntimeService.class)).seedTo(calls);
      System.out.printf("%nseeded to %,d open calls in %.0f s%n", calls, seeding);

      HttpTimer coordinator = new HttpTimer(BenchProduct.base(context), "coordinator", WARM_UP, MEASURED);
      String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
      String count = "/engine-rest/filter/" + filter + "/count";
      System.out.printf("%nTASKLIST WITH %,d OPEN CALLS (%s, HTTP as 'coordinator', %d runs, median / p95)%n",
          calls, postgres.length > 0 ? "PostgreSQL" : "H2 file database", MEASURED);
      if (!COMPLETION_ONLY) {
        report(calls, "filter list", coordinator.times(() -> coordinator.post(list, LIST_BODY)));
        report(calls, "filter count", coordinator.times(() -> coordinator.post(count, "{}")));
      }
      report(calls, "claim and complete", coordinator.times(coordinator.claimAndCompleteEach(
          OpenCallSeeder.unclaimedFirstSteps(tasks, WARM_UP + MEASURED))));
    }
  }

  /** Prints a line and appends it to {@code target/benchmarks/tasklist-scale.csv}. */
  private static void report(int calls, String read, double[] times) {
    System.out.printf("  %-20s %7.1f / %7.1f ms%n", read, times[0], times[1]);
    BenchmarkFigures.appendCsv("tasklist-scale", List.of("N", "read", "median_ms", "p95_ms", "database"), calls, read,
        times[0], times[1], BenchProduct.postgres().isPresent() ? "PostgreSQL" : "H2");
  }
}
