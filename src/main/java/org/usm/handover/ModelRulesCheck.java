package org.usm.handover;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses at deployment any process whose forks, USM steps or register writers break {@link ModelRules}:
 * the deployment fails with every violation named, and nothing of it is deployed.
 */
@Component
@Order(10)
public class ModelRulesCheck extends AbstractBpmnParseListener {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    Map<String, String> types = new HashMap<>();
    Map<String, String> called = new HashMap<>();
    Map<String, String> delegates = new HashMap<>();
    collect(processElement, types, called, delegates);
    List<String> violations = ModelRules.check(
        new ModelRules.ProcessModel(processDefinition.getKey(), types, called, delegates));
    if (!violations.isEmpty()) {
      throw new ProcessEngineException("Deployment of " + processDefinition.getKey() + " refused by the USM rules: "
          + String.join("; ", violations));
    }
  }

  /** Every flow element of the process and its sub-processes, by id and type. */
  private static void collect(Element scope, Map<String, String> types, Map<String, String> called,
      Map<String, String> delegates) {
    for (Element element : scope.elements()) {
      String id = element.attribute("id");
      if (id == null) {
        continue;
      }
      types.put(id, element.getTagName());
      if ("callActivity".equals(element.getTagName())) {
        called.put(id, element.attribute("calledElement", ""));
      }
      String delegate = element.attributeNS(new org.camunda.bpm.engine.impl.util.xml.Namespace(CAMUNDA_NS),
          "delegateExpression");
      if (delegate != null) {
        delegates.put(id, delegate);
      }
      if ("subProcess".equals(element.getTagName())) {
        collect(element, types, called, delegates);
      }
    }
  }
}
