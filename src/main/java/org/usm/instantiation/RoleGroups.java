package org.usm.instantiation;

import org.usm.engine.ModelBeans;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.usm.model.Role;
import org.usm.model.Step;

/**
 * Resolves the candidate groups of a user task in a universal process from the call's service binding and
 * the step's role as {@link Step} declares it. Every USM user task in the models uses the same expression,
 * {@code ${usmRoles.ofStep(execution)}}: the role lives in one place, the processes stay shared by all
 * services, and every task reaches the groups of its own service.
 */
public class RoleGroups {

  /** The bean name the BPMN expressions use. */
  public static final String BEAN_NAME = ModelBeans.ROLES;

  /** The candidate-groups expression of every USM user task. */
  public static final String STEP_EXPRESSION = "${" + BEAN_NAME + ".ofStep(execution)}";

  private final ServiceBindings bindings;

  public RoleGroups(ServiceBindings bindings) {
    this.bindings = bindings;
  }

  /** The groups of the role of the step the execution is at, or those the service narrowed the step to. */
  public List<String> ofStep(DelegateExecution execution) {
    Step step = Step.byId(execution.getCurrentActivityId()).orElseThrow(() -> new IllegalStateException(
        execution.getCurrentActivityId() + " is not a USM step"));
    if (!step.isUserTask()) {
      throw new IllegalStateException(step.id() + " is not a user task");
    }
    return bindings.of(execution).groupsOf(step);
  }

  /** The groups of a role in the process the execution runs in: who may work, and who may not execute. */
  public List<String> of(DelegateExecution execution, Role role) {
    return bindings.of(execution).groups(bindings.processOf(execution), role);
  }

  /** The coordinators of the workflow's entry process: who steers the call as a whole (process steering). */
  public List<String> workflowCoordinators(DelegateExecution execution) {
    ServiceBinding binding = bindings.of(execution);
    return binding.groups(binding.pattern().entryProcess(), Role.COORDINATOR);
  }
}
