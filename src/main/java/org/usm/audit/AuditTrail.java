package org.usm.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The product's audit trail. Events are written with the work they describe, in the same transaction;
 * refusals are written in a transaction of their own, because the work they refuse is rolled back.
 */
@Component
public class AuditTrail {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void record(AuditEvent event) {
    jdbc.update("""
        INSERT INTO usm_audit_event (occurred_at, tracking_number, process_key, process_instance_id, step, user_id,
          kind, rule_id, message, data)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        Timestamp.from(event.occurredAt()), event.trackingNumber(), event.processKey(), event.processInstanceId(),
        event.step(),
        event.userId(), event.kind().name(), event.ruleId(), truncate(event.message()), json(event.data()));
  }

  /** Records a refusal so that it survives the rollback of the refused action. */
  public void recordRefusal(AuditEvent event) {
    ownTransaction.executeWithoutResult(status -> record(event));
  }

  public List<AuditEvent> ofCall(String trackingNumber) {
    return jdbc.query("""
        SELECT occurred_at, tracking_number, process_key, process_instance_id, step, user_id, kind, rule_id, message,
          data
        FROM usm_audit_event WHERE tracking_number = ? ORDER BY id""",
        (rs, row) -> new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), AuditEvent.Kind.valueOf(rs.getString(7)),
            rs.getString(8), rs.getString(9), map(rs.getString(10))),
        trackingNumber);
  }

  private static String json(Map<String, Object> data) {
    try {
      return data == null || data.isEmpty() ? null : JSON.writeValueAsString(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("audit data is not JSON: " + data, e);
    }
  }

  private static Map<String, Object> map(String json) {
    try {
      return json == null ? null : JSON.readValue(json, MAP);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Map.of("unreadable", json);
    }
  }

  private static String truncate(String message) {
    return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
  }
}
