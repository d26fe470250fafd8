package org.usm.engine;

import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.usm.model.Step;

/** An activity of a model as the engine parses it: its id, and hooks on what happens to it at run time. */
public final class ParsedActivity {

  private final ActivityImpl activity;

  ParsedActivity(ActivityImpl activity) {
    this.activity = activity;
  }

  public String id() {
    return activity.getId();
  }

  public void onStart(ExecutionListener listener) {
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
  }

  public void onEnd(ExecutionListener listener) {
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
  }

  /** For a user task: reacts to the creation of its task; nothing thrown there can refuse anything. */
  public void onTaskCreated(TaskListener listener) {
    TaskEvents.onCreate(activity, listener);
  }

  /** For a user task: reacts to each change of its task's assignee. */
  public void onTaskAssigned(TaskListener listener) {
    TaskEvents.onAssignment(activity, listener);
  }

  /**
   * For a user task that shows a Camunda Form: chooses, per task and when the form is asked for, which
   * deployed form it shows, from the form the model names and the task's execution. The model's form id
   * stays the reference's expression text, so the rules that read a task's form (rule T2) read the one
   * the model names.
   */
  public void chooseForm(BiFunction<String, DelegateExecution, String> choice) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      FormDefinition form = userTask.getTaskDefinition().getFormDefinition();
      Expression named = form.getCamundaFormDefinitionKey();
      if (named != null && named.isLiteralText()) {
        form.setCamundaFormDefinitionKey(new ChosenForm(named.getExpressionText(), choice));
      }
    }
  }

  /** The form reference of a user task, chosen from the task's execution when the engine evaluates it. */
  private record ChosenForm(String named, BiFunction<String, DelegateExecution, String> choice) implements Expression {

    @Override
    public Object getValue(VariableScope scope) {
      DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
          : scope instanceof DelegateExecution direct ? direct : null;
      return execution == null ? named : choice.apply(named, execution);
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
      throw new UnsupportedOperationException("a form reference is read, never written");
    }

    @Override
    public String getExpressionText() {
      return named;
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }

  /** For a user task of a USM step: reacts to its completion, see {@link TaskEvents}. */
  public void onStepCompleted(Step step, TaskEvents.CompletionListener listener) {
    TaskEvents.onCompleted(activity, step, listener);
  }
}
