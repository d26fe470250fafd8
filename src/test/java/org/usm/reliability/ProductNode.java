package org.usm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged product running as a process of its own, as an operator runs it ({@code java -jar}): started
 * on a free port, awaited until its health answers UP, killed with SIGKILL ({@code kill -9}) or stopped.
 */
final class ProductNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ProductNode(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The jar {@code mvn package} built; failsafe passes its path. */
  static Path jar() {
    String jar = System.getProperty("usm.jar");
    assertThat(jar).as("system property usm.jar (set by failsafe in mvn verify)").isNotNull();
    assertThat(Path.of(jar)).exists();
    return Path.of(jar);
  }

  /** The JVM of the crash and cluster tests: small, and quick to start rather than fast once warm. */
  static final List<String> QUICK_START_JVM = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1");

  /** Starts the product with the given arguments; does not wait for it (see {@link #awaitReady}). */
  static ProductNode launch(String name, Path workDir, List<String> arguments) throws IOException {
    return launch(name, workDir, QUICK_START_JVM, arguments);
  }

  /** Starts the product in a JVM with the given options; does not wait for it. */
  static ProductNode launch(String name, Path workDir, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    return launch(name, workDir, freePort(), jvmOptions, arguments);
  }

  /** Starts the product on the given port (a node restarted where others reach it); does not wait for it. */
  static ProductNode launch(String name, Path workDir, int port, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port,
        "--usm.demo.calls-enabled=false")); // the tests count their own calls
    command.addAll(arguments);
    Files.createDirectories(workDir);
    Path log = workDir.resolve(name + "-" + Instant.now().toEpochMilli() + ".log");
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new ProductNode(name, process, port, log);
  }

  static ProductNode start(String name, Path workDir, List<String> arguments) throws IOException {
    return start(name, workDir, QUICK_START_JVM, arguments);
  }

  static ProductNode start(String name, Path workDir, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    ProductNode node = launch(name, workDir, jvmOptions, arguments);
    node.awaitReady(Duration.ofSeconds(120));
    return node;
  }

  void awaitReady(Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(250);
    }
    throw new AssertionError(name + " not ready after " + timeout + ":\n" + tail());
  }

  String base() {
    return "http://localhost:" + port;
  }

  String name() {
    return name;
  }

  /** {@code kill -9}: the process ends at once, with whatever it had not yet written. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int port() {
    return port;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
