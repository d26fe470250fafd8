package org.usm.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.clock.UsmClock;
import org.usm.definition.InvalidServiceDefinitionException;
import org.usm.definition.LinkSecrets;
import org.usm.definition.ServiceDefinitionValidator;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.definition.ServiceVersions;
import org.usm.definition.ServiceVersions.ServiceVersion;
import org.usm.definition.ServiceVersions.State;
import org.usm.definition.Violation;
import org.usm.engine.Actor;
import org.usm.instantiation.ServiceWorkflowDeployer;
import org.usm.instantiation.WorkflowTemplateInstantiator;
import org.usm.model.WorkflowPattern;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;
import org.usm.security.GroupAuthorizations;
import org.usm.security.ServiceOwners;
import org.usm.security.SystemAccess;
import org.usm.security.UsmGroups;

/**
 * What a process designer does to services at run time (DESIGN §9): check a definition, create a
 * service, give it a new version, retire it. A stored version and the deployment of its eight workflows
 * happen in one transaction: a refused definition or a failed deployment leaves nothing behind.
 */
@Service
public class ServiceDesign {

  /**
   * A stored version: its service, number, and the keys of its eight workflows; with {@code migration}
   * what moving the running calls onto it did, when asked for.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Stored(String id, int version, String state, List<String> processDefinitionKeys,
      RunningCallMigration.Report migration) {

    Stored withMigration(RunningCallMigration.Report report) {
      return new Stored(id, version, state, processDefinitionKeys, report);
    }
  }

  /** The answer to a dry run. */
  public record Check(boolean valid, List<Violation> violations) {}

  private final ServiceCatalog catalog;
  private final ServiceVersions versions;
  private final ServiceWorkflowDeployer deployer;
  private final ManagedInfrastructureRegister mir;
  private final AgreementRegister agreements;
  private final GroupAuthorizations grants;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;
  private final RunningCallMigration migration;
  private final LinkSecrets secrets;

  public ServiceDesign(ServiceCatalog catalog, ServiceVersions versions, ServiceWorkflowDeployer deployer,
      ManagedInfrastructureRegister mir, AgreementRegister agreements, GroupAuthorizations grants,
      IdentityService identityService, PlatformTransactionManager transactions, RunningCallMigration migration,
      LinkSecrets secrets) {
    this.migration = migration;
    this.secrets = secrets;
    this.catalog = catalog;
    this.versions = versions;
    this.deployer = deployer;
    this.mir = mir;
    this.agreements = agreements;
    this.grants = grants;
    this.identityService = identityService;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The definition read and checked, for a preview; refused with its violations. */
  public ServiceDefinition checked(String text) {
    return check(text, null);
  }

  /** Ids the API and the Services page use as words of their own ({@code /api/services/preview/…}, the page for a new service). */
  static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("new", "preview");

  /** Checks a new version as {@link #newVersion} would (the service exists and is active), and stores nothing. */
  public Check dryRunVersion(String serviceId, String text) {
    if (existing(serviceId).state() == State.RETIRED) {
      throw new DesignRefusal(409, "id", "service '" + serviceId + "' is retired: it gets no new versions");
    }
    return dryRun(text, serviceId);
  }

  /** Checks a definition as a create or new version would, and stores nothing. */
  public Check dryRun(String text, String expectedId) {
    try {
      check(text, expectedId);
      return new Check(true, List.of());
    } catch (DesignRefusal refusal) {
      if (refusal.violations().isEmpty()) {
        throw refusal;
      }
      return new Check(false, refusal.violations());
    }
  }

  public Stored create(String text) {
    String user = designer();
    ServiceDefinition service = check(text, null);
    notOwnWork(service);
    if (catalog.current(service.id()).isPresent()) {
      throw new DesignRefusal(409, "id", "service '" + service.id() + "' exists: give it a new version with PUT "
          + "/api/services/" + service.id());
    }
    return store(service, text, 1, user, "created");
  }

  /**
   * A new version; with {@code migrateRunning} the running calls move onto it where the engine allows.
   *
   * @param expectedVersion the version the designer changed, or null: when another designer stored a
   *     version since, the change is refused (409) rather than silently overwriting theirs
   */
  public Stored newVersion(String serviceId, String text, boolean migrateRunning, Integer expectedVersion) {
    String user = designer();
    ServiceVersion current = existing(serviceId);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new DesignRefusal(409, "expectedVersion", "service '" + serviceId + "' is at version " + current.version()
          + " (stored by " + current.changedBy() + " at " + current.changedAt() + "), not " + expectedVersion
          + ": read it again and apply your change to that version");
    }
    if (current.state() == State.RETIRED) {
      throw new DesignRefusal(409, "id", "service '" + serviceId + "' is retired: it gets no new versions");
    }
    ServiceDefinition service = check(text, serviceId);
    notOwnWork(catalog.definitionOf(current));
    notOwnWork(service);
    Stored stored = store(service, text, current.version() + 1, user, "version " + (current.version() + 1)
        + " replaces " + current.version());
    if (!migrateRunning) {
      return stored;
    }
    return stored.withMigration(SystemAccess.run(identityService,
        () -> migration.migrate(serviceId, stored.version(), user)));
  }

