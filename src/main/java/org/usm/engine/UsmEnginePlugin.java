package org.usm.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Attaches the product's rules to every model the engine parses, instead of listeners pasted into each
 * model: deployment checks, handover and separation-of-duties checks, the call lifecycle, register
 * writes, re-routes and the improvement loop. Their order is the order of the listeners' {@code @Order}:
 * checks run before anything that changes state.
 */
@Component
public class UsmEnginePlugin extends AbstractProcessEnginePlugin {

  private final List<BpmnParseListener> listeners;

  public UsmEnginePlugin(List<BpmnParseListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> post = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    post.addAll(listeners);
    configuration.setCustomPostBPMNParseListeners(post);
  }
}
