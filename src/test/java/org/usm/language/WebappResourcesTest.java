package org.usm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The webapps load the product's configuration, translations and styles, not Camunda's defaults: the product's
 * files win over the webjar's at the same path. They are static files the login page needs, served like
 * Camunda's own without a session; the webapps' data stays behind the login.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default".
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class WebappResourcesTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda";

  @Autowired TestRestTemplate rest;

  @ParameterizedTest
  @ValueSource(strings = {
      "/app/tasklist/scripts/config.js", "/app/cockpit/scripts/config.js", "/app/admin/scripts/config.js",
      "/app/welcome/scripts/config.js",
      "/app/tasklist/locales/nl.json", "/app/cockpit/locales/nl.json", "/app/admin/locales/nl.json",
      "/app/welcome/locales/nl.json",
      "/app/tasklist/styles/user-styles.css", "/app/cockpit/styles/user-styles.css",
      "/app/admin/styles/user-styles.css", "/app/welcome/styles/user-styles.css",
      "/app/usm-date-language.js", "/app/tasklist/scripts/usm-due-date-sorting.js"})
  void theWebappsGetTheProductsFile(String path) throws IOException {
    ResponseEntity<String> served = rest.getForEntity("/camunda" + path, String.class);

    assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(served.getBody()).isEqualTo(productFile(WEBJAR + path));
  }

  @Test
  void everyWebappHidesTheMigrationBanner() {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      assertThat(rest.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class))
          .as(app).containsPattern("\\.ce-eol-banner \\{\\s*display: none;");
    }
  }

  @Test
  void theWebappsDataNeedsALogin() {
    assertThat(rest.getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /**
   * The product's copy of the file, checked to be the one the server finds first (the product's classes come
   * before the webjar) and, where Camunda ships the same path, to differ from Camunda's.
   */
  private static String productFile(String path) throws IOException {
    List<URL> copies = Collections.list(WebappResourcesTest.class.getClassLoader().getResources(path));
    assertThat(copies).as(path).isNotEmpty();
    assertThat(copies.get(0).getProtocol()).as("the product's own %s comes first", path).isEqualTo("file");
    String product = read(copies.get(0));
    copies.stream().skip(1).forEach(camundas -> assertThat(read(camundas)).isNotEqualTo(product));
    return product;
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
