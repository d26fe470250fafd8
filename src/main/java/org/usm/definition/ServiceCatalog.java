package org.usm.definition;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The services this installation runs, read from the configured locations at start-up. Every file is
 * read and checked before the catalog exists, so one broken file stops start-up before anything of any
 * service is deployed.
 */
@Component
public class ServiceCatalog {

  /** {@code usm.services.*} */
  @ConfigurationProperties("usm.services")
  public record Locations(List<String> locations) {}

  private final Map<String, ServiceDefinition> services;

  public ServiceCatalog(Locations locations, ResourcePatternResolver resolver) {
    this.services = load(locations.locations(), resolver);
  }

  private static Map<String, ServiceDefinition> load(List<String> patterns, ResourcePatternResolver resolver) {
    ServiceDefinitionReader reader = new ServiceDefinitionReader();
    Map<String, ServiceDefinition> loaded = new LinkedHashMap<>();
    for (String pattern : patterns == null ? List.<String>of() : patterns) {
      for (Resource resource : resources(resolver, pattern)) {
        String file = resource.getFilename();
        String source = "services/" + file;
        String expectedId = file.replaceFirst("\\.ya?ml$", "");
        try (InputStream in = resource.getInputStream()) {
          ServiceDefinition definition = reader.read(source, in, expectedId);
          if (loaded.putIfAbsent(definition.id(), definition) != null) {
            throw new InvalidServiceDefinitionException(source,
                List.of(new Violation("id", "must be unique: '" + definition.id() + "' is defined twice")));
          }
        } catch (IOException e) {
          throw new IllegalStateException("cannot read service definition " + resource, e);
        }
      }
    }
    return loaded;
  }

  private static List<Resource> resources(ResourcePatternResolver resolver, String pattern) {
    try {
      List<Resource> found = new ArrayList<>(List.of(resolver.getResources(pattern)));
      found.removeIf(r -> !r.exists());
      found.sort(java.util.Comparator.comparing(Resource::getFilename));
      return found;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list service definitions at " + pattern, e);
    }
  }

  public Collection<ServiceDefinition> all() {
    return services.values();
  }

  public Optional<ServiceDefinition> find(String serviceId) {
    return Optional.ofNullable(services.get(serviceId));
  }
}
