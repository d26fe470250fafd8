package org.usm.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowElements;

/**
 * The Tasklist filters every coordinator and operator starts from, named in the installation's language
 * ({@code usm.language}): my group's tasks, assigned to me, overdue, the operators' steps a coordinator
 * steers, one per USM process and the SLA escalations. Each is known by a key in its properties, not by its
 * name, so that every start brings the product's filters up to date (name, description, query) without
 * duplicating them. The task names carry the call's tracking number and service (variables would need read
 * rights on every process instance, across services). Every user may read the filters; what a user sees
 * through one is still only the tasks of the user's groups. The filters do not sort: Tasklist's own sort
 * control decides, so that what it shows is what it does.
 */
@Component
public class TasklistFilters {

  /** The filter property that holds the key of a product filter. */
  public static final String KEY_PROPERTY = "usmFilter";
  /** The coordinators' filter: the operators' steps they steer (the engine shows each coordinator only theirs). */
  public static final String STEERING = "steering";

  /** A filter: its key, name and description, what it asks the engine, and where it sits in the list. */
  record TaskFilter(String key, Phrase name, Phrase description, TaskQuery query, int priority) {}

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final Language language;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService, @Value("${usm.language:en}") String language) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.language = Language.of(language).orElseThrow(() -> new IllegalStateException(
        "usm.language must be one of " + Language.codes() + " (got '" + language + "')"));
  }

  List<TaskFilter> filters() {
    List<TaskFilter> filters = new ArrayList<>();
    filters.add(new TaskFilter("my-groups", new Phrase("My group's tasks", "Taken van mijn groepen"),
        new Phrase("Open tasks of the groups you are in, assigned or not",
            "Openstaande taken van de groepen waar u in zit, toegewezen of niet"),
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        -10));
    filters.add(new TaskFilter("assigned-to-me", new Phrase("Assigned to me", "Aan mij toegewezen"),
        new Phrase("Tasks you claimed", "Taken die u hebt opgepakt"),
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), -9));
    filters.add(new TaskFilter("overdue", new Phrase("Overdue", "Te laat"),
        new Phrase("Tasks past their due date: the service's agreed handling time",
            "Taken waarvan de vervaldatum is verstreken: de afgesproken doorlooptijd van de dienst"),
        taskService.createTaskQuery().dueBeforeExpression("${now()}"), -8));
    filters.add(new TaskFilter(STEERING, new Phrase("Operators' steps I steer", "Stappen van behandelaars die ik aanstuur"),
        new Phrase("Operators' steps of the processes you coordinate, held or not: assign, reassign or move them to "
            + "another team of the process (coordinators steer, operators execute)",
            "Stappen van behandelaars in de processen die u coördineert, in behandeling of niet: wijs ze toe, wijs ze "
            + "opnieuw toe of verplaats ze naar een ander team van het proces (coördinatoren sturen, behandelaars "
            + "voeren uit)"),
        taskService.createTaskQuery().taskDefinitionKeyIn(Arrays.stream(Step.values())
            .filter(step -> step.role().orElse(null) == Role.OPERATOR).map(Step::id).toArray(String[]::new)), -7));
    int priority = 0;
    for (UsmProcess process : UsmProcess.values()) {
      filters.add(new TaskFilter("process-" + process.id(),
          new Phrase(process.displayName(Language.EN), process.displayName(Language.NL)),
          new Phrase("Tasks of the USM process " + process.displayName(Language.EN),
              "Taken van het USM-proces " + process.displayName(Language.NL)),
          taskService.createTaskQuery().processDefinitionKey(process.key()), priority++));
    }
    filters.add(new TaskFilter("sla-escalations", new Phrase("SLA escalations", "SLA-escalaties"),
        new Phrase("Calls whose end-to-end handling time has passed",
            "Meldingen waarvan de afgesproken doorlooptijd is verstreken"),
        taskService.createTaskQuery().taskDefinitionKey(WorkflowElements.STEER_SLA_BREACH), priority));
    return filters;
  }

  /**
   * Creates the product's filters that are missing and brings the others up to date. A filter made before
   * filters had their key is taken over by its English name once.
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(3)
  public void createOrUpdate() {
    List<Filter> existing = filterService.createTaskFilterQuery().list();
    for (TaskFilter definition : filters()) {
      Filter filter = existing.stream().filter(f -> definition.key().equals(keyOf(f))).findFirst()
          .or(() -> existing.stream().filter(f -> keyOf(f) == null && definition.name().en().equals(f.getName()))
              .findFirst())
          .orElse(null);
      boolean created = filter == null;
      if (created) {
        filter = filterService.newTaskFilter();
      }
      filterService.saveFilter(filter.setName(definition.name().in(language)).setQuery(definition.query())
          .setProperties(properties(definition)));
      if (created) {
        Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyone);
      }
    }
  }

  /** The product's filter of the key. */
  public static Optional<Filter> byKey(FilterService filterService, String key) {
    return filterService.createTaskFilterQuery().list().stream().filter(f -> key.equals(keyOf(f))).findFirst();
  }

  private static String keyOf(Filter filter) {
    return filter.getProperties() == null ? null : (String) filter.getProperties().get(KEY_PROPERTY);
  }

  private Map<String, Object> properties(TaskFilter filter) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY_PROPERTY, filter.key());
    properties.put("description", filter.description().in(language));
    properties.put("priority", filter.priority());
    properties.put("refresh", true);
    return properties;
  }
}
