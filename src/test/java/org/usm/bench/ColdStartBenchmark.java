package org.usm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.usm.testing.BenchmarkFigures;

/**
 * Prints the cold start of the packaged product (issue 20): {@code java -jar} as the jar runs by default (the
 * demo profile, H2 file database, no JVM options), each start a JVM of its own, with the demo services and
 * with 100 services (the demo's and generated copies of {@code verhuizing}), each first on an empty data
 * folder (fresh) and then again on the same one (restart). From process start: <em>started</em>, the first
 * 200 from {@code /actuator/health/liveness}; <em>ready</em>, {@code /actuator/health/readiness} UP (every
 * service's workflows deployed and, at a fresh start, the demo's calls written); and the resident memory
 * (VmRSS) 5 s after ready. Rounds alternate the two service counts; medians per case and the ratios are
 * printed, each start appended to {@code target/benchmarks/cold-start.csv}. Not part of the test suite:
 * {@code mvn -DskipTests package}, then
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=ColdStartBenchmark [-Dusm.bench.rounds=3]}.
 */
@Tag("benchmark")
class ColdStartBenchmark {

  private static final int SERVICES = 100;
  private static final List<String> CSV_HEADER = List.of("services", "start", "round", "started_s", "ready_s",
      "rss_mib");
  private static final String[] STARTS = {"fresh", "restart"};
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** One start: seconds to started and to ready, MiB resident 5 s after ready. */
  private record Start(double started, double ready, long rssMib) {}

  @Test
  void printColdStart() throws Exception {
    Path jar = packagedJar();
    int rounds = Integer.getInteger("usm.bench.rounds", 3);
    int demo = GeneratedServices.demoCount();
    Path generated = GeneratedServices.writeFiles(SERVICES - demo);
    int[] services = {demo, SERVICES};
    String[] locations = {GeneratedServices.DEMO_LOCATION, GeneratedServices.demoAnd(generated)};
    Path work = Files.createTempDirectory("usm-cold-start");
    System.out.printf("%nCold start: %s, %d round(s), logs in %s%n", jar.getFileName(), rounds, work);

    // starts[case][fresh|restart][round]
    Start[][][] starts = new Start[2][2][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int c = 0; c < 2; c++) {
        Path data = work.resolve(services[c] + "-services-round-" + (round + 1) + "-data");
        for (int s = 0; s < 2; s++) {
          String name = services[c] + "-services-round-" + (round + 1) + "-" + STARTS[s];
          Start start = start(jar, work, name, data, locations[c]);
          starts[c][s][round] = start;
          BenchmarkFigures.appendCsv("cold-start", CSV_HEADER, services[c], STARTS[s], round + 1, start.started(),
              start.ready(), start.rssMib());
          System.out.printf(Locale.ROOT, "  %-34s started %5.1f s, ready %5.1f s, %4d MiB resident%n", name,
              start.started(), start.ready(), start.rssMib());
        }
        delete(data); // the logs stay
      }
    }

    System.out.printf("%nCOLD START (java -jar, demo profile, H2 file database; median of %d alternated round(s); %s)%n",
        rounds, BenchmarkFigures.machine());
    System.out.printf("  %-8s  %-7s  %9s  %9s  %s%n", "services", "start", "started", "ready", "resident 5 s after ready");
    double[][][] medians = new double[2][2][];
    for (int c = 0; c < 2; c++) {
      for (int s = 0; s < 2; s++) {
        medians[c][s] = medians(starts[c][s]);
        System.out.printf(Locale.ROOT, "  %-8d  %-7s  %7.1f s  %7.1f s  %5.0f MiB%n", services[c], STARTS[s],
            medians[c][s][0], medians[c][s][1], medians[c][s][2]);
      }
    }
    for (int s = 0; s < 2; s++) {
      System.out.printf(Locale.ROOT, "  %d / %d services, %-7s: started %.2fx, ready %.2fx, resident %.2fx%n",
          SERVICES, demo, STARTS[s], medians[1][s][0] / medians[0][s][0], medians[1][s][1] / medians[0][s][1],
          medians[1][s][2] / medians[0][s][2]);
    }
    System.out.println();
  }

  /** {@code target/usm-camunda-*.jar} as {@code mvn package} leaves it (not the {@code .original}). */
  private static Path packagedJar() throws IOException {
    Path target = Path.of("target");
    List<Path> jars = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        files.filter(f -> f.getFileName().toString().matches("usm-camunda-.*\\.jar")).sorted().forEach(jars::add);
      }
    }
    Assumptions.assumeTrue(!jars.isEmpty(),
        "no packaged jar target/usm-camunda-*.jar: run mvn -DskipTests package first");
    return jars.get(0).toAbsolutePath();
  }

  /** Starts the jar on the data folder, waits until ready and 5 s more, reads its memory and stops it. */
  private static Start start(Path jar, Path work, String name, Path data, String locations) throws Exception {
    int port = freePort();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "--server.port=" + port, "--usm.data-dir=" + data, "--usm.services.locations=" + locations);
    Path log = work.resolve(name + ".log");
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      String base = "http://localhost:" + port + "/actuator/health/";
      double started = -1;
      double ready = -1;
      long until = begin + START_TIMEOUT.toNanos();
      while (ready < 0) {
        if (!process.isAlive()) {
          throw new AssertionError(name + " exited with " + process.exitValue() + ", see " + log);
        }
        if (System.nanoTime() > until) {
          throw new AssertionError(name + " not ready after " + START_TIMEOUT + ", see " + log);
        }
        if (started < 0 && answers(base + "liveness") != null) {
          started = (System.nanoTime() - begin) / 1e9;
        }
        if (started >= 0) {
          String readiness = answers(base + "readiness");
          if (readiness != null && readiness.contains("\"UP\"")) {
            ready = (System.nanoTime() - begin) / 1e9;
          }
        }
        Thread.sleep(50);
      }
      Thread.sleep(5_000);
      return new Start(started, ready, residentMib(process.pid()));
    } finally {
      stop(process);
    }
  }

  /** The body of a 200 answer; null for any other answer or none. */
  private static String answers(String url) throws InterruptedException {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
          .build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException notListeningYet) {
      return null;
    }
  }

  /** VmRSS of the process, from {@code /proc/<pid>/status}. */
  private static long residentMib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024; // kB
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  /** SIGTERM, as an operator stops it; SIGKILL when it has not ended 30 s later. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** Median started, ready and resident of the rounds (the upper middle for an even count). */
  private static double[] medians(Start[] rounds) {
    double[][] measures = new double[3][rounds.length];
    for (int r = 0; r < rounds.length; r++) {
      measures[0][r] = rounds[r].started();
      measures[1][r] = rounds[r].ready();
      measures[2][r] = rounds[r].rssMib();
    }
    double[] medians = new double[3];
    for (int m = 0; m < 3; m++) {
      double[] sorted = measures[m].clone();
      Arrays.sort(sorted);
      medians[m] = sorted[sorted.length / 2];
    }
    return medians;
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
