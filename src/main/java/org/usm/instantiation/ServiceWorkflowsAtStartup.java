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
import org.usm.definition.ServiceDefinition;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;

/**
 * Deploys the workflows of every service in the catalog, and seeds its registers (managed infrastructure, agreements), once the universal processes are deployed. All
 * services go in one transaction: a refused deployment leaves no service half deployed. The catalog has
 * checked every definition before this runs.
 */
@Component
public class ServiceWorkflowsAtStartup {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceWorkflowsAtStartup.class);

  private final ServiceCatalog catalog;
  private final ServiceWorkflowDeployer deployer;
  private final ManagedInfrastructureRegister mir;
  private final AgreementRegister agreements;
  private final TransactionTemplate transaction;

  public ServiceWorkflowsAtStartup(ServiceCatalog catalog, ServiceWorkflowDeployer deployer,
      ManagedInfrastructureRegister mir, AgreementRegister agreements, PlatformTransactionManager transactions) {
    this.catalog = catalog;
    this.deployer = deployer;
    this.mir = mir;
    this.agreements = agreements;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void deployAll() {
    transaction.executeWithoutResult(status -> {
      for (ServiceDefinition service : catalog.all()) {
        int created = deployer.deploy(service).size();
        mir.seed(service);
        agreements.seed(service);
        LOG.info("Service '{}': {} new workflow definition version(s)", service.id(), created);
      }
    });
  }
}
