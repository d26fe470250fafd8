package org.usm.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/** Attaches listeners to the user task an activity stands for, from a parse listener. */
public final class TaskEvents {

  private TaskEvents() {}

  public static void onComplete(ActivityImpl userTask, TaskListener listener) {
    on(userTask, TaskListener.EVENTNAME_COMPLETE, listener);
  }

  public static void on(ActivityImpl userTask, String event, TaskListener listener) {
    ((UserTaskActivityBehavior) userTask.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(event, listener);
  }
}
