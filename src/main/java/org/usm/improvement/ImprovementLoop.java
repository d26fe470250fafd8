package org.usm.improvement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.engine.ExceptionDecided;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRecord;
import org.usm.intake.CallRegister;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceVersions;
import org.usm.intake.CallRequest;
import org.usm.link.LinkedCallStore;
import org.usm.model.CallType;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.register.ManagedInfrastructureRegister;
import org.usm.security.SystemAccess;

/**
 * The improvement loop (rule H8): every process feeds Improve. Each line of {@code improvementFindings}
 * at an evaluate step registers a risk call for the same service, linked to the call it came from, in
 * the same transaction as the evaluation. A breached end-to-end SLA is one more finding, raised when the
 * entry process is evaluated, and so is each linked call that was late against its link's agreement.
 */
@Component
@Order(70)
public class ImprovementLoop extends StepCompletionListener {

  private static final int MAX_SUMMARY = 500;

  // Intake drives the engine, which is built with this listener: resolved when first needed.
  private final ObjectProvider<CallIntakeService> intake;
  private final CallRegister calls;
  private final AuditTrail audit;
  private final LinkedCallStore linkedCalls;
  private final ObjectProvider<IdentityService> identityService;
  private final ObjectProvider<ManagedInfrastructureRegister> mir;
  private final ObjectProvider<ServiceCatalog> catalog;

  public ImprovementLoop(ObjectProvider<CallIntakeService> intake, CallRegister calls, AuditTrail audit,
      LinkedCallStore linkedCalls, ObjectProvider<IdentityService> identityService,
      ObjectProvider<ManagedInfrastructureRegister> mir, ObjectProvider<ServiceCatalog> catalog) {
    this.mir = mir;
    this.catalog = catalog;
    this.identityService = identityService;
    this.intake = intake;
    this.calls = calls;
    this.audit = audit;
    this.linkedCalls = linkedCalls;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return step.kind() == StepKind.EVALUATE;
  }

  /** The findings of an evaluation, one a line, blank lines left out. */
  static List<String> findings(Object text) {
    return text == null ? List.of()
        : Arrays.stream(text.toString().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * An administrator's cancellation, modification or migration of a call is an exception one person
   * decided: it is a finding for Improve of the service (book l.3323), raised as a linked risk once the
   * intervention is done, in its transaction.
   */
  @EventListener
  public void exceptionDecided(ExceptionDecided decided) {
    AuditEvent intervention = decided.intervention();
    calls.find(intervention.trackingNumber()).ifPresent(call -> {
      String outcome = SystemAccess.run(identityService.getObject(), () -> raise(call.serviceId(),
          call.trackingNumber(), "Intervention on " + call.trackingNumber() + " by " + intervention.userId() + ": "
              + intervention.message() + "; an exception decided outside the workflow, to be evaluated",
          intervention.userId()));
      audit.record(new AuditEvent(UsmClock.now(), call.trackingNumber(), intervention.processKey(),
          intervention.processInstanceId(), intervention.step(), intervention.userId(), AuditEvent.Kind.LINKED_CALL,
          "H8", "intervention " + outcome + " for Improve: " + intervention.message()));
    });
  }

  /** Raises a linked risk for every finding of the evaluation. */
  @Override
  protected void completed(TaskEvents.Completion evaluation) {
    String source = evaluation.trackingNumber();
    String user = evaluation.user();
    List<String> findings = new ArrayList<>(findings(evaluation.variable(CallVariables.IMPROVEMENT_FINDINGS)));
    if (Boolean.TRUE.equals(evaluation.variable(CallVariables.ENTRY_PROCESS))) {
      // A risk's own breach is on its trail already; raised as another risk it would breed Improve work.
      calls.find(source).filter(call -> !CallType.RISK.id().equals(call.type())).map(CallRecord::slaBreachedAt)
          .ifPresent(breached -> findings.add(
          "End-to-end SLA of " + source + " breached: due " + evaluation.variable(CallVariables.SLA_DUE_DATE)
              + ", still open at " + breached));
      linkedCalls.ofCall(source).stream().filter(linked -> linked.breachedAt() != null).forEach(linked ->
          findings.add("Link '" + linked.linkId() + "' (" + linked.linkName() + ") late against its agreement: "
              + (linked.providerTrackingNumber() == null ? "the call" : linked.providerTrackingNumber())
              + " handed over at " + linked.step() + " was due " + linked.dueAt() + ", "
              + linked.status().label() + " at " + (linked.finishedAt() == null ? linked.breachedAt()
                  : linked.finishedAt())));
    }
    for (String finding : findings) {
      // SOD-5 rules every evaluate step, so a known user completed it: the finder, the risk's requester.
      String outcome = raise((String) evaluation.variable(CallVariables.SERVICE_ID), source, finding, user);
      audit.record(AuditEvent.of(evaluation.execution(), evaluation.step().id(), user, AuditEvent.Kind.LINKED_CALL, "H8",
          "improvement finding " + outcome + ": " + summary(finding)));
    }
  }

  /** A finding as a risk's summary, which intake keeps to its length. */
  private static String summary(String finding) {
    return finding.length() <= MAX_SUMMARY ? finding : finding.substring(0, MAX_SUMMARY - 3) + "...";
  }

  /**
   * Improve steers on patterns, not on single findings (book l.5004–5008): a finding that names a managed
   * component of the service joins the open risk that concerns that component, on that risk's trail;
   * otherwise it is raised as a new risk, which concerns the components it names. Answers what happened,
   * for the source call's trail.
   */
  private String raise(String serviceId, String source, String text, String finder) {
    String finding = summary(text);
    ServiceCatalog services = catalog.getIfAvailable();
    if (services != null && services.current(serviceId).filter(v -> v.state() == ServiceVersions.State.RETIRED)
        .isPresent()) {
      // A retired service takes no new calls, a risk neither; the finding stays on the source's trail.
      return "not raised: service " + serviceId + " is retired";
    }
    Set<String> known = mir.getObject().componentIds(serviceId);
    List<String> named = Arrays.stream(finding.split("[^A-Za-z0-9._-]+")).filter(known::contains).distinct().toList();
    Optional<String> open = named.isEmpty() ? Optional.empty()
        : calls.openRiskConcerning(serviceId, named, source);
    if (open.isPresent()) {
      audit.record(new AuditEvent(UsmClock.now(), open.get(), null, null, null, finder,
          AuditEvent.Kind.LINKED_CALL, "H8", "finding of " + source + " joins this risk (it concerns "
              + String.join(", ", named) + "): " + finding));
      return "joined open risk " + open.get() + " (same component " + String.join(", ", named) + ")";
    }
    String risk = intake.getObject().registerFinding(new CallRequest(serviceId, CallType.RISK.id(), finding, finder,
        null, null, null, null, null), source, finder).trackingNumber();
    if (!named.isEmpty()) {
      calls.concerns(risk, named);
    }
    return "raised as risk " + risk;
  }
}
