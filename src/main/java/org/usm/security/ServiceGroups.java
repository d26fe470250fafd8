package org.usm.security;

import java.util.LinkedHashSet;
import java.util.Set;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;

/** The groups the service definitions bind to the five processes, split by role. */
public final class ServiceGroups {

  private ServiceGroups() {}

  public static Set<String> coordinators(ServiceCatalog catalog) {
    Set<String> groups = new LinkedHashSet<>();
    for (ServiceDefinition service : catalog.all()) {
      service.roles().values().forEach(binding -> groups.add(binding.coordinators()));
    }
    return groups;
  }

  public static Set<String> operators(ServiceCatalog catalog) {
    Set<String> groups = new LinkedHashSet<>();
    for (ServiceDefinition service : catalog.all()) {
      service.roles().values().forEach(binding -> groups.addAll(binding.operators()));
    }
    return groups;
  }
}
