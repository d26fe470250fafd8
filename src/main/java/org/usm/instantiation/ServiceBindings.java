package org.usm.instantiation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.usm.language.Language;
import org.usm.model.CallVariables;
import org.usm.model.UsmProcess;

/**
 * Finds the service binding a running call follows: the one of the workflow definition version the call
 * was started with. Process definitions never change once deployed, so lookups are cached by id and a
 * task creation costs no query once a version has been seen.
 */
public class ServiceBindings {

  private final RepositoryService repositoryService;
  private final Map<String, ServiceBinding> byWorkflowDefinition = new ConcurrentHashMap<>();
  private final Map<String, UsmProcess> processByDefinition = new ConcurrentHashMap<>();

  public ServiceBindings(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public ServiceBinding ofWorkflow(String workflowDefinitionId) {
    return byWorkflowDefinition.computeIfAbsent(workflowDefinitionId,
        id -> WorkflowTemplateInstantiator.bindingOf(repositoryService.getBpmnModelInstance(id)));
  }

  /** The binding of the call the execution belongs to, in any of its processes. */
  public ServiceBinding of(DelegateExecution execution) {
    Object workflowDefinitionId = execution.getVariable(CallVariables.WORKFLOW_DEFINITION_ID);
    if (workflowDefinitionId == null) {
      throw new IllegalStateException("process " + execution.getProcessDefinitionId()
          + " runs outside a workflow: variable " + CallVariables.WORKFLOW_DEFINITION_ID + " is missing");
    }
    return ofWorkflow(workflowDefinitionId.toString());
  }

  /**
   * The language the users of the execution's call read (DESIGN §14): its service's. A task without a call
   * (a standalone task, a process started outside any workflow) speaks {@link Language#DEFAULT}.
   */
  public Language languageOf(DelegateExecution execution) {
    Object workflowDefinitionId = execution == null ? null : execution.getVariable(CallVariables.WORKFLOW_DEFINITION_ID);
    return workflowDefinitionId == null ? Language.DEFAULT : ofWorkflow(workflowDefinitionId.toString()).language();
  }

  /** The universal USM process the execution runs in. */
  public UsmProcess processOf(DelegateExecution execution) {
    return processByDefinition.computeIfAbsent(execution.getProcessDefinitionId(),
        id -> UsmProcess.byKey(repositoryService.getProcessDefinition(id).getKey()));
  }
}
