package org.usm.instantiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.usm.definition.ServiceDefinition;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.CallDriver;
import org.usm.testing.UsmTestEngine;

/** Redeploying a service: unchanged creates nothing, changed creates new versions, running calls keep theirs. */
class ServiceWorkflowDeployerTest {

  private final ProcessEngine engine = UsmTestEngine.get();
  private final RepositoryService repository = engine.getRepositoryService();
  private final ServiceWorkflowDeployer deployer = new ServiceWorkflowDeployer(repository);

  @Test
  void anUnchangedServiceCreatesNoNewVersions() {
    ServiceDefinition verhuizing = UsmTestEngine.service("verhuizing");
    long before = repository.createProcessDefinitionQuery().count();

    assertThat(deployer.deploy(verhuizing)).isEmpty();

    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(before);
  }

  @Test
  void aChangedServiceGetsNewVersionsWhileRunningCallsKeepTheirBinding() {
    ServiceDefinition wmo = UsmTestEngine.service("wmo-voorziening");
    CallDriver running = CallDriver.start(engine, "wmo-voorziening", WorkflowPattern.WF5);
    ProcessDefinition before = latest(WorkflowPattern.WF5.keyFor(wmo.id()));

    ServiceDefinition changed = withOperateCoordinators(wmo, "wmo-regie");
    List<ProcessDefinition> created = deployer.deploy(changed);

    assertThat(created).extracting(ProcessDefinition::getKey)
        .containsExactlyInAnyOrder(keys(wmo.id()).toArray(String[]::new));
    ProcessDefinition after = latest(WorkflowPattern.WF5.keyFor(wmo.id()));
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(running.root().getProcessDefinitionId()).isEqualTo(before.getId());
    assertThat(engine.getTaskService().getIdentityLinksForTask(running.task(Step.O1_AcceptServiceRequest).getId()))
        .extracting(link -> link.getGroupId()).containsExactly("sociaal-domein-coordinatoren");

    CallDriver next = CallDriver.start(engine, "wmo-voorziening", WorkflowPattern.WF5);
    assertThat(engine.getTaskService().getIdentityLinksForTask(next.task(Step.O1_AcceptServiceRequest).getId()))
        .extracting(link -> link.getGroupId()).containsExactly("wmo-regie");

    deployer.deploy(wmo); // the demo binding again, for the other tests on this engine
  }

  private static List<String> keys(String serviceId) {
    return java.util.Arrays.stream(WorkflowPattern.values()).map(p -> p.keyFor(serviceId)).toList();
  }

  private ProcessDefinition latest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private static ServiceDefinition withOperateCoordinators(ServiceDefinition service, String group) {
    java.util.Map<String, ServiceDefinition.RoleBinding> roles = new java.util.LinkedHashMap<>(service.roles());
    roles.put("operate", new ServiceDefinition.RoleBinding(group, service.roles().get("operate").operators()));
    return new ServiceDefinition(service.id(), service.name(), service.description(), service.language(),
        service.owner(),
        service.customers(), service.facility(), service.support(), roles, service.sla(), service.components(),
        service.agreement(), service.stepGroups(), service.links());
  }
}
