package org.usm.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine work on behalf of the product after the product has checked the user's right to it, for
 * example intake starting a workflow for a requester who may register calls but holds no engine grants.
 * The user's authentication is restored afterwards.
 */
public final class SystemAccess {

  private SystemAccess() {}

  public static <T> T run(IdentityService identityService, Supplier<T> work) {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }
}
