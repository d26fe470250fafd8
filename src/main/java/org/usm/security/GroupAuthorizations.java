package org.usm.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
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

/**
 * Grants each group what its role needs, at start-up, from one table. Tasks themselves need no grant
 * here: the engine gives the candidate groups of each task the right to work it, so coordinators and
 * operators see exactly their own groups' tasks. Each grant is kept exactly as the table says, never
 * duplicated: a permission the table drops is withdrawn at the next start.
 */
@Component
public class GroupAuthorizations {

  /** One row of the table: a group may do these things to this resource. */
  public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {}

  private final AuthorizationService authorizationService;
  private final ServiceCatalog catalog;

  public GroupAuthorizations(AuthorizationService authorizationService, ServiceCatalog catalog) {
    this.authorizationService = authorizationService;
    this.catalog = catalog;
  }

  public List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    List<String> workers = new ArrayList<>(ServiceGroups.coordinators(catalog));
    workers.addAll(ServiceGroups.operators(catalog));
    for (String group : workers) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      // Tasklist links each task to Cockpit, where the plugin shows the call (not the engine's instance).
      grants.add(new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    }
    for (String group : ServiceGroups.coordinators(catalog)) {
      // Coordinators steer the operators' work: Tasklist looks up the user or group they assign a step to.
      grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
    }
    grants.add(new Grant(UsmGroups.REQUESTERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));

    String auditors = UsmGroups.AUDITORS;
    grants.add(new Grant(auditors, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
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
    grants.add(new Grant(designers, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    // Designers read deployments but do not create them: only the product deploys (rule T3).
    grants.add(new Grant(designers, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(new Grant(designers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    grants.add(new Grant(designers, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
    return grants;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void grantAll() {
    grant(grants());
  }

  /**
   * Gives groups that a new service brings into the installation the rights of their role; groups that
   * hold them already (their Tasklist access) are left as they are, so a new service costs one query.
   */
  public void grantNew(Collection<String> groups) {
    Set<String> granted = authorizationService.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new))
        .resourceType(Resources.APPLICATION).resourceId("tasklist").list().stream()
        .map(Authorization::getGroupId).collect(Collectors.toSet());
    Set<String> fresh = groups.stream().filter(group -> !granted.contains(group)).collect(Collectors.toSet());
    if (!fresh.isEmpty()) {
      grant(grants().stream().filter(grant -> fresh.contains(grant.groupId())).toList());
    }
  }

  private void grant(List<Grant> grants) {
    for (Grant grant : grants) {
      Authorization existing = authorizationService.createAuthorizationQuery()
          .groupIdIn(grant.groupId())
          .resourceType(grant.resource())
          .resourceId(grant.resourceId())
          .list().stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst().orElse(null);
      Authorization authorization = existing != null
          ? existing
          : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      // Exactly the table's permissions: a right the table no longer gives is taken away on upgrade.
      authorization.setPermissions(grant.permissions());
      authorizationService.saveAuthorization(authorization);
    }
  }
}