  /** Retires the service: new calls are refused, running calls finish on their version. */
  public Stored retire(String serviceId) {
    String user = designer();
    ServiceVersion current = existing(serviceId);
    if (current.state() == State.RETIRED) {
      throw new DesignRefusal(409, "id", "service '" + serviceId + "' is already retired");
    }
    notOwnWork(catalog.definitionOf(current));
    versions.add(new ServiceVersion(serviceId, current.version() + 1, current.definition(), State.RETIRED, user,
        UsmClock.now(), "retired", current.deploymentId(), current.templateDigest()));
    return stored(serviceId, current.version() + 1, State.RETIRED);
  }

  public ServiceVersion existing(String serviceId) {
    return catalog.current(serviceId).orElseThrow(() ->
        new DesignRefusal(404, "id", "no service '" + serviceId + "'"));
  }

  private Stored store(ServiceDefinition service, String text, int version, String user, String change) {
    String templates = WorkflowTemplateInstantiator.templatesDigest();
    transaction.executeWithoutResult(status -> {
      // The product deploys what it generated (rule T3), not the designer, who holds no deployment grant.
      ServiceWorkflowDeployer.Deployed deployed = SystemAccess.run(identityService,
          () -> deployer.deployWithResult(service));
      versions.add(new ServiceVersion(service.id(), version, text, State.ACTIVE, user, UsmClock.now(), change,
          deployed.deploymentId(), templates));
      mir.seed(service);
      agreements.seed(service);
      // Groups new to the installation get their role's rights, the owner theirs, with the version or not at all.
      SystemAccess.run(identityService, () -> {
        grants.grantNew(service);
        return null;
      });
    });
    return stored(service.id(), version, State.ACTIVE);
  }

  private static Stored stored(String serviceId, int version, State state) {
    return new Stored(serviceId, version, state.label(),
        Arrays.stream(WorkflowPattern.values()).map(p -> p.keyFor(serviceId)).toList(), null);
  }

