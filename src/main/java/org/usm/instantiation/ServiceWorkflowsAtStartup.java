package org.usm.instantiation;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceVersions;
import org.usm.definition.ServiceDefinition;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;

/**
 * Deploys the workflows of every service version not deployed yet (the versions the files seeded), and
 * seeds its registers (managed infrastructure, agreements), once the universal processes are deployed.
 * A restart deploys nothing unless the product's templates changed: every version records its deployment
 * and the templates it was made from. All go in one transaction: a refused
 * deployment leaves no service half deployed. The catalog has checked every definition before this runs.
 */
@Component
public class ServiceWorkflowsAtStartup {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceWorkflowsAtStartup.class);

  private final ServiceCatalog catalog;
  private final ServiceVersions versions;
  private final ServiceWorkflowDeployer deployer;
  private final ManagedInfrastructureRegister mir;
  private final AgreementRegister agreements;
  private final TransactionTemplate transaction;

  public ServiceWorkflowsAtStartup(ServiceCatalog catalog, ServiceVersions versions, ServiceWorkflowDeployer deployer,
      ManagedInfrastructureRegister mir, AgreementRegister agreements, PlatformTransactionManager transactions) {
    this.catalog = catalog;
    this.versions = versions;
    this.deployer = deployer;
    this.mir = mir;
    this.agreements = agreements;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void deployAll() {
    String templates = WorkflowTemplateInstantiator.templatesDigest();
    transaction.executeWithoutResult(status -> {
      for (ServiceVersions.ServiceVersion version : versions.latest()) {
        if (version.deploymentId() != null && templates.equals(version.templateDigest())) {
          continue; // deployed when it was stored, or at an earlier start, from these templates
        }
        ServiceDefinition service = catalog.definitionOf(version);
        ServiceWorkflowDeployer.Deployed deployed = deployer.deployWithResult(service);
        versions.deployed(version.serviceId(), version.version(), deployed.deploymentId(), templates);
        mir.seed(service);
        agreements.seed(service);
        LOG.info("Service '{}' version {}: {} new workflow definition version(s)", service.id(), version.version(),
            deployed.created().size());
      }
    });
  }
}
