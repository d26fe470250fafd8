package org.usm.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps speak every language of the product (docs/operator-guide.md, "Languages"): each app's
 * config.js offers every {@link Language}, and the product's translation of each app has a text for every label
 * of Camunda's English file, no label Camunda does not have, the same placeholders, Dutch date names, and no
 * English left behind.
 */
class WebappTranslationsTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /**
   * Words a Dutch label may share with its English original: the same in Dutch, names of products and data
   * types, and date patterns. A label made only of these (or of no words at all, such as "&lt;=") is not
   * English left behind.
   */
  private static final Set<String> SAME_IN_DUTCH = Set.of("Account", "Admin", "Batch", "Batches", "batch",
      "Boolean", "CSV", "Camunda", "Cascade", "Cases", "case", "Cockpit", "Criteria", "Dashboard", "Diagram",
      "Double", "Element", "Endpoint", "Filter", "Filters", "Heatmap", "ID", "Incident", "Integer", "JSON",
      "Job", "Jobs", "jobs", "Label", "Long", "Max", "Maximum", "Min", "Minimum", "OK", "Operator", "Optimize",
      "Payload", "requestPayload", "Runtime", "Short", "Start", "Status", "String", "Tasklist", "Tenant",
      "Tenants", "Topic", "Type", "YYYY", "MM", "DDTHH", "mm", "ss", "s", "null", "undefined", "weekend",
      "count");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersEveryLanguageOfTheProductWithEnglishAsFallback(String app) throws IOException {
    String config = text(APP + app + "/scripts/config.js");
    String offered = Arrays.stream(Language.values()).map(l -> "'" + l.code() + "'").sorted()
        .reduce((a, b) -> a + ", " + b).orElseThrow();
    assertThat(config).contains("availableLocales: [" + offered + "]")
        .contains("fallbackLocale: '" + Language.DEFAULT.code() + "'");
    for (Language language : Language.values()) {
      assertThat(resource(APP + app + "/locales/" + language.code() + ".json"))
          .as("%s offers %s and has its locale file", app, language.code()).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void dutchHasEveryLabelOfCamundasEnglishWithItsPlaceholdersAndNoEnglishLeft(String app) throws IOException {
    JsonNode english = json(APP + app + "/locales/en.json").get("labels");
    JsonNode dutch = json(APP + app + "/locales/" + Language.NL.code() + ".json").get("labels");

    assertThat(names(dutch)).as("labels Camunda's %s does not have", app).isSubsetOf(names(english));
    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String en = label.getValue().asText();
      JsonNode nl = dutch.get(label.getKey());
      if (nl == null || (nl.asText().isBlank() && !en.isBlank())) {
        problems.add(label.getKey() + ": no Dutch text");
      } else if (!placeholders(nl.asText()).equals(placeholders(en))) {
        problems.add(label.getKey() + ": placeholders " + placeholders(en) + " became " + placeholders(nl.asText()));
      } else if (nl.asText().equals(en) && !onlyWordsSameInDutch(en)) {
        problems.add(label.getKey() + ": left in English: " + en);
      }
    }
    assertThat(problems).as("labels of %s", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreDutchInEveryPartMomentUses(String app) throws IOException {
    JsonNode english = json(APP + app + "/locales/en.json").get("dateLocales");
    JsonNode dutch = json(APP + app + "/locales/" + Language.NL.code() + ".json").get("dateLocales");

    assertThat(names(dutch)).isEqualTo(names(english));
    assertThat(dutch.get("months").get(2).asText()).isEqualTo("maart");
    assertThat(dutch.get("relativeTime").get("future").asText()).isEqualTo("over %s");
  }

  private static boolean onlyWordsSameInDutch(String text) {
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      if (!SAME_IN_DUTCH.contains(words.group())) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static InputStream resource(String path) {
    return WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path);
  }

  private static String text(String path) throws IOException {
    try (InputStream in = resource(path)) {
      assertThat(in).as(path).isNotNull();
      // Camunda's files begin with a byte order mark.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }
  }

  private static JsonNode json(String path) throws IOException {
    return JSON.readTree(text(path));
  }
}
