package org.usm.instantiation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.cluster.StartupWorkDone;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceVersions;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;

/**
 * Deploys the workflows of every service version not deployed yet (the versions the files seeded, or all
 * of them after an upgrade of the templates), and seeds its registers (managed infrastructure,
 * agreements), once the universal processes are deployed. A restart deploys nothing: every version
 * records its deployment and the templates it was made from.
 *
 * <p>By default the work runs in the background after the application has started, so that a start
 * does not grow with the number of services; until it is done this health indicator
 * ({@code serviceWorkflows}, part of the readiness group) is out of service and intake answers 503.
 * Each service is deployed in a transaction of its own: a refused deployment leaves no service half
 * deployed, and a start interrupted half-way goes on where it stopped at the next.
 */
@Component("serviceWorkflows")
public class ServiceWorkflowsAtStartup implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceWorkflowsAtStartup.class);

  private final ServiceCatalog catalog;
  private final ServiceVersions versions;
  private final ServiceWorkflowDeployer deployer;
  private final ManagedInfrastructureRegister mir;
  private final AgreementRegister agreements;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final boolean inBackground;
  private volatile boolean ready;
  private volatile RuntimeException failure;

  public ServiceWorkflowsAtStartup(ServiceCatalog catalog, ServiceVersions versions, ServiceWorkflowDeployer deployer,
      ManagedInfrastructureRegister mir, AgreementRegister agreements, PlatformTransactionManager transactions,
      ApplicationEventPublisher events, @Value("${usm.services.deploy-in-background:true}") boolean inBackground) {
    this.catalog = catalog;
    this.versions = versions;
    this.deployer = deployer;
    this.mir = mir;
    this.agreements = agreements;
    this.transaction = new TransactionTemplate(transactions);
    this.events = events;
    this.inBackground = inBackground;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  public void deployAtStart() {
    if (!inBackground) {
      deployAll();
      return;
    }
    Thread worker = new Thread(() -> {
      try {
        deployAll();
      } catch (RuntimeException e) {
        failure = e;
        LOG.error("The services' workflows could not be deployed; intake stays closed", e);
      }
    }, "usm-service-deployment");
    worker.setDaemon(true);
    worker.start();
  }

  /** Whether every service's workflows are deployed and the node's start-up work is done. */
  public boolean isReady() {
    return ready;
  }

  @Override
  public Health health() {
    if (failure != null) {
      return Health.down().withDetail("error", failure.getMessage()).build();
    }
    return ready ? Health.up().build() : Health.outOfService().withDetail("deploying", "the services' workflows").build();
  }

  private void deployAll() {
    String templates = WorkflowTemplateInstantiator.templatesDigest();
    int deployedServices = 0;
    for (ServiceVersions.ServiceVersion version : versions.latest()) {
      if (version.deploymentId() != null && templates.equals(version.templateDigest())) {
        continue; // deployed when it was stored, or at an earlier start, from these templates
      }
      transaction.executeWithoutResult(status -> {
        ServiceDefinition service = catalog.definitionOf(version);
        ServiceWorkflowDeployer.Deployed deployed = deployer.deployWithResult(service);
        versions.deployed(version.serviceId(), version.version(), deployed.deploymentId(), templates);
        mir.seed(service);
        agreements.seed(service);
        LOG.debug("Service '{}' version {}: {} new workflow definition version(s)", service.id(), version.version(),
            deployed.created().size());
      });
      deployedServices++;
    }
    LOG.info("Workflows of {} service version(s) deployed", deployedServices);
    events.publishEvent(new ServicesDeployed());
    ready = true;
    events.publishEvent(new StartupWorkDone());
  }
}
