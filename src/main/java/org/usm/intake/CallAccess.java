package org.usm.intake;

import java.util.Collection;
import org.usm.definition.ServiceDefinition;
import org.usm.security.UsmGroups;

/**
 * Who may register and read calls (rule H12: the requester's authorisation is verified at intake).
 * Plain Java over the user's id and groups, so the rule is testable without a server.
 */
public final class CallAccess {

  private CallAccess() {}

  /**
   * Requesters, administrators, the groups that work the service (service desk) and link accounts (another
   * organisation handing work over) may register calls.
   */
  public static boolean mayRegister(Collection<String> userGroups, ServiceDefinition service) {
    return userGroups.contains(UsmGroups.REQUESTERS)
        || userGroups.contains(UsmGroups.SERVICE_DESK)
        || userGroups.contains(UsmGroups.LINK_ACCOUNTS)
        || userGroups.contains(UsmGroups.ADMINS)
        || worksOn(userGroups, service);
  }

  /**
   * Auditors and administrators read every call, the service's own groups and its owner read its calls,
   * and anyone else reads only the calls they registered or requested; a link account reads no call, only
   * the link status of its own (the provider is a black box to the consumer).
   */
  public static boolean mayRead(String userId, Collection<String> userGroups, ServiceDefinition service,
      CallRecord call) {
    return readsAllCalls(userGroups)
        || readsCallsOf(userId, userGroups, service)
        || (!userGroups.contains(UsmGroups.LINK_ACCOUNTS)
            && (userId.equals(call.registeredBy()) || userId.equals(call.requester())));
  }

  /**
   * Whether the user may name {@code requester} as the requester of a call for the service (rule H12, the
   * requester's authorisation verified at intake): everyone may name themselves; only the service desk, the
   * service's coordinators and administrators register on someone else's behalf. The requester is who the
   * requester rules (SOD-3, SOD-4, SOD-8) protect and who gives the customer's verdict, so a requester who
   * could name another user would put a call, and its verdict, in that user's name.
   */
  public static boolean mayNameRequester(String userId, Collection<String> userGroups, ServiceDefinition service,
      String requester) {
    return userId.equals(requester) || userGroups.contains(UsmGroups.SERVICE_DESK)
        || userGroups.contains(UsmGroups.ADMINS) || coordinates(userGroups, service);
  }

  /**
   * Whether the user may look requesters up by name (for the requester field of the service desk page): those
   * who may name someone else as requester for some service, and nobody else, since the list tells which users
   * exist.
   */
  public static boolean searchesRequesters(Collection<String> userGroups, Collection<ServiceDefinition> services) {
    return userGroups.contains(UsmGroups.SERVICE_DESK) || userGroups.contains(UsmGroups.ADMINS)
        || services.stream().anyMatch(service -> coordinates(userGroups, service));
  }

  /** Whether one of the groups coordinates a process of the service. */
  private static boolean coordinates(Collection<String> userGroups, ServiceDefinition service) {
    return service.roles().values().stream().anyMatch(binding -> userGroups.contains(binding.coordinators()));
  }

  /** The registers of a service are read by those who work on, design or audit it. */
  public static boolean mayReadRegisters(Collection<String> userGroups, ServiceDefinition service) {
    return userGroups.contains(UsmGroups.AUDITORS)
        || userGroups.contains(UsmGroups.ADMINS)
        || userGroups.contains(UsmGroups.DESIGNERS)
        || worksOn(userGroups, service);
  }

  /** Auditors and administrators read every call and every figure. */
  public static boolean readsAllCalls(Collection<String> userGroups) {
    return userGroups.contains(UsmGroups.AUDITORS) || userGroups.contains(UsmGroups.ADMINS);
  }

  /**
   * Whether the user reads every call of the service: they work on it, or they own its chain (DESIGN §13),
   * so the owner reads the chain's calls, trails and figures as an auditor does, for this service only.
   */
  public static boolean readsCallsOf(String userId, Collection<String> userGroups, ServiceDefinition service) {
    return worksOn(userGroups, service) || owns(userId, userGroups, service);
  }

  /** Whether the user is the service's owner, or a member of the group that is (book l.2319–2327). */
  private static boolean owns(String userId, Collection<String> userGroups, ServiceDefinition service) {
    return service.owner().equals(userId) || userGroups.contains(service.owner());
  }

  /** Whether one of the groups coordinates or operates a process of the service. */
  public static boolean worksOn(Collection<String> userGroups, ServiceDefinition service) {
    return service.workingGroups().stream().anyMatch(userGroups::contains);
  }
}
