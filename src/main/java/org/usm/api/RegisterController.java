package org.usm.api;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usm.engine.Actor;
import org.usm.definition.ServiceCatalog;
import org.usm.register.AgreementRegister;
import org.usm.register.ManagedInfrastructureRegister;
import org.usm.definition.ServiceDefinition;
import org.usm.intake.CallAccess;
import org.usm.intake.CallRejectedException;

/** The registers of a service, read-only, with their history: which call changed what, when, by whom. */
@RestController
@RequestMapping("/api/services/{serviceId}")
public class RegisterController {

  /** The agreements register of a service: the agreement in force and every one recorded. */
  public record AgreementsView(String serviceId, AgreementRegister.Agreement active,
      List<AgreementRegister.Agreement> history) {}

  /** The MIR of a service: its components now and every recorded change. */
  public record ComponentsView(String serviceId, List<ManagedInfrastructureRegister.Component> components,
      List<ManagedInfrastructureRegister.MirChange> history) {}

  private final ServiceCatalog catalog;
  private final AgreementRegister agreements;
  private final ManagedInfrastructureRegister mir;
  private final IdentityService identityService;
  private final java.time.Clock clock;

  public RegisterController(ServiceCatalog catalog, AgreementRegister agreements, ManagedInfrastructureRegister mir,
      IdentityService identityService, java.time.Clock clock) {
    this.catalog = catalog;
    this.agreements = agreements;
    this.mir = mir;
    this.identityService = identityService;
    this.clock = clock;
  }

  @GetMapping("/agreements")
  public AgreementsView agreements(@PathVariable String serviceId) {
    ServiceDefinition service = readable(serviceId);
    return new AgreementsView(service.id(), agreements.activeOn(service.id(), java.time.LocalDate.now(clock))
        .orElse(null), agreements.history(service.id()));
  }

  @GetMapping("/components")
  public ComponentsView components(@PathVariable String serviceId) {
    ServiceDefinition service = readable(serviceId);
    return new ComponentsView(service.id(), mir.components(service.id()), mir.changes(service.id()));
  }

  private ServiceDefinition readable(String serviceId) {
    ServiceDefinition service = catalog.find(serviceId).orElseThrow(() -> new CallRejectedException(
        CallRejectedException.Reason.NOT_FOUND, "serviceId", "unknown service '" + serviceId + "'"));
    Actor user = Actor.current(identityService).orElse(null);
    if (user == null || !CallAccess.mayReadRegisters(user.groupIds(), service)) {
      throw new CallRejectedException(CallRejectedException.Reason.FORBIDDEN, "serviceId",
          "the registers of '" + serviceId + "' are read by its coordinators and operators, designers, auditors "
              + "and administrators");
    }
    return service;
  }
}
