package org.usm.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usm.chain.EndedCallFacts;
import org.usm.intake.CallStatus;
import org.usm.intake.CallStatusChanged;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * Prints how fast an owner's chain figures answer over 100,000 calls of the last 90 days (DESIGN §13: within a
 * second), on the shipped H2 file database. The register is filled the way the product writes it (a call row,
 * a completion row per step of its path with the team, opened, first claimed and completed, and for an ended
 * call its steps on its row, by the product's own {@link EndedCallFacts}), by batched inserts: the figures read
 * only these tables, and seeding 100,000 calls through the engine would take hours.
 * Not part of the test suite: {@code mvn test -Dusm.excluded-test-groups=none -Dtest=ChainFiguresBenchmark}.
 */
@Tag("benchmark")
class ChainFiguresBenchmark {

  private static final int CALLS = 100_000;
  private static final int DAYS = 88;
  private static final List<String> SERVICES = List.of("verhuizing", "werkplek", "wmo-voorziening", "afvalinzameling");
  private static final List<WorkflowPattern> PATTERNS = List.of(WorkflowPattern.WF4, WorkflowPattern.WF4,
      WorkflowPattern.WF5, WorkflowPattern.WF5, WorkflowPattern.WF3, WorkflowPattern.WF2);

  @Test
  void printChainFigureTimes() throws Exception {
    try (ConfigurableApplicationContext context = BenchProduct.start()) {
      long seeding = System.nanoTime();
      int steps = seed(context.getBean(JdbcTemplate.class), context.getBean(EndedCallFacts.class));
      System.out.printf("%nseeded %,d calls and %,d step completions in %.0f s%n", CALLS, steps,
          (System.nanoTime() - seeding) / 1e9);

      HttpTimer auditor = new HttpTimer(BenchProduct.base(context), "auditor", 3, 20);
      System.out.printf("%nCHAIN FIGURES OVER %,d CALLS OF THE LAST 90 DAYS (H2 file database, HTTP as 'auditor', 20 "
          + "runs, median / 95th percentile)%n", CALLS);
      System.out.printf("  all services, GET /api/kpis:                       %s%n", auditor.time("/api/kpis"));
      System.out.printf("  all services per month, ?interval=month:           %s%n",
          auditor.time("/api/kpis?interval=month"));
      System.out.printf("  one service per week (the report's trend):         %s%n",
          auditor.time("/api/kpis?serviceId=verhuizing&interval=week"));
      System.out.printf("  one service as CSV:                                %s%n%n",
          auditor.time("/api/kpis?serviceId=verhuizing&format=csv"));
    }
  }

  /** Calls registered over the period, most closed and fulfilled, a few reworked; every step by its team. */
  private static int seed(JdbcTemplate jdbc, EndedCallFacts ended) {
    Random random = new Random(42);
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
    List<Object[]> calls = new ArrayList<>();
    List<String> closedCalls = new ArrayList<>();
    List<Object[]> completions = new ArrayList<>();
    int steps = 0;
    for (int i = 0; i < CALLS; i++) {
      String trackingNumber = String.format("INC-2026-%06d", i + 1);
      String service = SERVICES.get(i % SERVICES.size());
      WorkflowPattern pattern = PATTERNS.get(random.nextInt(PATTERNS.size()));
      Instant registered = start.plusSeconds(random.nextInt(DAYS * 24 * 3600));
      Instant due = registered.plus(Duration.ofHours(16));
      Instant at = registered;
      String instance = "pi-" + i;
      for (Step step : pattern.path()) {
        if (!step.isUserTask()) {
          continue;
        }
        Instant claimed = at.plusSeconds(60 + random.nextInt(4 * 3600));
        Instant completed = claimed.plusSeconds(60 + random.nextInt(3 * 3600));
        String group = step.role().orElseThrow().name().equals("COORDINATOR") ? service + "-coordinatoren"
            : service + "-uitvoering";
        completions.add(new Object[] {trackingNumber, step.process().key(), instance, step.id(), "user", group,
            Timestamp.from(at), Timestamp.from(claimed), Timestamp.from(completed)});
        at = completed;
        steps++;
      }
      boolean closed = at.isBefore(Instant.now());
      if (closed) {
        closedCalls.add(trackingNumber);
      }
      calls.add(new Object[] {trackingNumber, service, pattern.entryProcess().name().toLowerCase(), pattern.name(),
          closed ? "closed" : "in progress", "Benchmark " + i, "inwoner-4711", Timestamp.from(registered),
          Timestamp.from(due), instance, pattern.name(), closed ? Timestamp.from(at.minusSeconds(3600)) : null,
          closed ? Timestamp.from(at) : null, random.nextInt(20) == 0 ? 1 : 0});
      if (calls.size() == 5_000) {
        flush(jdbc, calls, completions);
      }
    }
    flush(jdbc, calls, completions);
    // As the product does when a call closes: its steps onto its row.
    closedCalls.forEach(call -> ended.callEnded(new CallStatusChanged(call, CallStatus.CLOSED, null)));
    return steps;
  }

  private static void flush(JdbcTemplate jdbc, List<Object[]> calls, List<Object[]> completions) {
    jdbc.batchUpdate("INSERT INTO usm_call (tracking_number, service_id, call_type, pattern, status, summary, "
        + "requester, registered_at, sla_due_at, process_instance_id, predicted_pattern, fulfilled_at, closed_at, "
        + "rework_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", calls);
    jdbc.batchUpdate("INSERT INTO usm_step_completion (tracking_number, process_key, process_instance_id, step, "
        + "user_id, group_id, opened_at, claimed_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", completions);
    calls.clear();
    completions.clear();
  }
}
