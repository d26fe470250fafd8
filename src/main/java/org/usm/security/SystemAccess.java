package org.usm.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import java.util.Optional;
import org.usm.engine.Actor;

/**
 * Runs engine work on behalf of the product after the product has checked the user's right to it, for
 * example intake starting a workflow for a requester who may register calls but holds no engine grants.
 * The user's authentication is restored afterwards.
 */
public final class SystemAccess {

  private SystemAccess() {}

  public static <T> T run(IdentityService identityService, Supplier<T> work) {
    Optional<Actor> user = Actor.current(identityService);
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      user.ifPresent(actor -> actor.authenticate(identityService));
    }
  }
}
