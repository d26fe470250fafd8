package org.usm.instantiation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.usm.definition.ServiceDefinition;
import org.usm.model.WorkflowPattern;

/**
 * Deploys the eight workflows of a service as one deployment. Duplicate filtering per resource means an
 * unchanged service creates no new versions, and a changed one creates new versions of what changed
 * only, while running calls stay on the version they started with.
 */
public class ServiceWorkflowDeployer {

  public static final String DEPLOYMENT_SOURCE = "usm-service-definition";

  private final RepositoryService repositoryService;
  private final WorkflowTemplateInstantiator instantiator = new WorkflowTemplateInstantiator();

  public ServiceWorkflowDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public static String deploymentName(String serviceId) {
    return "usm-service-" + serviceId;
  }

  public static String resourceName(WorkflowPattern pattern, String serviceId) {
    return pattern.keyFor(serviceId) + ".bpmn";
  }

  /** @return the process definitions this call created; empty when the service was unchanged */
  public List<ProcessDefinition> deploy(ServiceDefinition service) {
    return deployWithResult(service).created();
  }

  /** A deployment of a service's workflows: its id, and the process definitions it created. */
  public record Deployed(String deploymentId, List<ProcessDefinition> created) {}

  public Deployed deployWithResult(ServiceDefinition service) {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(deploymentName(service.id()))
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    for (WorkflowPattern pattern : WorkflowPattern.values()) {
      deployment.addModelInstance(resourceName(pattern, service.id()), instantiator.instantiate(pattern, service));
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    List<ProcessDefinition> created = result.getDeployedProcessDefinitions();
    return new Deployed(result.getId(), created == null ? List.of() : new ArrayList<>(created));
  }
}
