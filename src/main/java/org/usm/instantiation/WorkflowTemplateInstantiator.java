package org.usm.instantiation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.usm.definition.ServiceDefinition;
import org.usm.model.WorkflowPattern;

/**
 * Turns one of the eight workflow templates into a service's own workflow with the BPMN Model API: the
 * process gets the service's key and name, and the service binding is written as extension properties.
 * Pure model work, no engine: the result can be checked, exported and deployed.
 */
public final class WorkflowTemplateInstantiator {

  public BpmnModelInstance instantiate(WorkflowPattern pattern, ServiceDefinition service) {
    BpmnModelInstance model = readTemplate(pattern);
    Process process = model.getModelElementById(pattern.templateKey());
    if (process == null) {
      throw new IllegalStateException(pattern.templateResource() + " has no process " + pattern.templateKey());
    }
    process.setId(pattern.keyFor(service.id()));
    process.setName(pattern.nameFor(service.name()));
    writeBinding(model, process, ServiceBinding.of(pattern, service).toProperties());
    // No schema validation here: the engine's parser validates what is deployed, and a test validates
    // every template instantiated for every demo service (it would double a deployment's cost).
    return model;
  }

  /** Reads the service binding back from an instantiated workflow. */
  public static ServiceBinding bindingOf(BpmnModelInstance workflow) {
    Process process = workflow.getModelElementsByType(Process.class).iterator().next();
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
        .forEach(group -> group.getCamundaProperties()
            .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue())));
    return ServiceBinding.fromProperties(properties);
  }

  private static void writeBinding(BpmnModelInstance model, Process process, Map<String, String> binding) {
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      process.setExtensionElements(extensions);
    }
    CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
    binding.forEach((name, value) -> {
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(name);
      property.setCamundaValue(value);
      properties.addChildElement(property);
    });
  }

  /** A digest of the eight templates: workflows made from other templates need deploying again. */
  public static String templatesDigest() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (WorkflowPattern pattern : WorkflowPattern.values()) {
        sha.update(TEMPLATES.computeIfAbsent(pattern, WorkflowTemplateInstantiator::templateBytes));
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The templates' bytes, read from the classpath once. */
  private static final Map<WorkflowPattern, byte[]> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();
  /** Each template parsed once; an instantiation works on a copy (copying is far cheaper than parsing). */
  private static final Map<WorkflowPattern, BpmnModelInstance> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  private static BpmnModelInstance readTemplate(WorkflowPattern pattern) {
    BpmnModelInstance template = PARSED.computeIfAbsent(pattern, p -> Bpmn.readModelFromStream(
        new java.io.ByteArrayInputStream(TEMPLATES.computeIfAbsent(p, WorkflowTemplateInstantiator::templateBytes))));
    synchronized (template) { // the DOM is not safe for concurrent reads
      return template.clone();
    }
  }

  private static byte[] templateBytes(WorkflowPattern pattern) {
    try (InputStream in = WorkflowTemplateInstantiator.class.getClassLoader()
        .getResourceAsStream(pattern.templateResource())) {
      if (in == null) {
        throw new IllegalStateException("workflow template not found on the classpath: " + pattern.templateResource());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read workflow template " + pattern.templateResource(), e);
    }
  }
}
