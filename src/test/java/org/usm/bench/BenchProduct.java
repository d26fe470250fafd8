package org.usm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.usm.UsmApplication;

/**
 * The product as a benchmark runs it: the demo's users and services, no demo calls, no job executor (timers fire when
 * a benchmark says so), the workflows deployed before it answers, a data folder of its own, on a free port.
 */
final class BenchProduct {

  private BenchProduct() {
  }

  /**
   * Starts the product with the given extra arguments ({@code --name=value}, later ones win), then those of
   * {@code -Dusm.bench.args="--a=b --c=d"}, so a setting can be tried without changing the benchmark.
   */
  static ConfigurableApplicationContext start(String... more) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--usm.demo.calls-enabled=false", "--usm.services.deploy-in-background=false", "--logging.level.root=WARN",
        "--usm.data-dir=" + Files.createTempDirectory("usm-bench")));
    arguments.addAll(List.of(more));
    arguments.addAll(tried());
    return new SpringApplicationBuilder(UsmApplication.class).profiles("demo").run(merged(arguments));
  }

  /**
   * The arguments with one value a name, the last given: Spring Boot would join two values of one name with a comma.
   */
  static String[] merged(List<String> arguments) {
    Map<String, String> byName = new LinkedHashMap<>();
    arguments.forEach(argument -> byName.put(argument.contains("=") ? argument.substring(0, argument.indexOf('='))
        : argument, argument));
    return byName.values().toArray(String[]::new);
  }

  /** The arguments of {@code -Dusm.bench.args="--a=b --c=d"}: a setting tried without changing a benchmark. */
  static List<String> tried() {
    String tried = System.getProperty("usm.bench.args", "").trim();
    return tried.isEmpty() ? List.of() : List.of(tried.split("\\s+"));
  }

  /**
   * Arguments that put the product on the PostgreSQL database named by {@code USM_TEST_POSTGRES_URL}, {@code _USER} and
   * {@code _PASSWORD}; empty when none is given.
   */
  static Optional<String[]> postgres() {
    String url = System.getenv("USM_TEST_POSTGRES_URL");
    return Optional.ofNullable(url).map(given -> new String[] {"--spring.datasource.url=" + given,
        "--spring.datasource.username=" + System.getenv("USM_TEST_POSTGRES_USER"),
        "--spring.datasource.password=" + System.getenv("USM_TEST_POSTGRES_PASSWORD")});
  }

  /** The product's address, for HTTP requests. */
  static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
