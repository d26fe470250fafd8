package org.usm.audit;

import org.usm.clock.UsmClock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One event the product writes to the audit trail of a call: what the engine's own history does not say
 * in USM terms. The auditor reads it merged with that history ({@code auditor/CallTrail}).
 */
public record AuditEvent(
    Instant occurredAt,
    String trackingNumber,
    String processKey,
    String processInstanceId,
    String step,
    String userId,
    Kind kind,
    String ruleId,
    String message,
    Map<String, Object> data) {

  /** An event whose message says all: no data beside it. */
  public AuditEvent(Instant occurredAt, String trackingNumber, String processKey, String processInstanceId,
      String step, String userId, Kind kind, String ruleId, String message) {
    this(occurredAt, trackingNumber, processKey, processInstanceId, step, userId, kind, ruleId, message, null);
  }

  /** An event of the call the execution belongs to, now, in the process it runs in. */
  public static AuditEvent of(DelegateExecution execution, String step, String userId, Kind kind, String ruleId,
      String message) {
    String processKey = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    return new AuditEvent(UsmClock.now(), execution.getProcessBusinessKey(), processKey,
        execution.getProcessInstanceId(), step, userId, kind, ruleId, message);
  }

  public AuditEvent withMessage(String newMessage) {
    return new AuditEvent(occurredAt, trackingNumber, processKey, processInstanceId, step, userId, kind, ruleId,
        newMessage, data);
  }

  /** The same event with data beside its message, such as a linked call's reported status. */
  public AuditEvent withData(Map<String, Object> newData) {
    return new AuditEvent(occurredAt, trackingNumber, processKey, processInstanceId, step, userId, kind, ruleId,
        message, newData);
  }

  /** What happened. */
  public enum Kind {
    /** Intake registered the call (from the call register). */
    REGISTERED,
    /** A user completed a step (from the engine's task history; {@code data}: the fields submitted). */
    STEP_COMPLETED,
    /**
     * A decision: a decision table's outcome (from the engine's decision history; {@code data}: inputs and
     * outputs), or a step's decision that sends work back, ends it without result or changes the plan.
     */
    DECISION,
    /** Work handed over at a fork to another USM process. */
    HANDOVER,
    /** A secondary process finished and its caller resumed after the fork (H9). */
    RETURN,
    /** The call continues under another pattern than intake predicted. */
    REROUTE,
    /** A register (agreements, MIR) was written. */
    REGISTER,
    /**
     * A call started another call (H8), or a step handed part of its work to a link of the service and the
     * provider reported on it ({@code data.status}).
     */
    LINKED_CALL,
    /** The end-to-end SLA of the call passed before it closed. */
    SLA_BREACH,
    /** The breached call was escalated to its workflow's coordinators, and how they handled it. */
    ESCALATION,
    /**
     * Someone other than the new holder put a user on a step or took one off it, or moved it to another
     * team ({@code data}: change, from, to): coordinators steering the operators' work (DESIGN §12).
     */
    ASSIGNMENT,
    /**
     * The call's requester gave the customer's verdict on a delivery: accepted or not, with a comment
     * ({@code data}: accepted, comment), at the review step it answers (DESIGN §14).
     */
    CONFIRMATION,
    /** A rule refused an action; nothing of the action was kept. */
    REFUSAL,
    /**
     * An administrator acted on the call outside its steps: cancelled, modified, migrated, changed variables
     * (the product's record, and the engine's user operation log).
     */
    INTERVENTION,
    /** The call's workflow reached its closing end event (from the call register). */
    CLOSED
  }
}
