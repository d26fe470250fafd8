package org.usm.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowElements;

/**
 * The Tasklist filters every coordinator and operator starts from, created at start-up when missing:
 * my group's tasks, assigned to me, overdue, the operators' steps a coordinator steers, one per USM process
 * and the SLA escalations. The task names
 * carry the call's tracking number and service (variables would need read rights on every process
 * instance, across services). Every user may read the filters; what a user sees through one is still
 * only the tasks of the user's groups.
 */
@Component
public class TasklistFilters {

  /** The coordinators' filter: the operators' steps they steer (the engine shows each coordinator only theirs). */
  public static final String STEERING = "Operators' steps I steer";

  /** A filter: its name, what it asks the engine, and where it sits in the list. */
  record TaskFilter(String name, String description, TaskQuery query, int priority) {}

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  List<TaskFilter> filters() {
    List<TaskFilter> filters = new ArrayList<>();
    filters.add(new TaskFilter("My group's tasks", "Open tasks of the groups you are in, assigned or not",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc(), -10));
    filters.add(new TaskFilter("Assigned to me", "Tasks you claimed",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), -9));
    filters.add(new TaskFilter("Overdue", "Tasks past their due date: the service's agreed handling time",
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), -8));
    filters.add(new TaskFilter(STEERING, "Operators' steps of the processes you coordinate, held or not: assign, "
        + "reassign or move them to another team of the process (coordinators steer, operators execute)",
        taskService.createTaskQuery().taskDefinitionKeyIn(Arrays.stream(Step.values())
            .filter(step -> step.role().orElse(null) == Role.OPERATOR).map(Step::id).toArray(String[]::new))
            .orderByDueDate().asc(), -7));
    int priority = 0;
    for (UsmProcess process : UsmProcess.values()) {
      filters.add(new TaskFilter(process.displayName(), "Tasks of the USM process " + process.displayName(),
          taskService.createTaskQuery().processDefinitionKey(process.key()).orderByDueDate().asc(), priority++));
    }
    filters.add(new TaskFilter("SLA escalations", "Calls whose end-to-end handling time has passed",
        taskService.createTaskQuery().taskDefinitionKey(WorkflowElements.STEER_SLA_BREACH).orderByDueDate().asc(),
        priority));
    return filters;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(3)
  public void createMissing() {
    for (TaskFilter definition : filters()) {
      if (filterService.createTaskFilterQuery().filterName(definition.name()).count() > 0) {
        continue;
      }
      Filter filter = filterService.newTaskFilter(definition.name())
          .setQuery(definition.query())
          .setProperties(properties(definition));
      filterService.saveFilter(filter);
      Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setUserId(Authorization.ANY);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(everyone);
    }
  }

  private static Map<String, Object> properties(TaskFilter filter) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", filter.description());
    properties.put("priority", filter.priority());
    properties.put("refresh", true);
    return properties;
  }
}
