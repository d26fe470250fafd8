package org.usm.definition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.clock.UsmClock;

/**
 * The services this installation runs: the latest version of each in {@link ServiceVersions}, active or
 * retired. The files under {@code usm.services.locations} seed an empty table; every file is read and
 * checked first, so one broken file stops start-up before anything of any service is stored or deployed.
 * Once the table holds services the files are not read for anything else: designers change services
 * through the designer API.
 */
@Component
public class ServiceCatalog {

  /** {@code usm.services.*} */
  @ConfigurationProperties("usm.services")
  public record Locations(List<String> locations) {}

  private final ServiceVersions versions;
  private final ServiceDefinitionReader reader = new ServiceDefinitionReader();
  /** Versions never change: each is parsed once. */
  private final Map<String, ServiceDefinition> parsed = new ConcurrentHashMap<>();

  public ServiceCatalog(Locations locations, ResourcePatternResolver resolver, ServiceVersions versions,
      PlatformTransactionManager transactions, LinkSecrets secrets) {
    this.versions = versions;
    Map<String, Seed> seeds = seeds(locations.locations(), resolver);
    // The seeds link to each other: an internal link names a service among them.
    seeds.values().forEach(seed -> {
      List<Violation> targets = ServiceDefinitionValidator.checkLinkTargets(seed.definition(), seeds::containsKey,
          secrets::isSet);
      if (!targets.isEmpty()) {
        throw new InvalidServiceDefinitionException(seed.source(), targets);
      }
    });
    if (versions.isEmpty()) {
      try {
        // One commit for all: a first start with many services does not wait for a durable write of each.
        new TransactionTemplate(transactions).executeWithoutResult(status -> seeds.values().forEach(seed ->
            versions.add(new ServiceVersions.ServiceVersion(seed.definition().id(), 1, seed.text(),
                ServiceVersions.State.ACTIVE, null, UsmClock.now(), "seeded from " + seed.source(), null, null))));
        seeds.values().forEach(seed -> parsed.put(seed.definition().id() + "@1", seed.definition()));
      } catch (DuplicateKeyException anotherNodeSeededIt) {
        // nodes starting together seed once
      }
    }
  }

  /** A service definition file, read and checked. */
  private record Seed(String source, String text, ServiceDefinition definition) {}

  private Map<String, Seed> seeds(List<String> patterns, ResourcePatternResolver resolver) {
    Map<String, Seed> loaded = new LinkedHashMap<>();
    for (String pattern : patterns == null ? List.<String>of() : patterns) {
      for (Resource resource : resources(resolver, pattern)) {
        String file = resource.getFilename();
        String source = "services/" + file;
        try (InputStream in = resource.getInputStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          ServiceDefinition definition = read(source, text, file.replaceFirst("\\.ya?ml$", ""));
          if (loaded.putIfAbsent(definition.id(), new Seed(source, text, definition)) != null) {
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

  /**
   * Reads and checks a definition (YAML, or JSON, which is YAML too); refused with every violation and
   * its field path.
   *
   * @param expectedId the id the definition must have, or null
   */
  public ServiceDefinition read(String source, String text, String expectedId) {
    return reader.read(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), expectedId);
  }

  /** The latest version of every service, active or retired. */
  public Collection<ServiceDefinition> all() {
    return versions.latest().stream().map(this::definitionOf).toList();
  }

  /** The latest version of the service, active or retired. */
  public Optional<ServiceDefinition> find(String serviceId) {
    return versions.latest(serviceId).map(this::definitionOf);
  }

  /** The latest version of the service with its state and history entry. */
  public Optional<ServiceVersions.ServiceVersion> current(String serviceId) {
    return versions.latest(serviceId);
  }

  public ServiceDefinition definitionOf(ServiceVersions.ServiceVersion version) {
    return parsed.computeIfAbsent(version.serviceId() + "@" + version.version(),
        key -> read("service " + version.serviceId() + " version " + version.version(), version.definition(),
            version.serviceId()));
  }
}
