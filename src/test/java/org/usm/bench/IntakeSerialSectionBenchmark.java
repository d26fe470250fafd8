package org.usm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.security.IdentitySetup;
import org.usm.testing.BenchmarkFigures;

/**
 * Prints whether intake has a serial section (issue 20): until 2026-12-06 a tracking number came from its type's
 * counter row, locked until the call's workflow was started and committed, so intakes of one type waited for each
 * other; now it comes from a sequence, which makes nobody wait. Calls a second are measured with one thread, with two
 * threads on one type (both register incidents) and with two threads on two types (one registers incidents, the other
 * service requests: nothing shared but the engine), in alternated rounds. If two threads on one type come close to
 * two on two types, nothing serial limits intake on this machine. On PostgreSQL when {@code USM_TEST_POSTGRES_URL}
 * (and {@code _USER}, {@code _PASSWORD}) names an empty database, else on the shipped H2 file database. Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=IntakeSerialSectionBenchmark}.
 */
@Tag("benchmark")
class IntakeSerialSectionBenchmark {

  private static final int CALLS = Integer.getInteger("usm.bench.calls", 400);
  private static final int ROUNDS = Integer.getInteger("usm.bench.rounds", 3);

  @Test
  void printIntakeThroughput() throws Exception {
    try (ConfigurableApplicationContext context = BenchProduct.start(BenchProduct.postgres().orElse(new String[0]))) {
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      callsASecond(intake, List.of("incident", "service-request")); // warm-up
      List<List<Double>> rounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      List<List<String>> cases = List.of(List.of("incident"), List.of("incident", "incident"),
          List.of("incident", "service-request"));
      for (int round = 0; round < ROUNDS; round++) {
        for (int c = 0; c < cases.size(); c++) {
          rounds.get(c).add(callsASecond(intake, cases.get(c)));
        }
      }
      System.out.printf("%nINTAKE'S SERIAL SECTION (%s, %d calls a case, median of %d alternated rounds)%n",
          BenchProduct.postgres().isPresent() ? "PostgreSQL" : "H2 file database", CALLS, ROUNDS);
      String[] names = {"one thread", "two threads, one type", "two threads, two types"};
      for (int c = 0; c < cases.size(); c++) {
        System.out.printf("  %-28s %6.1f calls a second (rounds: %s)%n", names[c], BenchmarkFigures.median(rounds.get(c)),
            rounds.get(c).stream().map(r -> String.format("%.0f", r)).toList());
      }
      System.out.printf("  one type against two: %.2fx%n%n", BenchmarkFigures.median(rounds.get(1)) / BenchmarkFigures.median(rounds.get(2)));
    }
  }

  /** Registers {@link #CALLS} calls, a thread per type given, and returns calls a second. */
  private static double callsASecond(CallIntakeService intake, List<String> typePerThread) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(typePerThread.size());
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < typePerThread.size(); t++) {
      String type = typePerThread.get(t);
      int first = t;
      done.add(threads.submit(() -> {
        for (int i = first; i < CALLS; i += typePerThread.size()) {
          intake.register(new CallRequest("verhuizing", type, "Benchmark " + i,
              IdentitySetup.DEMO_CITIZENS.get(i % IdentitySetup.DEMO_CITIZENS.size()), "medium", "medium", null, null,
              type.equals("incident") ? "WF4" : "WF5"));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();
    return CALLS / ((System.nanoTime() - start) / 1e9);
  }

}
