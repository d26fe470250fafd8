package org.usm.audit;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** One entry of the audit trail of a call. */
public record AuditEvent(
    Instant occurredAt,
    String trackingNumber,
    String processKey,
    String step,
    String userId,
    Kind kind,
    String ruleId,
    String message) {

  /** An event of the call the execution belongs to, now, in the process it runs in. */
  public static AuditEvent of(DelegateExecution execution, String step, String userId, Kind kind, String ruleId,
      String message) {
    String processKey = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    return new AuditEvent(Instant.now(), execution.getProcessBusinessKey(), processKey, step, userId, kind, ruleId,
        message);
  }

  /** What happened. */
  public enum Kind {
    /** Work handed over at a fork to another USM process. */
    HANDOVER,
    /** A secondary process finished and its caller resumed after the fork (H9). */
    RETURN,
    /** The call continues under another pattern than intake predicted. */
    REROUTE,
    /** A register (agreements, MIR) was written. */
    REGISTER,
    /** A call started another call (H8). */
    LINK,
    /** A decision that sends work back or ends it without result: a delivery not accepted, no agreement. */
    DECISION,
    /** The end-to-end SLA of the call passed before it closed. */
    SLA_BREACH,
    /** A rule refused an action; nothing of the action was kept. */
    REFUSAL,
    /** An administrator acted on the call outside its steps: cancelled, modified, migrated, changed variables. */
    INTERVENTION
  }
}
