package org.usm.instantiation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.usm.model.Role;

/**
 * Resolves the candidate groups of a user task in a universal process from the call's service binding.
 * Used in the models as {@code ${usmRoles.coordinators(execution)}}: the processes stay shared by all
 * services while every task reaches the groups of its own service.
 */
public class RoleGroups {

  /** The bean name the BPMN expressions use. */
  public static final String BEAN_NAME = "usmRoles";

  private final ServiceBindings bindings;

  public RoleGroups(ServiceBindings bindings) {
    this.bindings = bindings;
  }

  public List<String> coordinators(DelegateExecution execution) {
    return groups(execution, Role.COORDINATOR);
  }

  public List<String> operators(DelegateExecution execution) {
    return groups(execution, Role.OPERATOR);
  }

  /** Coordinators and operators of the process: the team that specifies, plans, analyses and tests. */
  public List<String> team(DelegateExecution execution) {
    return groups(execution, Role.TEAM);
  }

  /** The coordinators of the workflow's entry process: who steers the call as a whole (process steering). */
  public List<String> workflowCoordinators(DelegateExecution execution) {
    ServiceBinding binding = bindings.of(execution);
    return binding.groups(binding.pattern().entryProcess(), Role.COORDINATOR);
  }

  private List<String> groups(DelegateExecution execution, Role role) {
    return bindings.of(execution).groups(bindings.processOf(execution), role);
  }
}
