package org.usm.link;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Speaks the link interface (docs/link-interface.md) to another installation over HTTP: one request, one
 * answer, never an exception for what the other side or the network did, so the caller decides whether
 * to try again.
 */
@Component
public class LinkClient {

  /**
   * The other side's answer: its HTTP status (0 when it could not be reached) and its JSON body, else what
   * went wrong, in words an administrator can act on.
   */
  public record Answer(int status, Map<String, Object> body, String problem) {

    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    /** The other side refused what was asked, for a reason that trying again does not change. */
    public boolean isRefusal() {
      return status == 400 || status == 404 || status == 409 || status == 422;
    }

    public String text(String field) {
      Object value = body == null ? null : body.get(field);
      return value == null ? null : value.toString();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final HttpClient http;
  private final Duration timeout;

  public LinkClient(LinkSettings settings) {
    this.timeout = settings.timeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String secret) {
    return "Bearer " + secret;
  }

  public Answer post(String url, String authorization, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  public Answer get(String url, String authorization) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json")
        .header("Authorization", authorization).GET().build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Map<String, Object> body = parse(response.body());
      String problem = response.statusCode() >= 200 && response.statusCode() < 300 ? null
          : "HTTP " + response.statusCode() + (body != null && body.get("error") != null ? ": " + body.get("error") : "");
      return new Answer(response.statusCode(), body, problem);
    } catch (IOException e) {
      return new Answer(0, null, request.uri().getScheme() + "://" + request.uri().getAuthority() + " not reachable: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "interrupted");
    }
  }

  private static Map<String, Object> parse(String text) {
    try {
      return text == null || text.isBlank() ? null : JSON.readValue(text, MAP);
    } catch (IOException notJson) {
      return null;
    }
  }
}
