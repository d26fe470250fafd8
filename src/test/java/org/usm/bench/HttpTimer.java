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

/** Times GET requests to a running product as a demo user: median and 95th percentile after a warm-up. */
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
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < warmUp + measured; i++) {
      long start = System.nanoTime();
      get(path);
      if (i >= warmUp) {
        nanos.add(System.nanoTime() - start);
      }
    }
    Collections.sort(nanos);
    return String.format("%.1f / %.1f ms", nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 95 / 100) / 1e6);
  }

  /** The body of a 200 answer; anything else fails the benchmark. */
  String get(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
