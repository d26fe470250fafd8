package org.usm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Services made for the scale benchmarks: copies of the demo service {@code verhuizing} with their own id
 * ({@code dienst-001}, ...), name and agreement id.
 */
final class GeneratedServices {

  /** Where the product reads the demo services from (application.yaml's {@code usm.services.locations}). */
  static final String DEMO_LOCATION = "classpath*:services/*.yaml";

  private GeneratedServices() {}

  /** How many demo services there are (the start with {@code N} services generates {@code N} minus these). */
  static int demoCount() throws IOException {
    return new PathMatchingResourcePatternResolver().getResources(DEMO_LOCATION).length;
  }

  /** The definition of {@code verhuizing}, the template of every generated service. */
  static String verhuizing() throws IOException {
    try (InputStream in = GeneratedServices.class.getResourceAsStream("/services/verhuizing.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The template's definition as the service {@code id}. */
  static String definition(String template, String id) {
    return template.replace("id: verhuizing", "id: " + id).replace("name: Verhuizing doorgeven", "name: Dienst " + id)
        .replace("id: DVO-PD-2026-01", "id: DVO-" + id.toUpperCase());
  }

  /** Writes {@code dienst-001.yaml} to {@code dienst-<count>.yaml} into a new temporary folder. */
  static Path writeFiles(int count) throws IOException {
    String template = verhuizing();
    Path folder = Files.createTempDirectory("usm-generated-services");
    for (int i = 1; i <= count; i++) {
      String id = String.format("dienst-%03d", i);
      Files.writeString(folder.resolve(id + ".yaml"), definition(template, id));
    }
    return folder;
  }

  /** {@code usm.services.locations} for the demo services and those in the folder. */
  static String demoAnd(Path folder) {
    return DEMO_LOCATION + ",file:" + folder + "/*.yaml";
  }
}
