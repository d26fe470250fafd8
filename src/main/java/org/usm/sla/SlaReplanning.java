package org.usm.sla;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.EngineContext;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedActivity;
import org.usm.instantiation.ServiceBindings;
import org.usm.intake.CallRecord;
import org.usm.intake.CallRegister;
import org.usm.model.CallVariables;
import org.usm.model.Priority;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowElements;

/**
 * Keeps the call's end-to-end SLA in step with its classification. Intake predicts the priority from
 * what the requester said; the entry process's classify step decides it. When that changes the priority,
 * the call is due at registration plus the handling time agreed for the new priority: the clock still
 * runs from registration, the SLA timer, the call register and the variables move to the new due date,
 * and the re-plan is on record. A breached call keeps its breach.
 */
@Component
@Order(45)
public class SlaReplanning implements ModelListener {

  private final CallRegister calls;
  private final AuditTrail audit;
  // Engine services and bindings are built with the engine this listener is part of: resolved late.
  private final ObjectProvider<ServiceBindings> bindings;
  private final ObjectProvider<ManagementService> management;

  public SlaReplanning(CallRegister calls, AuditTrail audit, ObjectProvider<ServiceBindings> bindings,
      ObjectProvider<ManagementService> management) {
    this.calls = calls;
    this.audit = audit;
    this.bindings = bindings;
    this.management = management;
  }

  @Override
  public void parsedBusinessRuleTask(ParsedActivity businessRuleTask) {
    Step.byId(businessRuleTask.id()).filter(step -> step.kind() == StepKind.CLASSIFY)
        .ifPresent(step -> businessRuleTask.onEnd(this::replan));
  }

  private void replan(DelegateExecution classified) {
    if (classified.isCanceled() || !Boolean.TRUE.equals(classified.getVariable(CallVariables.ENTRY_PROCESS))) {
      return;
    }
    CallRecord call = calls.find(classified.getProcessBusinessKey()).orElse(null);
    Priority priority = Priority.fromName((String) classified.getVariable(CallVariables.PRIORITY)).orElse(null);
    if (call == null || priority == null || call.slaBreachedAt() != null) {
      return;
    }
    Instant due = call.registeredAt().plus(bindings.getObject().of(classified).handlingTime(priority));
    if (due.equals(call.slaDueAt())) {
      return;
    }
    DelegateExecution workflow = classified.getProcessInstance().getSuperExecution();
    for (DelegateExecution instance : new DelegateExecution[] {classified, workflow}) {
      instance.getProcessInstance().setVariable(CallVariables.SLA_DUE_DATE, Date.from(due));
      instance.getProcessInstance().setVariable(CallVariables.PRIORITY, priority.name());
    }
    EngineContext.asProduct(() -> {
      Job timer = management.getObject().createJobQuery().processInstanceId(workflow.getProcessInstanceId())
          .activityId(WorkflowElements.SLA_BREACHED).timers().singleResult();
      if (timer != null) {
        management.getObject().setJobDuedate(timer.getId(), Date.from(due));
      }
      return null;
    });
    calls.slaRescheduled(call.trackingNumber(), due);
    audit.record(AuditEvent.of(classified, classified.getCurrentActivityId(), EngineContext.authenticatedUser(classified),
        AuditEvent.Kind.DECISION, null, "classified as " + priority.name() + ": the call is now due " + due
            + " (registered " + call.registeredAt() + ", was due " + call.slaDueAt() + ")"));
  }
}
