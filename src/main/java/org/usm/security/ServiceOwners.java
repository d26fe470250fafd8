package org.usm.security;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceDefinitionValidator;

/**
 * The owners the service definitions name (DESIGN §13): the person or team who owns the chain's
 * performance as a whole (book l.2319–2327), a user or a group of the engine's identity store, never a
 * department's name.
 */
public final class ServiceOwners {

  private ServiceOwners() {}

  /** What an owner's id names in the identity store: a user, a group, or both of that id. */
  public record Owner(String id, boolean isUser, boolean isGroup) {

    public boolean exists() {
      return isUser || isGroup;
    }
  }

  /** Looks the owner up; the caller runs it where users and groups may be read (start-up, SystemAccess). */
  public static Owner of(IdentityService identityService, String id) {
    return new Owner(id, identityService.createUserQuery().userId(id).count() > 0,
        identityService.createGroupQuery().groupId(id).count() > 0);
  }

  /**
   * The owners of every service, each once, in catalogue order. A version stored before owners were users
   * or groups may name a department in words ("Manager IT"), which is no id and names nobody: it is left
   * out, and the designer API takes a new version only with an owner that exists.
   */
  public static Set<String> ids(ServiceCatalog catalog) {
    Set<String> owners = new LinkedHashSet<>();
    for (ServiceDefinition service : catalog.all()) {
      if (ServiceDefinitionValidator.PRINCIPAL_ID.matcher(service.owner()).matches()) {
        owners.add(service.owner());
      }
    }
    return owners;
  }
}
