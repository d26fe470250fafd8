package org.usm.sla;

import org.usm.engine.ModelBeans;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.intake.CallRegister;
import org.usm.model.CallVariables;

/**
 * Runs when a call's end-to-end SLA passes before it closed, as the workflow coordinator's escalation
 * task starts: marks the call as breached, records the breach in the call register (it becomes an
 * improvement finding when the call is evaluated, rule H8) and in the audit trail. Used in the workflow
 * templates as {@code ${slaBreach}}.
 */
@Component(SlaBreachListener.BEAN_NAME)
public class SlaBreachListener implements ExecutionListener {

  public static final String BEAN_NAME = ModelBeans.SLA_BREACH;

  private final CallRegister calls;
  private final AuditTrail audit;
  private final Clock clock;

  public SlaBreachListener(CallRegister calls, AuditTrail audit, Clock clock) {
    this.calls = calls;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(CallVariables.SLA_BREACHED, true);
    String trackingNumber = execution.getProcessBusinessKey();
    calls.slaBreached(trackingNumber, clock.instant());
    audit.record(AuditEvent.of(execution, execution.getCurrentActivityId(), null, AuditEvent.Kind.SLA_BREACH, null, "end-to-end SLA breached: the call was due "
            + execution.getVariable(CallVariables.SLA_DUE_DATE)));
  }
}
