package org.usm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** Times requests to a running product as a demo user: median and 95th percentile after a warm-up. */
final class HttpTimer {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String user;
  private final int warmUp;
  private final int measured;

  HttpTimer(String base, String user, int warmUp, int measured) {
    this.base = base;
    this.user = user;
    this.warmUp = warmUp;
    this.measured = measured;
  }

  /** "median / p95 ms" of the path. */
  String time(String path) throws Exception {
    double[] times = times(() -> get(path));
    return String.format("%.1f / %.1f ms", times[0], times[1]);
  }

  /** What one run of a request (or of several) does. */
  interface Request {
    void run() throws Exception;
  }

  /** Median and 95th percentile in ms of the request after the warm-up. */
  double[] times(Request request) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < warmUp + measured; i++) {
      long start = System.nanoTime();
      request.run();
      if (i >= warmUp) {
        nanos.add(System.nanoTime() - start);
      }
    }
    Collections.sort(nanos);
    return new double[] {nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 95 / 100) / 1e6};
  }

  /** A request that claims and completes the next of the tasks as this timer's user, over {@code /engine-rest}. */
  Request claimAndCompleteEach(List<String> taskIds) {
    int[] next = {0};
    return () -> {
      String task = taskIds.get(next[0]++);
      post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}");
      post("/engine-rest/task/" + task + "/complete", "{\"variables\":{}}");
    };
  }

  /** The body of a 200 answer; anything else fails the benchmark. */
  String get(String path) throws Exception {
    return send(path, authorized(path).GET());
  }

  /** POSTs JSON; anything but 2xx fails the benchmark. */
  String post(String path, String json) throws Exception {
    return send(path, authorized(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  private String send(String path, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
