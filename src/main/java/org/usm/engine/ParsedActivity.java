package org.usm.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
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

  /** For a user task of a USM step: reacts to its completion, see {@link TaskEvents}. */
  public void onStepCompleted(Step step, TaskEvents.CompletionListener listener) {
    TaskEvents.onCompleted(activity, step, listener);
  }
}
