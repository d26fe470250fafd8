package org.usm.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.usm.model.Step;

/**
 * Who holds a step: the engine adapter reports every change of a task's assignee, owner, candidate users
 * and candidate groups here, whatever command made it (claim, assign, delegate, a saved task, an identity
 * link, either REST API or the Java API), so the rules about who may hold a step hold on every way in. Every
 * bean of this type is asked, in their order; the first refusal refuses the change.
 */
public interface StepHolding {

  /** What changes on the task. */
  enum Change { ASSIGNEE, OWNER, CANDIDATE_USER, GROUP_ADDED, GROUP_REMOVED }

  /**
   * A change about to happen: {@code previous} and {@code next} are user ids (group ids for the group
   * changes; null when there is none); {@code opening} while the engine opens the task from its model.
   */
  record HolderChange(DelegateTask task, Change change, String previous, String next, String actingUser,
      boolean opening) {}

  /** Checks the change (throwing a {@link RuleViolation} refuses it and rolls the command back) and records it. */
  void changing(HolderChange change);

  /**
   * Groups that steer the task without working it: they read it and (re)assign it, never complete it. Asked
   * once, as the engine opens the task; a rule about who holds a step names none.
   */
  default Collection<String> steeringGroups(DelegateTask task) {
    return List.of();
  }

  /** Whether the task belongs to a call: a task of the product's workflows or its processes. */
  static boolean isCall(DelegateTask task) {
    return task.getExecution() != null && CallTarget.isProductKey(EngineContext.processKey(task.getExecution()));
  }

  /** The USM step of a call's task; empty for any other task (the SLA escalation, a task outside any call). */
  static Optional<Step> stepOfCall(DelegateTask task) {
    return isCall(task) ? Step.byId(task.getTaskDefinitionKey()) : Optional.empty();
  }
}
