package org.usm.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.usm.model.Step;

/**
 * A reaction to the completion of USM steps, attached by the engine plugin to every model it parses:
 * a subclass says which steps it reacts to and what it does (see {@link TaskEvents} for when it runs).
 */
public abstract class StepCompletionListener extends AbstractBpmnParseListener {

  /** Whether this reacts to the completion of the step. */
  protected abstract boolean reactsTo(Step step);

  protected abstract void completed(TaskEvents.Completion completion);

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    Step.byId(activity.getId()).filter(this::reactsTo)
        .ifPresent(step -> TaskEvents.onCompleted(activity, step, this::completed));
  }
}
