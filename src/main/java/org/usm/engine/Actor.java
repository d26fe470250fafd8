package org.usm.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine's identity service names for the current thread, with the groups and tenants the
 * authentication carries (every REST request and webapp session names them).
 */
public record Actor(String userId, List<String> groupIds, List<String> tenantIds) {

  public Actor {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
  }

  /** The authenticated user, if any. */
  public static Optional<Actor> current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? Optional.empty()
        : Optional.of(new Actor(authentication.getUserId(), authentication.getGroupIds(), authentication.getTenantIds()));
  }

  /** Makes this the authenticated user again. */
  public void authenticate(IdentityService identityService) {
    identityService.setAuthentication(userId, groupIds, tenantIds);
  }
}
