package org.usm.steering;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.EngineContext;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedActivity;
import org.usm.engine.RuleEnforcement;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.language.Words;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.WorkflowElements;

/**
 * The SLA escalation steers instead of advising (DESIGN §12; book l.513–525: asking around who holds the
 * work is the symptom): its form lists the call's open steps with who holds them, their groups and since
 * when, and the coordinator who handles it may assign, unassign or move one of them in the same
 * completion. The change goes through the same rules as any other (SOD-HOLD, SOD-STEER) and is on the
 * trail as the coordinator's {@code ASSIGNMENT}.
 */
@Component
@Order(85)
public class SlaSteering implements ModelListener {

  private static final Phrase OPEN_STEP = new Phrase("- **%s** (`%s`) · %s · groups %s · open since %s",
      "- **%s** (`%s`) · %s · groepen %s · open sinds %s");
  private static final Phrase HELD_BY = new Phrase("held by %s", "in behandeling bij %s");
  private static final Phrase NOT_ASSIGNED = new Phrase("not assigned", "niet toegewezen");
  private static final Phrase NOT_OPEN = new Phrase(
      "no step %s is open in call %s: name one of the open steps the form lists, by its code",
      "in melding %2$s staat geen stap %1$s open: noem een van de openstaande stappen op het formulier, met de code");
  private static final Phrase SAY_WHAT = new Phrase(
      "say what happens to %s: assign it to a member of its groups, unassign it, or move it to another team of its "
          + "process",
      "zeg wat er met %s gebeurt: wijs de stap toe aan een lid van haar groepen, neem haar terug, of verplaats haar "
          + "naar een ander team van haar proces");
  private static final Phrase NO_STEP_OPEN = new Phrase("No step is open.", "Er staat geen stap open.");

  private final RuleEnforcement enforcement;
  // The bindings read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<ServiceBindings> bindings;

  public SlaSteering(RuleEnforcement enforcement, ObjectProvider<ServiceBindings> bindings) {
    this.enforcement = enforcement;
    this.bindings = bindings;
  }

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    if (WorkflowElements.STEER_SLA_BREACH.equals(userTask.id())) {
      userTask.onTaskCreated(this::listOpenSteps);
      userTask.onEnd(this::steer);
    }
  }

  /** The open steps, in the language of the call's service: the coordinator reads them on the escalation's form. */
  private void listOpenSteps(DelegateTask escalation) {
    Language language = bindings.getObject().languageOf(escalation.getExecution());
    TaskService tasks = escalation.getProcessEngineServices().getTaskService();
    List<String> lines = new ArrayList<>();
    for (Task task : EngineContext.asProduct(() -> openSteps(tasks, escalation.getExecution().getProcessBusinessKey()))) {
      lines.add(OPEN_STEP.in(language,
          Step.byId(task.getTaskDefinitionKey()).map(step -> step.displayName(language)).orElse(task.getName()),
          task.getTaskDefinitionKey(),
          task.getAssignee() == null ? NOT_ASSIGNED.in(language) : HELD_BY.in(language, task.getAssignee()),
          String.join(", ", EngineContext.asProduct(() -> groupsOf(tasks, task.getId()))),
          task.getCreateTime().toInstant().truncatedTo(ChronoUnit.MINUTES)));
    }
    escalation.setVariableLocal(CallVariables.OPEN_STEPS,
        lines.isEmpty() ? NO_STEP_OPEN.in(language) : String.join("\n", lines));
  }

  /** Applies the escalation's steering, as the coordinator who completed it. */
  private void steer(DelegateExecution execution) {
    Object code = execution.getVariable(CallVariables.STEER_STEP);
    if (execution.isCanceled() || code == null || code.toString().isBlank()) {
      return;
    }
    String user = EngineContext.authenticatedUser(execution);
    String step = code.toString().strip();
    String assignee = text(execution.getVariable(CallVariables.STEER_ASSIGNEE));
    String group = text(execution.getVariable(CallVariables.STEER_GROUP));
    boolean unassign = Boolean.TRUE.equals(execution.getVariable(CallVariables.STEER_UNASSIGN));
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task task = EngineContext.asProduct(() -> openSteps(tasks, execution.getProcessBusinessKey())).stream()
        .filter(open -> open.getTaskDefinitionKey().equals(step)).findFirst()
        .orElseThrow(() -> refuse(execution, user, CallVariables.STEER_STEP, Words.of(NOT_OPEN, step,
            execution.getProcessBusinessKey())));
    if (assignee == null && group == null && !unassign) {
      throw refuse(execution, user, CallVariables.STEER_STEP, Words.of(SAY_WHAT, step));
    }
    // The acting user stays the coordinator: the holder and team rules judge the change as theirs.
    EngineContext.asProduct(() -> {
      if (group != null) {
        tasks.addCandidateGroup(task.getId(), group);
        String holder = assignee != null ? assignee : task.getAssignee();
        if (unassign || holder != null && !isMember(execution, holder, group)) {
          tasks.setAssignee(task.getId(), null);
        }
        if (assignee != null) {
          tasks.setAssignee(task.getId(), assignee);
        }
        groupsOf(tasks, task.getId()).stream().filter(other -> !other.equals(group))
            .forEach(other -> tasks.deleteCandidateGroup(task.getId(), other));
      } else {
        tasks.setAssignee(task.getId(), unassign ? null : assignee);
      }
      return null;
    });
  }

  private static boolean isMember(DelegateExecution execution, String user, String group) {
    return EngineContext.groupsOf(execution, user).contains(group);
  }

  /** Refuses in the language of the call's service: the coordinator who steers it reads the refusal. */
  private RuntimeException refuse(DelegateExecution execution, String user, String field, Words message) {
    Language language = bindings.getObject().languageOf(execution);
    return enforcement.refuse(execution, execution.getCurrentActivityId(), user, StepHolders.ESCALATION_RULE, field,
        language, message.in(language));
  }

  private static List<Task> openSteps(TaskService tasks, String trackingNumber) {
    return tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKeyIn(java.util.Arrays.stream(Step.values()).map(Step::id).toArray(String[]::new))
        .orderByTaskCreateTime().asc().list();
  }

  /** The groups a task is given to (its candidate groups), sorted. */
  public static List<String> groupsOf(TaskService tasks, String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
