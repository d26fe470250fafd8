package org.usm.bench;

import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usm.intake.CallIntakeService;
import org.usm.retention.CallRetention;

/**
 * Prints what removing closed calls past their time to live costs (issue 20): with N open calls
 * ({@code -Dusm.bench.open-calls}, 10,000 by default) and M closed WF4 incidents ({@code -Dusm.bench.closed-calls},
 * 1,000), the engine's clock is moved 731 days on (the models' time to live is 730 days), Camunda's history cleanup
 * runs job by job until the closed calls' history is gone, then the product's own rows follow
 * ({@link CallRetention}). Prints the seconds each took and the rows removed, and the p95 of a coordinator's
 * completion (claim and complete over {@code /engine-rest}) before the cleanup and while it runs ("without slowing the
 * day"). On PostgreSQL when {@code USM_TEST_POSTGRES_URL} (and {@code _USER}, {@code _PASSWORD}) names a database, whose
 * open calls stay; else on the shipped H2 file database. Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=RetentionBenchmark}.
 */
@Tag("benchmark")
class RetentionBenchmark {

  private static final int WARM_UP = 20;
  private static final int MEASURED = 100;

  @Test
  void printRetentionCost() throws Exception {
    int open = Integer.getInteger("usm.bench.open-calls", 10_000);
    int closed = Integer.getInteger("usm.bench.closed-calls", 1_000);
    try (ConfigurableApplicationContext context = BenchProduct.start(BenchProduct.postgres().orElse(new String[0]))) {
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      TaskService tasks = context.getBean(TaskService.class);
      HistoryService history = context.getBean(HistoryService.class);
      ManagementService management = context.getBean(ManagementService.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      new OpenCallSeeder(intake, context.getBean(RuntimeService.class)).seedTo(open);
      WorkedCalls worked = new WorkedCalls(intake, tasks, context.getBean(IdentityService.class));
      long seeding = System.nanoTime();
      for (int i = 0; i < closed; i++) {
        worked.closedIncident(i);
      }
      System.out.printf("%nclosed %,d calls in %.0f s%n", closed, (System.nanoTime() - seeding) / 1e9);

      HttpTimer coordinator = new HttpTimer(BenchProduct.base(context), "coordinator", WARM_UP, MEASURED);
      HttpTimer.Request completion = coordinator.claimAndCompleteEach(
          OpenCallSeeder.unclaimedFirstSteps(tasks, 2 * (WARM_UP + MEASURED)));
      double[] before = coordinator.times(completion);

      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 731L * 24 * 3600 * 1000));
      try {
        long expiredRows = expired(jdbc);
        ExecutorService cleaner = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        Future<double[]> cleanup = cleaner.submit(() -> {
          Job job = history.cleanUpHistoryAsync(true);
          int runs = 0;
          while (expired(jdbc) > 0) {
            if (runs++ == 100_000) {
              throw new IllegalStateException("the history cleanup removes nothing more");
            }
            management.executeJob(job.getId());
          }
          double engine = (System.nanoTime() - start) / 1e9;
          int calls = context.getBean(CallRetention.class).removeExpiredCalls();
          return new double[] {engine, (System.nanoTime() - start) / 1e9 - engine, calls, runs};
        });
        double[] during = coordinator.times(completion);
        boolean overlapped = !cleanup.isDone();
        double[] cleaned = cleanup.get();
        cleaner.shutdown();
        System.out.printf("%nRETENTION WITH %,d OPEN AND %,d CLOSED CALLS (%s)%n", open, closed,
            BenchProduct.postgres().isPresent() ? "PostgreSQL" : "H2 file database");
        System.out.printf("  engine's history cleanup: %.1f s in %d job runs (%,d process instance and activity "
            + "history rows, with the other history of those instances)%n", cleaned[0], (int) cleaned[3], expiredRows);
        System.out.printf("  the product's rows of %d calls: %.2f s%n", (int) cleaned[2], cleaned[1]);
        System.out.printf("  a completion, median / p95: %.1f / %.1f ms before, %.1f / %.1f ms while cleaning%s%n%n",
            before[0], before[1], during[0], during[1], overlapped ? "" : " (the cleanup ended first)");
      } finally {
        ClockUtil.reset();
      }
    }
  }

  /** History rows of ended instances whose removal time has come (the process instances and their activities). */
  private static long expired(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= ?) "
        + "+ (SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE REMOVAL_TIME_ <= ?)", Long.class, ClockUtil.getCurrentTime(),
        ClockUtil.getCurrentTime());
  }
}
