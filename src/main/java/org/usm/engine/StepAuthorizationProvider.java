package org.usm.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.usm.engine.StepHolding.Change;
import org.usm.engine.StepHolding.HolderChange;

/**
 * The engine's one place where users are put on tasks: the engine asks its authorization provider for
 * the grants of every new assignee, owner and candidate, whichever command made the change. Camunda's
 * default grants stay; before them the {@link StepHolding} rules (steering, separation of duties) check and
 * record the change. Two grants differ:
 * the groups that steer a step (its process's coordinators) read and assign it without working it, and
 * a group or user taken off a task loses the grant that came with it (the default keeps it), so a step
 * moved to another team is no longer the old team's to complete.
 */
public class StepAuthorizationProvider extends DefaultAuthorizationProvider {

  private final Supplier<List<StepHolding>> rules;
  private volatile List<StepHolding> holding;

  /** The rules come from a supplier, asked at first use: they are beans built after the engine they watch. */
  public StepAuthorizationProvider(Supplier<List<StepHolding>> rules) {
    this.rules = rules;
  }

  private List<StepHolding> holding() {
    if (holding == null) {
      holding = List.copyOf(rules.get());
    }
    return holding;
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    report(task, Change.ASSIGNEE, oldAssignee, newAssignee);
    revokeUser(task, oldAssignee, 0);
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    report(task, Change.OWNER, oldOwner, newOwner);
    revokeUser(task, oldOwner, 0);
    return super.newTaskOwner(task, oldOwner, newOwner);
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    report(task, Change.CANDIDATE_USER, null, userId);
    return super.newTaskUserIdentityLink(task, userId, type);
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    boolean opening = report(task, Change.GROUP_ADDED, null, groupId);
    List<AuthorizationEntity> grants = new ArrayList<>(Arrays.asList(super.newTaskGroupIdentityLink(task, groupId, type)));
    if (opening && IdentityLinkType.CANDIDATE.equals(type)) {
      for (StepHolding rule : holding()) {
        for (String steering : rule.steeringGroups((TaskEntity) task)) {
          grants.add(createOrUpdateAuthorization(task, null, steering, Resources.TASK, false, TaskPermissions.READ,
              TaskPermissions.TASK_ASSIGN));
        }
      }
    }
    return grants.toArray(AuthorizationEntity[]::new);
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (!((TaskEntity) task).isDeleted()) {
      revokeUser(task, userId, 1);
    }
    return super.deleteTaskUserIdentityLink(task, userId, type);
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (((TaskEntity) task).isDeleted()) {
      // The task ends (completed or cancelled): the engine drops its links and grants itself.
      return null;
    }
    report(task, Change.GROUP_REMOVED, groupId, null);
    AuthorizationEntity grant = getGrantAuthorizationByGroupId(groupId, Resources.TASK, task.getId());
    return grant == null ? null : new AuthorizationEntity[] {grant};
  }

  /** Reports the change; whether the engine is opening the task from its model (not yet stored). */
  private boolean report(Task task, Change change, String previous, String next) {
    TaskEntity entity = (TaskEntity) task;
    boolean opening = Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity);
    HolderChange holderChange = new HolderChange(entity, change, previous, next,
        Context.getCommandContext().getAuthenticatedUserId(), opening);
    for (StepHolding rule : holding()) {
      rule.changing(holderChange);
    }
    return opening;
  }

  /**
   * Takes the task's grant from a user who no longer holds it in the role just changed, unless the user
   * still holds it otherwise (assignee, owner or candidate). The changed property already carries its new
   * value; a candidate link being removed is still among the links ({@code leaving} of them).
   */
  private void revokeUser(Task task, String previous, int leaving) {
    if (previous == null) {
      return;
    }
    TaskEntity entity = (TaskEntity) task;
    long roles = entity.getIdentityLinks().stream().filter(link -> previous.equals(link.getUserId())).count()
        - leaving + (previous.equals(entity.getAssignee()) ? 1 : 0) + (previous.equals(entity.getOwner()) ? 1 : 0);
    if (roles > 0) {
      return;
    }
    // The engine's own housekeeping of its grants, like the default grants it writes: no user right needed.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Context.getCommandContext().getAuthorizationManager()
          .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), previous);
      return null;
    });
  }
}
