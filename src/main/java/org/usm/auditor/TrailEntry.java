package org.usm.auditor;

import java.time.Instant;
import java.util.Map;
import org.usm.audit.AuditEvent;

/**
 * One entry of a call's whole trail (DESIGN §8): what happened, when, in which process, by whom, under
 * which rule, and its data (the fields a step submitted, a decision table's inputs and outputs, the values
 * an intervention changed).
 */
public record TrailEntry(
    Instant occurredAt,
    AuditEvent.Kind kind,
    String step,
    String processKey,
    String processInstanceId,
    String userId,
    String ruleId,
    String message,
    Map<String, Object> data) {

  static TrailEntry of(AuditEvent event) {
    return new TrailEntry(event.occurredAt(), event.kind(), event.step(), event.processKey(),
        event.processInstanceId(), event.userId(), event.ruleId(), event.message(), event.data());
  }
}
