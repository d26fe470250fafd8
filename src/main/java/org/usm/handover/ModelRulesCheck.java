package org.usm.handover;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedProcess;

/**
 * Refuses at deployment any process whose forks, USM steps or register writers break {@link ModelRules}:
 * the deployment fails with every violation named, and nothing of it is deployed.
 */
@Component
@Order(10)
public class ModelRulesCheck implements ModelListener {

  @Override
  public void parsedProcess(ParsedProcess process) {
    Map<String, String> types = new HashMap<>();
    Map<String, String> called = new HashMap<>();
    Map<String, String> delegates = new HashMap<>();
    for (ParsedProcess.FlowElement element : process.flowElements()) {
      types.put(element.id(), element.type());
      if (element.calledElement() != null) {
        called.put(element.id(), element.calledElement());
      }
      if (element.delegateExpression() != null) {
        delegates.put(element.id(), element.delegateExpression());
      }
    }
    List<String> violations = ModelRules.check(new ModelRules.ProcessModel(process.key(), types, called, delegates));
    if (!violations.isEmpty()) {
      throw new ProcessEngineException("Deployment of " + process.key() + " refused by the USM rules: "
          + String.join("; ", violations));
    }
  }
}
