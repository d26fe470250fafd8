package org.usm.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields each Camunda Form in {@code forms/} lets a user fill in, read from the form files themselves:
 * every component with a {@code key}. What a step's completion may carry is exactly its form's fields
 * (rule T2), so the form is the one source of the list.
 */
@Component
public final class FormFields {

  public static final String LOCATION = "classpath*:forms/*.form";

  private final Map<String, Set<String>> fieldsByForm;

  /** The fields of every form shipped with the product. */
  public FormFields() {
    this.fieldsByForm = read();
  }

  private static Map<String, Set<String>> read() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = json.readTree(in);
          Set<String> keys = new LinkedHashSet<>();
          collectKeys(form, keys);
          fields.put(form.path("id").asText(), Set.copyOf(keys));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms at " + LOCATION, e);
    }
    return Map.copyOf(fields);
  }

  private static void collectKeys(JsonNode container, Set<String> keys) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  /** The fields of the form with this id; empty when the product ships no such form. */
  public Optional<Set<String>> of(String formId) {
    return Optional.ofNullable(fieldsByForm.get(formId));
  }

  public Set<String> formIds() {
    return fieldsByForm.keySet();
  }
}
