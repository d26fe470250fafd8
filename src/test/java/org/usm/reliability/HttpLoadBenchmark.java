package org.usm.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.BenchmarkFigures;
import org.usm.testing.BenchmarkFigures.Latencies;

/**
 * Load over HTTP as the service desk and Tasklist give it: 1, 8 and 32 clients at once register service
 * requests for {@code verhuizing} (WF5) and complete their steps as the demo users (each completion after
 * reading the call's open tasks), on the packaged product with the H2 file database as shipped and on
 * PostgreSQL. Two ways of working: each client works its own calls from intake to closed (throughput), and
 * all clients share a small pool of open calls, so that two of them often complete the same step of one
 * call at the same moment (contention). Prints intakes, completions and closed calls per second, median and
 * 95th percentile latency, conflicts (a 409, or a 404 for a task another client completed first) and errors
 * (anything else: a 500 is one), and appends them to {@code target/benchmarks/http-load.csv}. Run on purpose:
 * {@code mvn -DskipTests package && mvn failsafe:integration-test failsafe:verify -Dusm.excluded-test-groups=none
 * -Dit.test=HttpLoadBenchmark}, with {@code USM_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD} for PostgreSQL.
 */
@Tag("benchmark")
class HttpLoadBenchmark {

  private static final int[] CLIENTS = {1, 8, 32};
  private static final Duration FIRST_WARM_UP = Duration.ofSeconds(30);
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final Duration MEASURED = Duration.ofSeconds(20);
  /** The JVM an operator starts ({@code java -jar}), with a heap to spare for 32 clients. */
  private static final List<String> AS_SHIPPED = List.of("-Xmx1g");
  private static final List<String> CSV_HEADER = List.of("database", "mode", "clients", "seconds", "intakes", "completions",
      "closed_calls", "intakes_per_s", "completions_per_s", "closed_calls_per_s", "intake_median_ms", "intake_p95_ms",
      "completion_median_ms", "completion_p95_ms", "conflicts", "errors");

  @TempDir
  Path work;

  @Test
  void h2File() throws Exception {
    printLoad("H2 file", List.of("--usm.data-dir=" + work.resolve("data")));
  }

  @Test
  void postgres() throws Exception {
    TestDatabases.onFreshPostgres("load", (arguments, url) -> printLoad("PostgreSQL", arguments));
  }

  private void printLoad(String database, List<String> arguments) throws Exception {
    try (ProductNode node = ProductNode.start("load", work, AS_SHIPPED, arguments)) {
      CallClient client = new CallClient(node.base());
      System.out.printf("%nHTTP LOAD, %s (WF5 service requests of verhuizing; %d s measured after %d s warm-up, "
          + "%d s before the first; latency median / 95th percentile)%n", database, MEASURED.toSeconds(),
          WARM_UP.toSeconds(), FIRST_WARM_UP.toSeconds());
      System.out.printf("  %-13s %-8s %10s %14s %10s %20s %20s %10s %7s%n", "mode", "clients", "intakes/s",
          "completions/s", "closed/s", "intake ms", "completion ms", "conflicts", "errors");
      new Round(client, 8, false).run(FIRST_WARM_UP); // a fresh JVM: compile the hot paths before any level
      for (boolean shared : new boolean[] {false, true}) {
        for (int clients : CLIENTS) {
          new Round(client, clients, shared).run(WARM_UP);
          Round round = new Round(client, clients, shared);
          round.run(MEASURED);
          report(database, round);
        }
      }
    }
  }

