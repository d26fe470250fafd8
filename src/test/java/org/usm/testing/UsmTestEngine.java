package org.usm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceDefinitionReader;
import org.usm.instantiation.RoleGroups;
import org.usm.instantiation.ServiceBindings;
import org.usm.instantiation.ServiceWorkflowDeployer;

/**
 * One in-memory engine for the engine-only process tests: the universal processes, the decisions and the
 * workflows of the demo services, deployed as in production, with the job executor off so tests drive
 * timers by hand. The MIR delegate and the SLA breach listener record the calls they see instead of
 * writing to the product's tables, which this engine does not have.
 */
public final class UsmTestEngine {

  /** Business keys of the calls whose end-to-end SLA breach was recorded, in order. */
  public static final List<String> SLA_BREACHES = new ArrayList<>();

  /** Business keys of the calls whose C8_UpdateMir ran, in order. */
  public static final List<String> MIR_UPDATES = new ArrayList<>();

  private static ProcessEngine engine;
  private static final Map<String, ServiceDefinition> SERVICES = new HashMap<>();

  private UsmTestEngine() {}

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      Map<Object, Object> beans = new HashMap<>();
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("usm-process-tests");
      configuration.setJdbcUrl("jdbc:h2:mem:usm-process-tests;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setHistory("full");
      configuration.setJobExecutorActivate(false);
      configuration.setEnforceHistoryTimeToLive(true);
      configuration.setJavaSerializationFormatEnabled(false);
      configuration.setBeans(beans);
      engine = configuration.buildProcessEngine();

      ServiceBindings bindings = new ServiceBindings(engine.getRepositoryService());
      beans.put(RoleGroups.BEAN_NAME, new RoleGroups(bindings));
      beans.put(org.usm.handover.RouteTargets.BEAN_NAME, new org.usm.handover.RouteTargets());
      beans.put("slaBreach", (ExecutionListener) execution -> SLA_BREACHES.add(execution.getProcessBusinessKey()));
      beans.put("updateMir", (JavaDelegate) execution -> MIR_UPDATES.add(execution.getProcessBusinessKey()));

      deployModels();
      ServiceWorkflowDeployer deployer = new ServiceWorkflowDeployer(engine.getRepositoryService());
      for (ServiceDefinition service : demoServices()) {
        SERVICES.put(service.id(), service);
        deployer.deploy(service);
      }
    }
    return engine;
  }

  public static ServiceDefinition service(String id) {
    get();
    return SERVICES.get(id);
  }

  private static void deployModels() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("usm-models");
    for (Resource resource : resources("classpath*:bpmn/processes/*.bpmn", "classpath*:bpmn/decisions/*.dmn",
        "classpath*:forms/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        deployment.addInputStream(resource.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    deployment.deploy();
  }

  /** The demo service definitions shipped in src/main/resources/services. */
  public static List<ServiceDefinition> demoServices() {
    ServiceDefinitionReader reader = new ServiceDefinitionReader();
    List<ServiceDefinition> services = new ArrayList<>();
    for (Resource resource : resources("classpath*:services/*.yaml")) {
      try (InputStream in = resource.getInputStream()) {
        services.add(reader.read(resource.getFilename(), in, resource.getFilename().replace(".yaml", "")));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return services;
  }

  public static List<Resource> resources(String... patterns) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        found.addAll(List.of(resolver.getResources(pattern)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }
}
