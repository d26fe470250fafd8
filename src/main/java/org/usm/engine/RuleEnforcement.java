package org.usm.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;

/**
 * Refuses an action in the name of a USM rule: records the refusal in the audit trail, in a transaction
 * of its own, and throws, so the engine rolls back the action and the user reads the rule and the field.
 */
@Component
public class RuleEnforcement {

  private final AuditTrail audit;

  public RuleEnforcement(AuditTrail audit) {
    this.audit = audit;
  }

  public RuntimeException refuse(DelegateExecution execution, String step, String user, String ruleId, String field,
      String message) {
    RuntimeException violation = RuleViolation.of(ruleId, field, message);
    audit.recordRefusal(AuditEvent.of(execution, step, user, AuditEvent.Kind.REFUSAL, ruleId, violation.getMessage()));
    return violation;
  }
}
