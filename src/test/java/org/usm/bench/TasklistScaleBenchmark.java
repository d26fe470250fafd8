package org.usm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.UsmApplication;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.security.IdentitySetup;
import org.usm.tasks.TasklistFilters;

/**
 * Prints what Tasklist costs the coordinator with N open calls on PostgreSQL (issue 20, DESIGN §15): the
 * "my-groups" filter's first page sorted by due date and its count, as Tasklist asks them over
 * {@code /engine-rest}, and a completion of an R1 step (claim, then complete), median and 95th percentile.
 * Targets: list and count p95 ≤ 300 ms at 10,000 calls; a completion's p95 within 1.2x from 1,000 to 100,000.
 * Rows go to {@code target/benchmarks/tasklist-scale.csv}. Not part of the test suite:
 * {@code mvn test -Dusm.excluded-test-groups=none -Dtest=TasklistScaleBenchmark -Dusm.bench.open-calls=10000}
 * with {@code USM_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} set to an empty database.
 */
@Tag("benchmark")
class TasklistScaleBenchmark {

  private static final int WARM_UP = 10;
  private static final int MEASURED = 50;
  private static final int SEEDERS = 2;
  /** Tasklist's list request: the first page, sorted by due date (as the Tasklist webapp sends it). */
  private static final String LIST_BODY = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
      + "\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"active\":true}";

  @Test
  void printTasklistTimes() throws Exception {
    String url = System.getenv("USM_TEST_POSTGRES_URL");
    Assumptions.assumeTrue(url != null, "no PostgreSQL given (USM_TEST_POSTGRES_URL)");
    int calls = Integer.getInteger("usm.bench.open-calls", 1_000);
    Path data = Files.createTempDirectory("usm-tasklist-bench");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UsmApplication.class).profiles("demo")
        .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--usm.demo.calls-enabled=false",
            "--usm.services.deploy-in-background=false", "--logging.level.root=WARN", "--usm.data-dir=" + data,
            "--spring.datasource.url=" + url, "--spring.datasource.username=" + System.getenv("USM_TEST_POSTGRES_USER"),
            "--spring.datasource.password=" + System.getenv("USM_TEST_POSTGRES_PASSWORD"))) {
      CallIntakeService intake = context.getBean(CallIntakeService.class);
      TaskService tasks = context.getBean(TaskService.class);
      String filter = TasklistFilters.byKey(context.getBean(FilterService.class), "my-groups").orElseThrow().getId();
      String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();

      long seeding = System.nanoTime();
      ExecutorService seeders = Executors.newFixedThreadPool(SEEDERS);
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < SEEDERS; s++) {
        int first = s;
        done.add(seeders.submit(() -> {
          for (int i = first; i < calls; i += SEEDERS) {
            intake.register(new CallRequest("verhuizing", "incident", "Benchmark " + i,
                IdentitySetup.DEMO_CITIZENS.get(i % IdentitySetup.DEMO_CITIZENS.size()), "medium", "medium",
                null, null, "WF4"));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      seeders.shutdown();
      System.out.printf("%nseeded %,d open calls in %.0f s%n", calls, (System.nanoTime() - seeding) / 1e9);

      Http coordinator = new Http(base, "coordinator");
      String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
      String count = "/engine-rest/filter/" + filter + "/count";
      List<String> rows = new ArrayList<>();
      rows.add(row(calls, "filter list", timed(() -> coordinator.post(list, LIST_BODY))));
      rows.add(row(calls, "filter count", timed(() -> coordinator.post(count, "{}"))));
      List<Task> open = tasks.createTaskQuery().taskDefinitionKeyIn(Step.R1_AcceptIncident.id(),
          Step.O1_AcceptServiceRequest.id()).listPage(0, WARM_UP + MEASURED);
      int[] next = {0};
      rows.add(row(calls, "claim and complete", timed(() -> {
        String task = open.get(next[0]++).getId();
        coordinator.post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"coordinator\"}");
        coordinator.post("/engine-rest/task/" + task + "/complete", "{\"variables\":{}}");
      })));
      Path csv = Path.of("target/benchmarks/tasklist-scale.csv");
      Files.createDirectories(csv.getParent());
      if (!Files.exists(csv)) {
        Files.writeString(csv, "date,revision,N,read,median_ms,p95_ms\n");
      }
      Files.write(csv, rows, StandardOpenOption.APPEND);
      System.out.printf("%nTASKLIST WITH %,d OPEN CALLS (PostgreSQL, HTTP as 'coordinator', %d runs)%n", calls, MEASURED);
      rows.forEach(System.out::println);
    }
  }

  private interface Request {
    void run() throws Exception;
  }

  /** Median and 95th percentile in ms after a warm-up. */
  private static double[] timed(Request request) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      long start = System.nanoTime();
      request.run();
      if (i >= WARM_UP) {
        nanos.add(System.nanoTime() - start);
      }
    }
    Collections.sort(nanos);
    return new double[] {nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 95 / 100) / 1e6};
  }

  private static String row(int calls, String read, double[] times) throws Exception {
    Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
    String revision = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return String.format(java.util.Locale.ROOT, "%s,%s,%d,%s,%.1f,%.1f", LocalDate.now(), revision, calls, read,
        times[0], times[1]);
  }

  /** POSTs JSON as a demo user; anything but 2xx fails the benchmark. */
  private record Http(String base, String user) {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    String post(String path, String json) throws Exception {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
              .getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    }
  }
}
