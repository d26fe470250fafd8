package org.usm.cockpit;

import java.util.Collection;
import org.usm.definition.ServiceDefinition;
import org.usm.intake.CallAccess;
import org.usm.intake.CallRejectedException;

/**
 * Who reads the plugin's Calls, Chain and Report pages (DESIGN §8, §13): auditors and administrators, and whoever
 * works on or owns a service. Anyone else (a designer) is told they have no access, not shown an empty list that
 * reads as "no calls match".
 */
final class CallPages {

  static final String NO_ACCESS = "the calls and their figures are for auditors, the owners of a service and the "
      + "teams that work it";

  private CallPages() {}

  static boolean readable(String userId, Collection<String> userGroups, Collection<ServiceDefinition> services) {
    return CallAccess.readsAllCalls(userGroups)
        || services.stream().anyMatch(service -> CallAccess.readsCallsOf(userId, userGroups, service));
  }

  /** Refuses (403) a user who may not read the pages. */
  static void requireReadable(String userId, Collection<String> userGroups, Collection<ServiceDefinition> services) {
    if (!readable(userId, userGroups, services)) {
      throw new CallRejectedException(CallRejectedException.Reason.FORBIDDEN, null, NO_ACCESS);
    }
  }
}
