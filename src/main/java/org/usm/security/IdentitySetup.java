package org.usm.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.definition.ServiceCatalog;

/**
 * Creates at start-up the groups the product and the service definitions name, where the engine's own
 * identity store is used and they are missing: a service's owner becomes a group of its id unless a user
 * or group of that id exists, so the owner of a shipped definition is a principal from the first start.
 * In the demo profile it also creates the demo users, each with its id as password; no other profile
 * ever creates them.
 */
@Component
public class IdentitySetup {

  /** The demo users and what they stand for; each user's password is its id. */
  public static final Map<String, String> DEMO_USERS = demoUsers();

  /**
   * Middenstad's citizens and employees who ask for its services in the demo: users in usm-requesters, as
   * every requester of a call is a user (DESIGN §7); each password is the id.
   */
  public static final List<String> DEMO_CITIZENS = List.of("inwoner-4711", "inwoner-4712", "inwoner-1984");
  public static final List<String> DEMO_EMPLOYEES = List.of("medewerker-0815", "medewerker-0042");

  /**
   * The chain owners' team of Middenstad's civil affairs (verhuizing, wmo-voorziening) that the demo user
   * {@code owner} belongs to: it reads those services' calls and figures, no other service's.
   */
  public static final String DEMO_OWNER_GROUP = "ketenregie-burgerzaken";

  private final IdentityService identityService;
  private final ServiceCatalog catalog;
  private final boolean demoUsers;
  private final java.util.List<String> demoLinkAccounts;

  /**
   * @param demoLinkAccounts with demo users: the link accounts of other demo installations, separated by
   *     commas (each password its id), such as {@code middenstad} at the demo's IT supplier
   */
  public IdentitySetup(IdentityService identityService, ServiceCatalog catalog,
      @Value("${usm.demo.users-enabled:false}") boolean demoUsers,
      @Value("${usm.demo.link-accounts:}") String demoLinkAccounts) {
    this.identityService = identityService;
    this.catalog = catalog;
    this.demoUsers = demoUsers;
    this.demoLinkAccounts = java.util.Arrays.stream(demoLinkAccounts.split(",")).map(String::strip)
        .filter(id -> !id.isEmpty()).toList();
  }

  private static Map<String, String> demoUsers() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("designer", "Process designer");
    users.put("coordinator", "Workflow coordinator");
    users.put("operator", "Operator");
    users.put("tester", "Operator who tests");
    users.put("auditor", "Auditor");
    users.put("requester", "Requester");
    users.put("servicedesk", "Service desk agent");
    users.put("owner", "Chain owner");
    return users;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void setUp() {
    if (identityService.isReadOnly()) {
      return;
    }
    group(UsmGroups.REQUESTERS, "USM requesters");
    group(UsmGroups.SERVICE_DESK, "USM service desk");
    group(UsmGroups.AUDITORS, "USM auditors");
    group(UsmGroups.DESIGNERS, "USM process designers");
    group(UsmGroups.LINK_ACCOUNTS, "USM link accounts (other organisations' installations)");
    Set<String> coordinators = ServiceGroups.coordinators(catalog);
    Set<String> operators = ServiceGroups.operators(catalog);
    coordinators.forEach(id -> group(id, id));
    operators.forEach(id -> group(id, id));
    Set<String> owners = ServiceOwners.ids(catalog);
    owners.stream().filter(id -> !ServiceOwners.of(identityService, id).exists()).forEach(id -> group(id, id));
    if (demoUsers) {
      user("designer", Set.of(UsmGroups.DESIGNERS));
      user("coordinator", coordinators);
      user("operator", operators);
      user("tester", operators);
      user("auditor", Set.of(UsmGroups.AUDITORS));
      user("requester", Set.of(UsmGroups.REQUESTERS));
      user("servicedesk", Set.of(UsmGroups.SERVICE_DESK));
      if (owners.contains(DEMO_OWNER_GROUP)) { // Middenstad's services, not the demo supplier's
        user("owner", Set.of(DEMO_OWNER_GROUP));
      }
      DEMO_CITIZENS.forEach(id -> user(id, "Inwoner", Set.of(UsmGroups.REQUESTERS)));
      DEMO_EMPLOYEES.forEach(id -> user(id, "Medewerker", Set.of(UsmGroups.REQUESTERS)));
      demoLinkAccounts.forEach(id -> user(id, "Link account", Set.of(UsmGroups.LINK_ACCOUNTS)));
    }
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void user(String id, Set<String> groups) {
    user(id, DEMO_USERS.get(id), groups);
  }

  private void user(String id, String firstName, Set<String> groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName("(demo)");
      user.setPassword(id);
      user.setEmail(id + "@middenstad.example");
      identityService.saveUser(user);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }
}