  /** The definition read and validated as at start-up, and its groups and owner known to the engine. */
  private ServiceDefinition check(String text, String expectedId) {
    if (text == null || text.isBlank()) {
      throw new DesignRefusal(400, "(body)", "a service definition (YAML or JSON) is required",
          List.of(new Violation("(body)", "is empty")));
    }
    ServiceDefinition service;
    try {
      service = catalog.read("the request", text, expectedId);
    } catch (InvalidServiceDefinitionException e) {
      throw new DesignRefusal(400, e.violations().get(0).field(), e.getMessage(), e.violations());
    }
    if (RESERVED_IDS.contains(service.id())) {
      Violation reserved = new Violation("id", "'" + service.id() + "' is reserved by the designer's pages and API");
      throw new DesignRefusal(400, "id", reserved.toString(), List.of(reserved));
    }
    // Whether the groups exist, not whether the designer may read them: one query for all.
    java.util.Set<String> existing = SystemAccess.run(identityService, () -> identityService.createGroupQuery()
        .groupIdIn(service.workingGroups().toArray(String[]::new)).list().stream().map(org.camunda.bpm.engine.identity.Group::getId)
        .collect(java.util.stream.Collectors.toSet()));
    List<Violation> unknown = new ArrayList<>();
    for (Map.Entry<String, ServiceDefinition.RoleBinding> role : service.roles().entrySet()) {
      group(unknown, existing, "roles." + role.getKey() + ".coordinators", role.getValue().coordinators());
      List<String> operators = role.getValue().operators();
      for (int i = 0; i < operators.size(); i++) {
        group(unknown, existing, "roles." + role.getKey() + ".operators[" + i + "]", operators.get(i));
      }
    }
    owner(unknown, service.owner());
    unknown.addAll(ServiceDefinitionValidator.checkLinkTargets(service, id -> catalog.current(id)
        .filter(version -> version.state() == State.ACTIVE).isPresent(), secrets::isSet));
    if (!unknown.isEmpty()) {
      throw new DesignRefusal(400, unknown.get(0).field(), "Service definition names groups, an owner or links it "
          + "may not: " + unknown.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse(""), unknown);
    }
    return service;
  }

  /**
   * The product's own groups never work a service's steps: binding auditors or designers would let them
   * change calls they only read, binding administrators would hand them steps outside their interventions.
   */
  private static final java.util.Set<String> PRODUCT_GROUPS =
      java.util.Set.of(UsmGroups.AUDITORS, UsmGroups.DESIGNERS, UsmGroups.REQUESTERS, UsmGroups.ADMINS,
          UsmGroups.LINK_ACCOUNTS, UsmGroups.SERVICE_DESK);

  private static void group(List<Violation> unknown, java.util.Set<String> existing, String field, String groupId) {
    if (PRODUCT_GROUPS.contains(groupId)) {
      unknown.add(new Violation(field, "names group '" + groupId + "', one of the product's own groups, which never "
          + "work a service's steps"));
    } else if (!existing.contains(groupId)) {
      unknown.add(new Violation(field, "names group '" + groupId + "', which does not exist: create it in Admin first"));
    }
  }

  /**
   * The owner steers on the whole chain and reads its calls and figures (DESIGN §13, book l.2319–2327), so
   * it is a user or group that exists, not a department's name; and none of the product's own groups,
   * whose members would read the service's calls by a role they hold for something else (requesters are
   * the public).
   */
  private void owner(List<Violation> unknown, String owner) {
    if (PRODUCT_GROUPS.contains(owner)) {
      unknown.add(new Violation("owner", "names group '" + owner + "', one of the product's own groups: the owner "
          + "of the chain is a person or team of the organisation who can read its figures"));
    } else if (!SystemAccess.run(identityService, () -> ServiceOwners.of(identityService, owner)).exists()) {
      unknown.add(new Violation("owner", "names '" + owner + "', which is neither a user nor a group: the owner of "
          + "the chain is a person or team who can read its figures"));
    }
  }

  /**
   * SOD-9: nobody designs their own work (book l.3150–3152): whoever works a service's steps, as a member of
   * one of its groups, does not change its definition, so a team cannot write itself out of a rule.
   */
  private void notOwnWork(ServiceDefinition service) {
    Actor user = Actor.current(identityService).orElseThrow();
    List<String> own = service.workingGroups().stream().filter(user.groupIds()::contains).toList();
    if (!own.isEmpty()) {
      throw new DesignRefusal(403, null, "Rule SOD-9: " + user.userId() + " works the steps of service '" + service.id()
          + "' (as a member of " + String.join(", ", own) + ") and so does not design it: nobody designs their own "
          + "work (book l.3152); another designer makes this change");
    }
  }

  /** Only designers and administrators change services. */
  private String designer() {
    Actor user = Actor.current(identityService).orElse(null);
    if (user == null || !(user.groupIds().contains(UsmGroups.DESIGNERS) || user.groupIds().contains(UsmGroups.ADMINS))) {
      throw new DesignRefusal(403, null, "only process designers (" + UsmGroups.DESIGNERS + ") and administrators "
          + "change services");
    }
    return user.userId();
  }
}
