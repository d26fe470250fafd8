package org.usm.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usm.clock.UsmClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;

/**
 * Refuses an action in the name of a USM rule: records the refusal in the audit trail, in a transaction
 * of its own, and throws, so the engine rolls back the action and the user reads the rule and the field.
 * The refusal is also kept for the request that caused it, so that the REST answer can name rule and
 * field ({@link #takeRefusalOfThisRequest()}).
 */
@Component
public class RuleEnforcement {

  private static final Logger LOG = LoggerFactory.getLogger(RuleEnforcement.class);
  private static final ThreadLocal<RuleViolation> LAST = new ThreadLocal<>();

  private final AuditTrail audit;

  public RuleEnforcement(AuditTrail audit) {
    this.audit = audit;
  }

  public RuntimeException refuse(DelegateExecution execution, String step, String user, String ruleId, String field,
      String message) {
    return refuse(AuditEvent.of(execution, step, user, AuditEvent.Kind.REFUSAL, ruleId, ""), field, message);
  }

  /** Refuses an action on the call (or, with a null tracking number, on no call) outside any execution. */
  public RuntimeException refuse(String trackingNumber, String processKey, String step, String user, String ruleId,
      String field, String message) {
    return refuse(new AuditEvent(UsmClock.now(), trackingNumber, processKey, null, step, user,
        AuditEvent.Kind.REFUSAL, ruleId, ""), field, message);
  }

  private RuntimeException refuse(AuditEvent where, String field, String message) {
    RuntimeException violation = RuleViolation.of(where.ruleId(), field, message);
    audit.recordRefusal(where.withMessage(violation.getMessage()));
    // A refusal is an answer: one line, no stack trace (the engine logs it at debug level only).
    LOG.info("Refused {} at {} for {}: {}", where.trackingNumber(), where.step(), where.userId(), violation.getMessage());
    LAST.set((RuleViolation) violation);
    return violation;
  }

  /** The last refusal thrown on this thread, once; null when there was none. */
  public static RuleViolation takeRefusalOfThisRequest() {
    RuleViolation last = LAST.get();
    LAST.remove();
    return last;
  }
}
