package org.usm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.usm.language.Language;

/**
 * The Dutch forms (DESIGN §14) against the English ones, over the files alone: every text people read has
 * its Dutch, no English is left in a Dutch form, every entry of the table names a text that exists, and
 * the Dutch form differs from the English one in its texts and id only.
 */
class FormTranslationsTest {

  /** Words Dutch takes over from English unchanged: the same text in both is no English left behind. */
  private static final Set<String> SAME_IN_DUTCH = Set.of("Impact", "Effect");
  /** Template parts ({{summary}}, {{#if sourceCall}}) the form fills in; the Dutch text keeps each of them. */
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");

  private final Map<String, JsonNode> english = FormTranslations.englishForms();
  private final FormTranslations.Table table = FormTranslations.readTable();
  private final FormTranslations translations = new FormTranslations(table);

  @Test
  void everyTextOfEveryFormHasItsDutchAndNoEnglishIsLeft() {
    assertThat(english).as("the forms are read").hasSizeGreaterThan(10);
    List<String> problems = new ArrayList<>();
    english.forEach((formId, form) -> {
      ObjectNode dutch = translations.dutch(form, missing -> problems.add(formId + " " + missing + ": no Dutch"));
      assertThat(dutch.path("id").asText()).isEqualTo(formId + "-nl");
      compareTexts(formId, form, dutch, problems);
    });
    assertThat(problems).isEmpty();
  }

  private static void compareTexts(String formId, JsonNode english, JsonNode dutch, List<String> problems) {
    for (int i = 0; i < english.path("components").size(); i++) {
      JsonNode en = english.path("components").get(i);
      JsonNode nl = dutch.path("components").get(i);
      String where = formId + " " + en.path("id").asText();
      for (String property : FormTranslations.TEXTS) {
        if (en.hasNonNull(property)) {
          compare(where + "." + property, en.get(property).asText(), nl.get(property).asText(), problems);
        }
      }
      for (int v = 0; v < en.path("values").size(); v++) {
        compare(where + ".values." + en.path("values").get(v).path("value").asText(),
            en.path("values").get(v).path("label").asText(), nl.path("values").get(v).path("label").asText(), problems);
      }
      compareTexts(formId, en, nl, problems);
    }
  }

  private static void compare(String where, String english, String dutch, List<String> problems) {
    if (dutch.equals(english) && !SAME_IN_DUTCH.contains(english)) {
      problems.add(where + ": the Dutch is the English '" + english + "'");
    }
    if (!templateParts(dutch).equals(templateParts(english))) {
      problems.add(where + ": the Dutch fills in " + templateParts(dutch) + ", the English " + templateParts(english));
    }
  }

  private static List<String> templateParts(String text) {
    List<String> parts = new ArrayList<>();
    Matcher matcher = TEMPLATE.matcher(text);
    while (matcher.find()) {
      parts.add(matcher.group());
    }
    return parts;
  }

  @Test
  void everyEntryOfTheTableNamesATextOfAForm() {
    List<String> dangling = new ArrayList<>();
    table.forms().forEach((formId, components) -> {
      JsonNode form = english.get(formId);
      if (form == null) {
        dangling.add(formId + ": no such form");
        return;
      }
      components.forEach((componentId, texts) -> danglingTexts(formId, componentId, texts, List.of(form), dangling));
    });
    table.shared().forEach((componentId, texts) -> {
      List<JsonNode> having = english.values().stream().filter(form -> component(form, componentId) != null).toList();
      danglingTexts("shared", componentId, texts, having, dangling);
    });
    assertThat(dangling).isEmpty();
  }

  /** The texts of the entry that none of the forms has at that component. */
  private static void danglingTexts(String where, String componentId, FormTranslations.Texts texts, List<JsonNode> forms,
      List<String> dangling) {
    List<JsonNode> components = forms.stream().map(form -> component(form, componentId))
        .filter(java.util.Objects::nonNull).toList();
    if (components.isEmpty()) {
      dangling.add(where + " " + componentId + ": no such component");
      return;
    }
    for (String property : FormTranslations.TEXTS) {
      if (texts.of(property).isPresent() && components.stream().noneMatch(c -> c.hasNonNull(property))) {
        dangling.add(where + " " + componentId + "." + property + ": the component has no " + property);
      }
    }
    Set<String> values = new HashSet<>();
    components.forEach(c -> c.path("values").forEach(option -> values.add(option.path("value").asText())));
    if (texts.values() != null) {
      new TreeSet<>(texts.values().keySet()).stream().filter(value -> !values.contains(value))
          .forEach(value -> dangling.add(where + " " + componentId + ".values." + value + ": no such option"));
    }
  }

  /**
   * A shared entry stands for one English text: each form that takes it from {@code shared} has the same
   * English there, so that one Dutch text fits every one of them.
   */
  @Test
  void aSharedTextIsTheSameEnglishInEveryFormThatTakesIt() {
    Map<String, Set<String>> englishByText = new HashMap<>();
    table.shared().forEach((componentId, texts) -> english.forEach((formId, form) -> {
      JsonNode component = component(form, componentId);
      FormTranslations.Texts own = table.forms().getOrDefault(formId, Map.of()).get(componentId);
      for (String property : FormTranslations.TEXTS) {
        if (component != null && component.hasNonNull(property) && texts.of(property).isPresent()
            && (own == null || own.of(property).isEmpty())) {
          englishByText.computeIfAbsent(componentId + "." + property, k -> new HashSet<>())
              .add(component.get(property).asText());
        }
      }
    }));
    assertThat(englishByText).isNotEmpty();
    englishByText.forEach((text, englishTexts) -> assertThat(englishTexts).as(text).hasSize(1));
  }

  /** Keys, ids, conditions, validation and values are the English form's: only the texts and the id differ. */
  @Test
  void theDutchFormIsTheEnglishOneInItsKeysConditionsAndValues() {
    english.forEach((formId, form) -> {
      ObjectNode dutch = translations.dutch(form, missing -> {});
      ObjectNode withoutTexts = withoutTexts(dutch);
      withoutTexts.put("id", formId);
      assertThat(withoutTexts).as(formId).isEqualTo(withoutTexts(form));
    });
    assertThat(FormTranslations.formId("usm-analyze", Language.NL)).isEqualTo("usm-analyze-nl");
    assertThat(FormTranslations.formId("usm-analyze", Language.EN)).isEqualTo("usm-analyze");
  }

  private static ObjectNode withoutTexts(JsonNode form) {
    ObjectNode copy = form.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode container) {
    for (JsonNode component : container.path("components")) {
      ((ObjectNode) component).remove(FormTranslations.TEXTS);
      component.path("values").forEach(option -> ((ObjectNode) option).remove("label"));
      strip(component);
    }
  }

  private static JsonNode component(JsonNode form, String componentId) {
    for (JsonNode component : form.path("components")) {
      if (componentId.equals(component.path("id").asText())) {
        return component;
      }
    }
    return null;
  }
}
