package org.usm.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/** Reads one service definition from YAML and checks it; a broken file is reported with field and rule. */
public final class ServiceDefinitionReader {

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * @param source the file name shown in error messages, for example {@code services/verhuizing.yaml}
   * @param expectedId the service id the file name promises, or null
   */
  public ServiceDefinition read(String source, InputStream content, String expectedId) {
    ServiceDefinition definition;
    try {
      definition = yaml.readValue(content, ServiceDefinition.class);
    } catch (JsonMappingException e) {
      throw new InvalidServiceDefinitionException(source, List.of(new Violation(path(e), describe(e))));
    } catch (JsonProcessingException e) {
      throw new InvalidServiceDefinitionException(source,
          List.of(new Violation("(file)", "is not valid YAML: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read service definition " + source, e);
    }
    if (definition == null) {
      throw new InvalidServiceDefinitionException(source, List.of(new Violation("(file)", "is empty")));
    }
    List<Violation> violations = ServiceDefinitionValidator.validate(definition, expectedId);
    if (!violations.isEmpty()) {
      throw new InvalidServiceDefinitionException(source, violations);
    }
    return definition;
  }

  private static String path(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining());
    return path.isEmpty() ? "(file)" : path.startsWith(".") ? path.substring(1) : path;
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      return "is not a field of a service definition";
    }
    return "has the wrong form: " + e.getOriginalMessage();
  }
}
