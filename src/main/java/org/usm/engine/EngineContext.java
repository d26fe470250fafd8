package org.usm.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** What listeners need to know about the command they run in: who acts, and work done as the product. */
public final class EngineContext {

  private EngineContext() {}

  /** The authenticated user of the command, else the task's assignee; null when neither is known. */
  public static String actingUser(DelegateTask task) {
    String user = authenticatedUser(task.getExecution());
    return user != null ? user : task.getAssignee();
  }

  /**
   * The key of the process the execution runs in, from the engine's deployment cache: no query, and no
   * check of the acting user's right to read definitions, which a rule's own lookup must not depend on.
   */
  public static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  /**
   * The groups of the user acting in the execution's command: those of the authentication when it names
   * them (every REST request and webapp session does), else the user's memberships.
   */
  public static List<String> groupsOf(DelegateExecution execution, String user) {
    Optional<Actor> actor = Actor.current(execution.getProcessEngineServices().getIdentityService());
    if (actor.isPresent() && user.equals(actor.get().userId()) && !actor.get().groupIds().isEmpty()) {
      return actor.get().groupIds();
    }
    return asProduct(() -> execution.getProcessEngineServices().getIdentityService().createGroupQuery()
        .groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
  }

  /** Why the execution was deleted, as the deleting user said (a cancellation); null when not given. */
  public static String deleteReason(DelegateExecution execution) {
    return execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
  }

  public static String authenticatedUser(DelegateExecution execution) {
    return Actor.current(execution.getProcessEngineServices().getIdentityService()).map(Actor::userId).orElse(null);
  }

  /**
   * Runs engine work the product does on its own behalf inside a user's command, such as moving a call
   * to another pattern, without the user needing engine grants for it. The user's rights were checked
   * by the rule that decided the work. The work is the product's, on the call's trail in the product's
   * terms (a re-route, a re-plan), not an operation of the user in the engine's operation log.
   */
  public static <T> T asProduct(Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return work.get();
    }
    boolean authorizationChecked = command.isAuthorizationCheckEnabled();
    boolean operationsLogged = command.isUserOperationLogEnabled();
    command.disableAuthorizationCheck();
    command.disableUserOperationLog();
    try {
      return work.get();
    } finally {
      if (authorizationChecked) {
        command.enableAuthorizationCheck();
      }
      if (operationsLogged) {
        command.enableUserOperationLog();
      }
    }
  }
}
