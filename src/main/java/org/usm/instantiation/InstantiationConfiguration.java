package org.usm.instantiation;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires template instantiation into the engine: the beans the workflow and process models call. */
@Configuration
public class InstantiationConfiguration {

  @Bean
  public ServiceBindings serviceBindings(RepositoryService repositoryService) {
    return new ServiceBindings(repositoryService);
  }

  @Bean(RoleGroups.BEAN_NAME)
  public RoleGroups roleGroups(ServiceBindings bindings) {
    return new RoleGroups(bindings);
  }

  @Bean
  public ServiceWorkflowDeployer serviceWorkflowDeployer(RepositoryService repositoryService) {
    return new ServiceWorkflowDeployer(repositoryService);
  }
}
