package org.usm.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.Variables;
import org.usm.model.Step;

/**
 * Attaches the product's reactions to the creation and completion of a USM user task, for {@link ParsedActivity}.
 *
 * <p>They run when the completed task's activity ends, not in a task listener: the engine wraps whatever
 * a task listener throws into a generic error, while a refusal thrown here reaches the user as itself
 * (a 400 with the rule's message over REST, the message in Tasklist). The task listener only notes who
 * completed the task, in a transient variable that lives for the command alone; an activity that ends
 * without that note (cancelled, interrupted) is not a completion and triggers nothing.
 */
public final class TaskEvents {

  private TaskEvents() {}

  /**
   * A completed USM step: where, which, who completed it (null when nobody is known), when its task was
   * opened and the groups it was offered to as it was completed.
   */
  public record Completion(DelegateExecution execution, Step step, String user, Instant openedAt,
      List<String> groups) {

    public Object variable(String name) {
      return execution.getVariable(name);
    }

    public String trackingNumber() {
      return execution.getProcessBusinessKey();
    }
  }

  /** Reacts to the completion of a step. */
  @FunctionalInterface
  public interface CompletionListener {
    void completed(Completion completion);
  }

  private static final String NOTE = "usmCompletedBy";
  private static final String NOTED_PROPERTY = "usmCompletionNoted";

  /** Reacts to the creation of the user task; nothing thrown here can refuse anything. */
  static void onCreate(ActivityImpl userTask, TaskListener listener) {
    ((UserTaskActivityBehavior) userTask.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
  }

  /** Reacts to a change of the user task's assignee (claimed, assigned, returned). */
  static void onAssignment(ActivityImpl userTask, TaskListener listener) {
    ((UserTaskActivityBehavior) userTask.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
  }

  static void onCompleted(ActivityImpl userTask, Step step, CompletionListener listener) {
    noteCompletions(userTask);
    userTask.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
      Object note = execution.getVariableLocal(NOTE);
      if (note == null || execution.isCanceled()) {
        return;
      }
      String[] parts = note.toString().split("\\|", 4);
      if (parts[0].equals(execution.getActivityInstanceId())) {
        listener.completed(new Completion(execution, step, parts[3].isEmpty() ? null : parts[3],
            Instant.ofEpochMilli(Long.parseLong(parts[1])),
            parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","))));
      }
    });
  }

  private static void noteCompletions(ActivityImpl userTask) {
    if (userTask.getProperty(NOTED_PROPERTY) != null) {
      return;
    }
    userTask.setProperty(NOTED_PROPERTY, Boolean.TRUE);
    ((UserTaskActivityBehavior) userTask.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
          String user = EngineContext.actingUser(task);
          // The engine reads the task's links to delete them with it: reading them here costs nothing more.
          String groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
              .collect(Collectors.joining(","));
          task.getExecution().setVariableLocal(NOTE, Variables.stringValue(
              task.getExecution().getActivityInstanceId() + "|" + task.getCreateTime().getTime() + "|" + groups + "|"
                  + (user == null ? "" : user), true));
        });
  }
}
