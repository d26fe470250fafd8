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
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import org.usm.engine.ModelListener;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.usm.audit.AuditTrail;
import org.usm.definition.ServiceDefinition;
import org.usm.duties.DutiesCheck;
import org.usm.duties.StepCompletions;
import org.usm.engine.DeploymentGuard;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.UserCommandGuard;
import org.usm.engine.UsmEnginePlugin;
import org.usm.handover.HandoverCheck;
import org.usm.handover.ModelRulesCheck;
import org.usm.handover.RouteTargets;
import org.usm.improvement.ImprovementLoop;
import org.usm.intake.CallLifecycle;
import org.usm.intake.CallRegister;
import org.usm.link.LinkedCallStore;
import org.usm.link.LinkedStepCheck;
import org.usm.register.AgreementReached;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;
import org.usm.register.RegisterGuard;
import org.usm.reroute.DynamicReroute;
import org.usm.sla.SlaReplanning;
import org.usm.trust.FormFields;
import org.usm.tasks.TaskPresentation;
import org.usm.definition.ServiceDefinitionReader;
import org.usm.instantiation.RoleGroups;
import org.usm.instantiation.ServiceBindings;
import org.usm.instantiation.ServiceWorkflowDeployer;

/**
 * One in-memory engine for the process tests: the universal processes, the decisions and the workflows of
 * the demo services, deployed as in production and run with the product's rules plugin (handovers, duties,
 * trust guards, call lifecycle) over the product's tables in the same database, with the job executor off
 * so tests drive timers by hand. The MIR delegate and the SLA breach listener only record the calls they
 * see, so that the tests can count them.
 */
public final class UsmTestEngine {

  /** Business keys of the calls whose end-to-end SLA breach was recorded, in order. */
  public static final List<String> SLA_BREACHES = new ArrayList<>();

  /** Business keys of the calls whose C8_UpdateMir ran, in order. */
  public static final List<String> MIR_UPDATES = new ArrayList<>();

  private static final String JDBC_URL = "jdbc:h2:mem:usm-process-tests;DB_CLOSE_DELAY=-1";

  private static ProcessEngine engine;
  private static final Map<String, ServiceDefinition> SERVICES = new HashMap<>();

  private UsmTestEngine() {}

  /** The database of the engine and the product's tables, for tests that put a fact in place. */
  public static org.springframework.jdbc.core.JdbcTemplate jdbc() {
    get();
    return new JdbcTemplate(new DriverManagerDataSource(JDBC_URL, "sa", ""));
  }

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      // The product's own tables beside the engine's, in the same in-memory database.
      DataSource database = new DriverManagerDataSource(JDBC_URL, "sa", "");
      Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(database);
      Clock clock = Clock.systemDefaultZone();
      AuditTrail audit = new AuditTrail(jdbc, new DataSourceTransactionManager(database));
      RuleEnforcement enforcement = new RuleEnforcement(audit);
      CallRegister calls = new CallRegister(jdbc, event -> {});
      LinkedCallStore linkedCalls = new LinkedCallStore(jdbc);
      ManagedInfrastructureRegister mir = new ManagedInfrastructureRegister(jdbc, clock, new RegisterGuard(enforcement), audit);
      AgreementRegister agreements = new AgreementRegister(jdbc, clock, new RegisterGuard(enforcement), audit);
      // Beans the rules resolve late, as in the product, where they are built with the engine.
      StaticListableBeanFactory late = new StaticListableBeanFactory();
      List<ModelListener> rules = new ArrayList<>(List.of(
          new ModelRulesCheck(),
          new DutiesCheck(enforcement, new StepCompletions(jdbc), calls, late.getBeanProvider(RoleGroups.class),
              late.getBeanProvider(ServiceBindings.class)),
          new HandoverCheck(enforcement, audit, mir, late.getBeanProvider(ServiceBindings.class)),
          new CallLifecycle(calls, audit),
          new SlaReplanning(calls, audit, late.getBeanProvider(ServiceBindings.class),
              late.getBeanProvider(org.camunda.bpm.engine.ManagementService.class)),
          new AgreementReached(agreements, audit),
          new DynamicReroute(calls, audit),
          new ImprovementLoop(late.getBeanProvider(org.usm.intake.CallIntakeService.class), calls, audit, linkedCalls,
              late.getBeanProvider(org.camunda.bpm.engine.IdentityService.class),
              late.getBeanProvider(ManagedInfrastructureRegister.class),
              late.getBeanProvider(org.usm.definition.ServiceCatalog.class)),
          new LinkedStepCheck(linkedCalls, enforcement, late.getBeanProvider(ServiceBindings.class)),
          new TaskPresentation(late.getBeanProvider(ServiceBindings.class), clock, new org.usm.intake.CallTexts(jdbc))));
      AnnotationAwareOrderComparator.sort(rules);

      Map<Object, Object> beans = new HashMap<>();
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("usm-process-tests");
      configuration.setJdbcUrl(JDBC_URL);
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setHistory("full");
      configuration.setJobExecutorActivate(false);
      configuration.setEnforceHistoryTimeToLive(true);
      configuration.setJavaSerializationFormatEnabled(false);
      configuration.setBeans(beans);
      configuration.getProcessEnginePlugins().add(new UsmEnginePlugin(rules,
          new UserCommandGuard(new FormFields(), enforcement, audit, event -> {},
          late.getBeanProvider(org.usm.engine.CallLanguage.class)), new DeploymentGuard(enforcement)));
      engine = configuration.buildProcessEngine();

      ServiceBindings bindings = new ServiceBindings(engine.getRepositoryService());
      RoleGroups roles = new RoleGroups(bindings);
      late.addBean("serviceBindings", bindings);
      late.addBean(RoleGroups.BEAN_NAME, roles);
      late.addBean("managementService", engine.getManagementService());
      late.addBean("identityService", engine.getIdentityService());
      late.addBean("managedInfrastructureRegister", mir);
      beans.put(RoleGroups.BEAN_NAME, roles);
      beans.put(RouteTargets.BEAN_NAME, new RouteTargets());
      beans.put("slaBreach", (ExecutionListener) execution -> SLA_BREACHES.add(execution.getProcessBusinessKey()));
      beans.put("updateMir", (JavaDelegate) execution -> MIR_UPDATES.add(execution.getProcessBusinessKey()));

      deployModels();
      ServiceWorkflowDeployer deployer = new ServiceWorkflowDeployer(engine.getRepositoryService());
      for (ServiceDefinition service : demoServices()) {
        SERVICES.put(service.id(), service);
        deployer.deploy(service);
        mir.seed(service);
      }
    }
    return engine;
  }

  /** The demo user's groups, as the demo creates them: every coordinators or every operators group. */
  public static List<String> groupsOf(String demoUser) {
    Set<String> groups = new java.util.LinkedHashSet<>();
    for (ServiceDefinition service : demoServices()) {
      service.roles().values().forEach(binding -> {
        if (demoUser.equals("coordinator")) {
          groups.add(binding.coordinators());
        } else {
          groups.addAll(binding.operators());
        }
      });
    }
    return List.copyOf(groups);
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
