package org.usm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A user logged in to the Camunda webapps, as the browser is: a session cookie and the CSRF token the
 * webapps hand out, sending requests to the engine API behind them ({@code /camunda/api/engine}), which
 * Tasklist and Cockpit use and which ignores HTTP Basic.
 */
public final class WebappSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private WebappSession(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs the demo user in to Tasklist (every demo password is the user id). */
  public static WebappSession login(int port, String user) {
    return login(port, user, "tasklist");
  }

  /** Logs the demo user in to one of the webapps: tasklist, cockpit or admin. */
  public static WebappSession login(int port, String user, String app) {
    WebappSession session = new WebappSession("http://localhost:" + port);
    Response login = session.logIn(user, user, app);
    assertThat(login.status()).as("login of %s: %s", user, login.body()).isEqualTo(200);
    // The login starts a new session; its CSRF token comes with the next reading request.
    session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  /** What the webapp answers when the user tries to log in to the app with the password. */
  public static Response attemptLogin(int port, String user, String password, String app) {
    return new WebappSession("http://localhost:" + port).logIn(user, password, app);
  }

  private Response logIn(String user, String password, String app) {
    send("GET", "/camunda/app/" + app + "/default/", null, null);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send("POST", "/camunda/api/admin/auth/user/default/login/" + app, form, "application/x-www-form-urlencoded");
  }

  /** A request to the engine API of the webapps, path relative to {@code /camunda/api/engine/engine/default}. */
  public Response engine(String method, String path, Object jsonBody) {
    try {
      return send(method, "/camunda/api/engine/engine/default" + path,
          jsonBody == null ? null : JSON.writeValueAsString(jsonBody), "application/json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request to any path of the webapps (the plugin API, Cockpit's pages), with the session's CSRF token. */
  public Response request(String method, String path) {
    return send(method, path, null, null);
  }

  /** A request without the session: what someone who did not log in gets. */
  public static Response anonymous(int port, String method, String path) {
    return new WebappSession("http://localhost:" + port).send(method, path, null, null);
  }

  /** A request with a body of the given type, with the session's CSRF token. */
  public Response send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, true);
  }

  /** A request in the session but without its CSRF token: what a forged request from another site sends. */
  public Response sendWithoutCsrfToken(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, false);
  }

  private Response send(String method, String path, String body, String contentType, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.header("Accept", "application/json");
    cookies.getCookieStore().getCookies().stream().filter(c -> withToken && c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  /** A status and a body; {@link #json()} reads the body as a JSON object. */
  public record Response(int status, String body) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      try {
        return JSON.readValue(body, Map.class);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }
}
