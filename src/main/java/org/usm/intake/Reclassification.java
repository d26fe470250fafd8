package org.usm.intake;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.handover.HandoverRules;
import org.usm.model.CallType;
import org.usm.model.CallVariables;
import org.usm.model.ComponentIds;
import org.usm.model.ProcessExit;
import org.usm.model.Step;
import org.usm.model.StepKind;

/**
 * An accept step reclassifies a call registered as the wrong type (DESIGN §12, rule E1): in the completion's
 * transaction intake registers a call of the right type for the same service and requester, with the call's
 * texts and scale, started by this call and registered by the coordinator who reclassified it; each trail names
 * the other call, and this call's status says reclassified while it goes on to its evaluation. When intake
 * refuses the new call (the service takes no call of that type now), the completion is refused by the field
 * {@code reclassifyAs} and nothing changes. Whether the step may reclassify at all is {@link HandoverRules}'.
 */
@Component
@Order(41)
public class Reclassification extends StepCompletionListener {

  // Intake drives the engine, which is built with this listener: resolved when first needed.
  private final ObjectProvider<CallIntakeService> intake;
  private final CallRegister calls;
  private final AuditTrail audit;
  private final RuleEnforcement enforcement;

  public Reclassification(ObjectProvider<CallIntakeService> intake, CallRegister calls, AuditTrail audit,
      RuleEnforcement enforcement) {
    this.intake = intake;
    this.calls = calls;
    this.audit = audit;
    this.enforcement = enforcement;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return step.kind() == StepKind.ACCEPT;
  }

  @Override
  protected void completed(TaskEvents.Completion completion) {
    if (ProcessExit.decidedAt(completion.step(), completion::variable).filter(ProcessExit.RECLASSIFIED::equals)
        .isEmpty()) {
      return;
    }
    CallRecord call = calls.find(completion.trackingNumber()).orElseThrow(() -> new IllegalStateException(
        completion.trackingNumber() + " is not in the call register"));
    CallType type = CallType.fromId((String) completion.variable(CallVariables.RECLASSIFY_AS)).orElseThrow();
    Object reason = completion.variable(CallVariables.RECLASSIFICATION_REASON);
    CallIntakeService.RegisteredCall replacement = register(completion, call, type);
    String trackingNumber = replacement.trackingNumber();
    // The components the coordinator found the call concerns (H12) are what the new call concerns.
    List<String> concerned = ComponentIds.parse(completion.variable(CallVariables.CONCERNED_COMPONENTS));
    if (!concerned.isEmpty()) {
      calls.concerns(trackingNumber, concerned);
    }
    calls.reclassified(call.trackingNumber(), trackingNumber, String.valueOf(reason));
    audit.record(AuditEvent.of(completion.execution(), completion.step().id(), completion.user(),
        AuditEvent.Kind.LINKED_CALL, HandoverRules.EXIT_RULE, "reclassified as " + type.id() + ": "
            + trackingNumber + " goes on in its place (" + reason + ")"));
    audit.record(new AuditEvent(UsmClock.now(), trackingNumber, replacement.processDefinitionKey(),
        replacement.processInstanceId(), null, completion.user(), AuditEvent.Kind.LINKED_CALL, HandoverRules.EXIT_RULE,
        "registered in place of " + call.trackingNumber() + ", registered as " + call.type() + " and reclassified at "
            + completion.step().id() + " (" + reason + ")"));
  }

  /** The new call, through intake's rules; intake's refusal refuses the reclassification, by its field. */
  private CallIntakeService.RegisteredCall register(TaskEvents.Completion completion, CallRecord call, CallType type) {
    boolean risk = type == CallType.RISK;
    CallRequest request = new CallRequest(call.serviceId(), type.id(), call.summary(), call.requester(),
        (String) completion.variable(CallVariables.IMPACT), (String) completion.variable(CallVariables.URGENCY),
        risk ? (String) completion.variable(CallVariables.EFFECT) : null,
        risk ? (String) completion.variable(CallVariables.LIKELIHOOD) : null, null, call.description(), null);
    try {
      return intake.getObject().registerReclassified(request, call);
    } catch (CallRejectedException refused) {
      throw enforcement.refuse(completion.execution(), completion.step().id(), completion.user(),
          HandoverRules.EXIT_RULE, CallVariables.RECLASSIFY_AS, "service '" + call.serviceId()
              + "' takes no call of type " + type.id() + " now: " + refused.getMessage());
    }
  }
}
