package org.usm.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.usm.language.Language;
import org.usm.trust.FormFields;

/**
 * The forms in Dutch (DESIGN §14). The English forms in {@code forms/} stay the one source of every form's
 * keys, ids, conditions and values; the Dutch form is a copy of the English one with the texts of one
 * table, {@value #TABLE}, by form and component id, in place of the English texts. Plain Java over the
 * files: the product deploys the copies beside the English forms, a test checks the table against them.
 */
public final class FormTranslations {

  /** The Dutch texts: {@code shared} and {@code forms.<form id>}, by component id. */
  public static final String TABLE = "forms/translations/nl.yaml";

  /** The properties of a component that people read; option labels are {@code values[].label}. */
  public static final List<String> TEXTS = List.of("label", "description", "text", "placeholder");

  /** The Dutch texts of one component; {@code values} by the option's value. */
  public record Texts(String label, String description, String text, String placeholder, Map<String, String> values) {

    Optional<String> of(String property) {
      return Optional.ofNullable(switch (property) {
        case "label" -> label;
        case "description" -> description;
        case "text" -> text;
        case "placeholder" -> placeholder;
        default -> throw new IllegalArgumentException(property + " is not a text of a form component");
      });
    }

    Optional<String> option(String value) {
      return Optional.ofNullable(values).map(labels -> labels.get(value));
    }
  }

  /**
   * The table: {@code shared} for the components many forms have with the same English text (the call's
   * context lines), {@code forms} for the rest; an entry of a form wins over a shared one.
   */
  public record Table(Map<String, Texts> shared, Map<String, Map<String, Texts>> forms) {

    public Table {
      shared = shared == null ? Map.of() : shared;
      forms = forms == null ? Map.of() : forms;
    }

    /** The Dutch texts of the component: the form's entry, else the shared one. */
    List<Texts> of(String formId, String componentId) {
      return Stream.of(forms.getOrDefault(formId, Map.of()).get(componentId), shared.get(componentId))
          .filter(Objects::nonNull).toList();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Table table;

  public FormTranslations(Table table) {
    this.table = table;
  }

  /** The translations the product ships. */
  public static FormTranslations shipped() {
    return new FormTranslations(readTable());
  }

  public static Table readTable() {
    try (InputStream in = FormTranslations.class.getClassLoader().getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("the form translations are missing from the classpath: " + TABLE);
      }
      return new ObjectMapper(new YAMLFactory()).readValue(in, Table.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the form translations " + TABLE, e);
    }
  }

  /** The id of a product form in a language: {@code usm-analyze} in English, {@code usm-analyze-nl} in Dutch. */
  public static String formId(String englishId, Language language) {
    return language == Language.EN ? englishId : englishId + "-" + language.code();
  }

  /** The English forms the product ships, by form id. */
  public static Map<String, JsonNode> englishForms() {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FormFields.LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = JSON.readTree(in);
          forms.put(form.path("id").asText(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms at " + FormFields.LOCATION, e);
    }
    return forms;
  }

  /**
   * The Dutch copy of an English form: its id {@link #formId} and every text from the table; keys, ids,
   * conditions and values as they are.
   *
   * @param untranslated told of every text the table has no Dutch for ({@code <component id>.<property>});
   *     such a text stays English
   */
  public ObjectNode dutch(JsonNode english, Consumer<String> untranslated) {
    ObjectNode form = english.deepCopy();
    String formId = english.path("id").asText();
    form.put("id", formId(formId, Language.NL));
    translateComponents(formId, form, untranslated);
    return form;
  }

  private void translateComponents(String formId, JsonNode container, Consumer<String> untranslated) {
    for (JsonNode node : container.path("components")) {
      ObjectNode component = (ObjectNode) node;
      String componentId = component.path("id").asText();
      List<Texts> texts = table.of(formId, componentId);
      for (String property : TEXTS) {
        if (component.hasNonNull(property)) {
          texts.stream().flatMap(t -> t.of(property).stream()).findFirst().ifPresentOrElse(
              dutch -> component.put(property, dutch), () -> untranslated.accept(componentId + "." + property));
        }
      }
      for (JsonNode option : component.path("values")) {
        String value = option.path("value").asText();
        texts.stream().flatMap(t -> t.option(value).stream()).findFirst().ifPresentOrElse(
            dutch -> ((ObjectNode) option).put("label", dutch),
            () -> untranslated.accept(componentId + ".values." + value));
      }
      translateComponents(formId, component, untranslated);
    }
  }

  /** A form as deployed. */
  public static String json(JsonNode form) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write form " + form.path("id").asText(), e);
    }
  }
}
