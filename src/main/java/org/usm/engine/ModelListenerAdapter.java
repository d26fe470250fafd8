package org.usm.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The engine's parse callbacks, passed on to one {@link ModelListener}. */
final class ModelListenerAdapter extends AbstractBpmnParseListener {

  private final ModelListener listener;

  ModelListenerAdapter(ModelListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    listener.parsedProcess(new ParsedProcess(processElement, processDefinition));
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    listener.parsedUserTask(new ParsedActivity(activity));
  }

  @Override
  public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
    listener.parsedCallActivity(new ParsedActivity(activity));
  }

  @Override
  public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    listener.parsedBusinessRuleTask(new ParsedActivity(activity));
  }

  @Override
  public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    listener.parsedEndEvent(new ParsedActivity(activity));
  }
}
