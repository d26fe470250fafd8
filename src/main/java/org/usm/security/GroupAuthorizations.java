package org.usm.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;

/**
 * Grants each group what its role needs, at start-up, from one table. Tasks themselves need no grant
 * here: the engine gives the candidate groups of each task the right to work it, so coordinators and
 * operators see exactly their own groups' tasks. Each grant is kept exactly as the table says, never
 * duplicated: a permission the table drops is withdrawn at the next start. A service's owner, a user or a
 * group, is in the table too (DESIGN §13).
 */
@Component
public class GroupAuthorizations {

  /** One row of the table: a group, or a user where the row names one, may do these things to this resource. */
  public record Grant(String groupId, String userId, Resource resource, String resourceId,
      Permission... permissions) {

    /** A row for a group, as nearly every row is. */
    public Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, null, resource, resourceId, permissions);
    }
  }

  /** The webapps, as application authorizations name them. */
  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";

  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final ServiceCatalog catalog;

  public GroupAuthorizations(AuthorizationService authorizationService, IdentityService identityService,
      ServiceCatalog catalog) {
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.catalog = catalog;
  }

  /** The whole table: the product's groups, the services' groups by role, and the services' owners. */
  public List<Grant> grants() {
    List<Grant> grants = roleGrants();
    ServiceOwners.ids(catalog).forEach(owner -> grants.addAll(ownerGrants(owner)));
    return grants;
  }

  private List<Grant> roleGrants() {
    List<Grant> grants = new ArrayList<>();
    List<String> workers = new ArrayList<>(ServiceGroups.coordinators(catalog));
    workers.addAll(ServiceGroups.operators(catalog));
    for (String group : workers) {
      grants.add(new Grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      // Tasklist links each task to Cockpit, where the plugin shows the call (not the engine's instance).
      grants.add(new Grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    }
    for (String group : ServiceGroups.coordinators(catalog)) {
      // Coordinators steer the operators' work: Tasklist looks up the user or group they assign a step to.
      grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
    }
    grants.add(new Grant(UsmGroups.REQUESTERS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    // The service desk works on its page in Tasklist; the product looks requesters up for it (no USER grant).
    grants.add(new Grant(UsmGroups.SERVICE_DESK, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));

    String auditors = UsmGroups.AUDITORS;
    grants.add(new Grant(auditors, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    grants.add(new Grant(auditors, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK));
    grants.add(new Grant(auditors, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
    grants.add(new Grant(auditors, Resources.TASK, ANY, Permissions.READ));
    grants.add(new Grant(auditors, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(new Grant(auditors, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(auditors, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
    grants.add(new Grant(auditors, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));

    String designers = UsmGroups.DESIGNERS;
    grants.add(new Grant(designers, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    // Designers read deployments but do not create them: only the product deploys (rule T3).
    grants.add(new Grant(designers, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(new Grant(designers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    grants.add(new Grant(designers, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
    return grants;
  }

  /**
   * An owner reads their services' calls, trails and figures through the product's own endpoints, which
   * decide what they may read (CallAccess), also in Cockpit's plugin pages: so Cockpit, and the process
   * models a call's page draws, as every service group reads them; no instance, history or task of the
   * engine. Given to the user of the owner's id and to the group of that id, whichever exists.
   */
  private List<Grant> ownerGrants(String ownerId) {
    ServiceOwners.Owner owner = ServiceOwners.of(identityService, ownerId);
    List<Grant> grants = new ArrayList<>();
    if (owner.isUser()) {
      grants.addAll(ownerRights(null, ownerId));
    }
    if (owner.isGroup()) {
      grants.addAll(ownerRights(ownerId, null));
    }
    return grants;
  }

  private static List<Grant> ownerRights(String groupId, String userId) {
    return List.of(new Grant(groupId, userId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS),
        new Grant(groupId, userId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void grantAll() {
    grant(grants());
  }

  /**
   * Gives a stored service's owner the owner's rights, and groups that it brings into the installation
   * the rights of their role; groups that hold them already (their Tasklist access) are left as they are,
   * so a new service costs a few queries, not the whole table.
   */
  public void grantNew(ServiceDefinition service) {
    Collection<String> groups = service.workingGroups();
    Set<String> granted = authorizationService.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new))
        .resourceType(Resources.APPLICATION).resourceId(TASKLIST).list().stream()
        .map(Authorization::getGroupId).collect(Collectors.toSet());
    List<Grant> grants = new ArrayList<>(ownerGrants(service.owner()));
    Set<String> due = groups.stream().filter(group -> !granted.contains(group)).collect(Collectors.toSet());
    // An owner group's rows are written with every other right the table gives that group, never instead.
    grants.stream().map(Grant::groupId).filter(Objects::nonNull).forEach(due::add);
    roleGrants().stream().filter(grant -> due.contains(grant.groupId())).forEach(grants::add);
    grant(grants);
  }

  /** Where one group or user holds a resource by several rows (an owner group that also works), one grant. */
  private record Holder(String groupId, String userId, Resource resource, String resourceId) {}

  private void grant(List<Grant> grants) {
    Map<Holder, Set<Permission>> merged = new LinkedHashMap<>();
    for (Grant grant : grants) {
      merged.computeIfAbsent(new Holder(grant.groupId(), grant.userId(), grant.resource(), grant.resourceId()),
          holder -> new LinkedHashSet<>()).addAll(List.of(grant.permissions()));
    }
    merged.forEach((holder, permissions) -> {
      AuthorizationQuery query = authorizationService.createAuthorizationQuery()
          .resourceType(holder.resource())
          .resourceId(holder.resourceId());
      query = holder.userId() != null ? query.userIdIn(holder.userId()) : query.groupIdIn(holder.groupId());
      Authorization existing = query.list().stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
          .findFirst().orElse(null);
      Authorization authorization = existing != null
          ? existing
          : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(holder.groupId());
      authorization.setUserId(holder.userId());
      authorization.setResource(holder.resource());
      authorization.setResourceId(holder.resourceId());
      // Exactly the table's permissions: a right the table no longer gives is taken away on upgrade.
      authorization.setPermissions(permissions.toArray(Permission[]::new));
      authorizationService.saveAuthorization(authorization);
    });
  }
}
