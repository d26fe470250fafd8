package org.usm.engine;

import org.usm.model.Step;

/**
 * A reaction to the completion of USM steps, attached by the engine plugin to every model it parses:
 * a subclass says which steps it reacts to and what it does (see {@link TaskEvents} for when it runs).
 */
public abstract class StepCompletionListener implements ModelListener {

  /** Whether this reacts to the completion of the step. */
  protected abstract boolean reactsTo(Step step);

  protected abstract void completed(TaskEvents.Completion completion);

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    Step.byId(userTask.id()).filter(this::reactsTo)
        .ifPresent(step -> userTask.onStepCompleted(step, this::completed));
  }
}
