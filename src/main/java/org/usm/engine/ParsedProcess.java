package org.usm.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/** A process as the engine parses it: its key, its flow elements, and hooks on its start and end. */
public final class ParsedProcess {

  private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

  /**
   * One element of the process or of one of its sub-processes, as written in the model.
   *
   * @param calledElement the process a call activity calls, else null
   * @param delegateExpression the {@code camunda:delegateExpression} of the element, else null
   */
  public record FlowElement(String id, String type, String calledElement, String delegateExpression) {}

  private final Element element;
  private final ProcessDefinitionEntity definition;

  ParsedProcess(Element element, ProcessDefinitionEntity definition) {
    this.element = element;
    this.definition = definition;
  }

  public String key() {
    return definition.getKey();
  }

  public void onStart(ExecutionListener listener) {
    definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
  }

  public void onEnd(ExecutionListener listener) {
    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
  }

  /** Every element with an id, in the process and its sub-processes. */
  public List<FlowElement> flowElements() {
    List<FlowElement> all = new ArrayList<>();
    collect(element, all);
    return all;
  }

  private static void collect(Element scope, List<FlowElement> all) {
    for (Element child : scope.elements()) {
      String id = child.attribute("id");
      if (id == null) {
        continue;
      }
      String type = child.getTagName();
      all.add(new FlowElement(id, type, "callActivity".equals(type) ? child.attribute("calledElement", "") : null,
          child.attributeNS(CAMUNDA, "delegateExpression")));
      if ("subProcess".equals(type)) {
        collect(child, all);
      }
    }
  }
}
