package org.usm.engine;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who holds a step: the engine adapter reports every change of a task's assignee, owner, candidate users
 * and candidate groups here, whatever command made it (claim, assign, delegate, a saved task, an identity
 * link, either REST API or the Java API), so the rules about who may hold a step hold on every way in.
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
   * once, as the engine opens the task.
   */
  Collection<String> steeringGroups(DelegateTask task);
}