  private static void report(String database, Round round) {
    double seconds = MEASURED.toMillis() / 1000.0;
    String mode = round.shared ? "shared calls" : "own calls";
    System.out.printf("  %-13s %-8d %10.1f %14.1f %10.1f %20s %20s %10d %7d%n", mode, round.clientCount,
        round.intakes.count() / seconds, round.completions.count() / seconds, round.closedCalls.size() / seconds,
        String.format("%.1f / %.1f", round.intakes.medianMs(), round.intakes.p95Ms()),
        String.format("%.1f / %.1f", round.completions.medianMs(), round.completions.p95Ms()),
        round.conflicts.get(), round.errors.get());
    round.firstErrors.forEach(error -> System.out.println("    error: " + error));
    BenchmarkFigures.appendCsv("http-load", CSV_HEADER, database, mode, round.clientCount, seconds,
        round.intakes.count(), round.completions.count(), round.closedCalls.size(), round.intakes.count() / seconds,
        round.completions.count() / seconds, round.closedCalls.size() / seconds, round.intakes.medianMs(),
        round.intakes.p95Ms(), round.completions.medianMs(), round.completions.p95Ms(), round.conflicts.get(),
        round.errors.get());
  }

  /** The clients of one level, working for a while; what they were answered. */
  private static final class Round {

    private final CallClient node;
    final int clientCount;
    final boolean shared;
    /** Open calls shared by all clients: about one and a half per client, so that clients meet in calls. */
    private final List<String> openCalls = Collections.synchronizedList(new ArrayList<>());
    /** Calls seen closed, each once though several clients may find it so. */
    final Set<String> closedCalls = ConcurrentHashMap.newKeySet();
    final Latencies intakes = new Latencies();
    final Latencies completions = new Latencies();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    Round(CallClient node, int clientCount, boolean shared) {
      this.node = node;
      this.clientCount = clientCount;
      this.shared = shared;
    }

    void run(Duration duration) throws InterruptedException {
      long until = System.nanoTime() + duration.toNanos();
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < clientCount; i++) {
        Thread client = new Thread(shared ? () -> workShared(until) : () -> workOwn(until), "load-client-" + i);
        client.start();
        clients.add(client);
      }
      for (Thread client : clients) {
        client.join();
      }
    }

    /** Registers a call and works it to closed, then the next. */
    private void workOwn(long until) {
      String call = null;
      while (System.nanoTime() < until) {
        try {
          if (call == null) {
            call = register();
          } else if (!completeNextStepOf(call)) {
            call = null;
          }
        } catch (IOException e) {
          error(e.toString());
        }
      }
    }

    /** Completes the next step of any open call, registering one when there are too few. */
    private void workShared(long until) {
      while (System.nanoTime() < until) {
        try {
          if (openCalls.size() < clientCount * 3 / 2 + 1) {
            String call = register();
            if (call != null) {
              openCalls.add(call);
            }
          } else {
            String call = openCalls.get(ThreadLocalRandom.current().nextInt(openCalls.size()));
            if (!completeNextStepOf(call)) {
              openCalls.remove(call);
            }
          }
        } catch (IOException | IndexOutOfBoundsException e) {
          error(e.toString());
        }
      }
    }

    /** The tracking number of a newly registered call; null when intake refused it. */
    private String register() throws IOException {
      long start = System.nanoTime();
      CallClient.Answer answer = node.intake("verhuizing", "Load " + Thread.currentThread().getName());
      if (answer.status() == 201) {
        intakes.add(System.nanoTime() - start);
        return (String) answer.json().get("trackingNumber");
      }
      error("intake answered " + answer.status() + ": " + answer.body());
      return null;
    }

    /** Completes the call's first open step; false when the call has none left (it is closed). */
    private boolean completeNextStepOf(String call) throws IOException {
      Map<Step, String> open = node.openSteps(call);
      if (open.isEmpty()) {
        closedCalls.add(call);
        return false;
      }
      Map.Entry<Step, String> step = open.entrySet().iterator().next();
      long start = System.nanoTime();
      CallClient.Answer answer = node.completion(step.getKey(), step.getValue(), WorkflowPattern.WF5);
      if (answer.status() == 204) {
        completions.add(System.nanoTime() - start);
      } else if (answer.status() == 409 || answer.status() == 404) {
        conflicts.incrementAndGet(); // another client completed it first: what Tasklist shows as a refresh
      } else {
        error("completing " + step.getKey() + " of " + call + " answered " + answer.status() + ": " + answer.body());
      }
      return true;
    }

    private void error(String what) {
      if (errors.incrementAndGet() <= 3) {
        firstErrors.add(what);
      }
    }
  }
}
