package org.usm.intake;

import static org.usm.intake.CallRejectedException.Reason.CONFLICT;
import static org.usm.intake.CallRejectedException.Reason.FORBIDDEN;
import static org.usm.intake.CallRejectedException.Reason.INVALID;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.engine.Actor;
import org.usm.security.SystemAccess;
import org.usm.security.UsmGroups;

/**
 * A call its requester no longer wants is withdrawn (DESIGN §12): by the requester, a coordinator of its
 * service or an administrator, before it is fulfilled. Its open steps end, its status is {@code withdrawn},
 * and who withdrew it and why is on its trail: an exception with its place in the workflow, not an
 * administrator's cancellation.
 */
@Service
public class CallWithdrawal {

  /** {@code POST /api/calls/{trackingNumber}/withdrawal}. */
  public record Request(String reason) {}

  /** The answer: the call as withdrawn. */
  public record Withdrawn(String trackingNumber, String status, String withdrawnBy, Instant withdrawnAt,
      String reason) {}

  static final int MAX_REASON = 2000;

  private final CallQueryService calls;
  private final CallRegister register;
  private final ServiceCatalog catalog;
  private final AuditTrail audit;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public CallWithdrawal(CallQueryService calls, CallRegister register, ServiceCatalog catalog, AuditTrail audit,
      RuntimeService runtimeService, IdentityService identityService) {
    this.calls = calls;
    this.register = register;
    this.catalog = catalog;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** The user's withdrawal; refused by field and rule, with nothing changed. */
  @Transactional
  public Withdrawn withdraw(String trackingNumber, Request request) {
    Actor user = Actor.current(identityService).orElseThrow(() ->
        new CallRejectedException(FORBIDDEN, null, "a call is withdrawn by a user"));
    CallRecord call = calls.readable(trackingNumber);
    ServiceDefinition service = catalog.find(call.serviceId()).orElseThrow();
    if (!mayWithdraw(user, call, service)) {
      throw new CallRejectedException(FORBIDDEN, null, "only the call's requester (" + call.requester() + "), a "
          + "coordinator of service '" + service.id() + "' or an administrator withdraws " + trackingNumber);
    }
    String reason = request == null || request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw new CallRejectedException(INVALID, "reason", "reason is required (at most " + MAX_REASON + " characters): "
          + "why the call is no longer wanted is on its trail and evaluated");
    }
    return end(call, reason, user.userId());
  }

  /**
   * Withdraws a call on the product's behalf, because the call that handed it over ended: no user's
   * right is checked, the reason says why.
   */
  @Transactional
  public void withdrawOnBehalfOf(String trackingNumber, String reason) {
    register.find(trackingNumber).filter(call -> isOpen(call.status()))
        .ifPresent(call -> end(call, reason, null));
  }

  /** The requester, a coordinator of one of the service's processes, or an administrator. */
  static boolean mayWithdraw(Actor user, CallRecord call, ServiceDefinition service) {
    return user.userId().equals(call.requester())
        || user.groupIds().contains(UsmGroups.ADMINS)
        || service.roles().values().stream().anyMatch(binding -> user.groupIds().contains(binding.coordinators()));
  }

  private static boolean isOpen(CallStatus status) {
    return status == CallStatus.REGISTERED || status == CallStatus.IN_PROGRESS || status == CallStatus.RE_ROUTED;
  }

  private Withdrawn end(CallRecord call, String reason, String userId) {
    if (!isOpen(call.status())) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", call.trackingNumber() + " is " + call.status().label()
          + (call.status() == CallStatus.FULFILLED || call.status() == CallStatus.CLOSED
              ? ": a fulfilled call is not withdrawn; its review decides whether the delivery is accepted"
              : call.status() == CallStatus.RECLASSIFIED
                  ? ": " + call.reclassifiedAs() + " goes on in its place; withdraw that call"
                  : ": it has ended already"));
    }
    Instant now = UsmClock.now();
    register.ended(call.trackingNumber(), CallStatus.WITHDRAWN, new CallRecord.Cancellation(now, userId, reason));
    ProcessInstance workflow = SystemAccess.run(identityService, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(call.trackingNumber()).rootProcessInstances().singleResult());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", CallStatus.WITHDRAWN.label());
    data.put("reason", reason);
    audit.record(new AuditEvent(now, call.trackingNumber(), null, workflow == null ? null : workflow.getId(), null,
        userId, AuditEvent.Kind.DECISION, null, "withdrawn" + (userId == null ? "" : " by " + userId) + " before "
            + "fulfilment: " + reason + "; its open steps end").withData(data));
    if (workflow != null) {
      // The product ends the steps, on the withdrawal's record: not an administrator's intervention.
      SystemAccess.run(identityService, () -> {
        runtimeService.deleteProcessInstance(workflow.getId(), "withdrawn: " + reason);
        return null;
      });
    }
    return new Withdrawn(call.trackingNumber(), CallStatus.WITHDRAWN.label(), userId, now, reason);
  }
}
