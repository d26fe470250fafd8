package org.usm.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.model.ComponentIds;
import java.util.Objects;

/**
 * The register of calls: one row per tracking number, written in the same transaction as the engine's
 * own work, so a call is registered exactly when its workflow runs. Each change of a call's status is
 * published ({@link CallStatusChanged}) in that transaction.
 */
@Component
public class CallRegister {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  public CallRegister(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public void add(CallRecord call) {
    jdbc.update("""
        INSERT INTO usm_call (tracking_number, service_id, call_type, pattern, status, summary, requester,
          registered_by, registered_at, sla_due_at, process_instance_id, parent_tracking_number, predicted_pattern,
          description, external_reference, raised_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        call.trackingNumber(), call.serviceId(), call.type(), call.pattern(), call.status().label(),
        call.summary(), call.requester(), call.registeredBy(), Timestamp.from(call.registeredAt()),
        Timestamp.from(call.slaDueAt()), call.processInstanceId(), call.parentTrackingNumber(),
        call.predictedPattern(), call.description(), call.reference(), call.raisedBy());
  }

  public Optional<CallRecord> find(String trackingNumber) {
    return jdbc.query("SELECT * FROM usm_call WHERE tracking_number = ?", CallRegister::map, trackingNumber)
        .stream().findFirst();
  }

  /** How many calls the selection covers. */
  public long count(CallSelection selection, ZoneId zone) {
    List<Object> args = new ArrayList<>();
    String where = selection.where("c", zone, args);
    return jdbc.queryForObject("SELECT COUNT(*) FROM usm_call c WHERE " + where, Long.class, args.toArray());
  }

  /** The calls of the selection, newest first, from {@code offset}. */
  public List<CallRecord> list(CallSelection selection, ZoneId zone, long offset, int limit) {
    List<Object> args = new ArrayList<>();
    String where = selection.where("c", zone, args);
    args.add(limit);
    args.add(offset);
    return jdbc.query("SELECT * FROM usm_call c WHERE " + where
        + " ORDER BY c.registered_at DESC, c.tracking_number DESC LIMIT ? OFFSET ?", CallRegister::map, args.toArray());
  }

  /**
   * The oldest open risk of the service, other than {@code except}, that concerns one of the components, if
   * any (Improve on patterns).
   */
  public Optional<String> openRiskConcerning(String serviceId, List<String> components, String except) {
    return jdbc.query("SELECT tracking_number, concerned_components FROM usm_call WHERE service_id = ? "
        + "AND call_type = 'risk' AND status IN (?, ?, ?) AND tracking_number <> ? "
        + "ORDER BY registered_at, tracking_number",
        (rs, row) -> ComponentIds.parse(rs.getString(2)).stream().anyMatch(components::contains)
            ? rs.getString(1) : null, serviceId, CallStatus.REGISTERED.label(), CallStatus.IN_PROGRESS.label(),
        CallStatus.RE_ROUTED.label(), except).stream().filter(Objects::nonNull).findFirst();
  }

  /** The calls this call started, for example the risks its evaluation raised (rule H8). */
  public List<String> startedBy(String trackingNumber) {
    return jdbc.queryForList(
        "SELECT tracking_number FROM usm_call WHERE parent_tracking_number = ? ORDER BY tracking_number",
        String.class, trackingNumber);
  }

  /** The call continues under another pattern than intake predicted. */
  public void rerouted(String trackingNumber, org.usm.model.WorkflowPattern pattern) {
    jdbc.update("UPDATE usm_call SET pattern = ?, status = ? WHERE tracking_number = ?", pattern.name(),
        CallStatus.RE_ROUTED.label(), trackingNumber);
    events.publishEvent(new CallStatusChanged(trackingNumber, CallStatus.RE_ROUTED, null));
  }

  /** The call's end-to-end due date after its classification changed its priority. */
  public void slaRescheduled(String trackingNumber, java.time.Instant due) {
    jdbc.update("UPDATE usm_call SET sla_due_at = ? WHERE tracking_number = ?", Timestamp.from(due), trackingNumber);
  }

  /** Records the first time the call's end-to-end SLA passed while it was open. */
  public void slaBreached(String trackingNumber, java.time.Instant at) {
    jdbc.update("UPDATE usm_call SET sla_breached_at = ? WHERE tracking_number = ? AND sla_breached_at IS NULL",
        Timestamp.from(at), trackingNumber);
  }

  /**
   * The call's workflow was ended before it closed: by an administrator ({@code cancelled}) or because the
   * call was withdrawn ({@code withdrawn}); who, when and why. A call ended once stays as it ended.
   */
  public void ended(String trackingNumber, CallStatus status, CallRecord.Cancellation cancellation) {
    int updated = jdbc.update("UPDATE usm_call SET status = ?, cancelled_at = ?, cancelled_by = ?, cancel_reason = ? "
        + "WHERE tracking_number = ? AND status NOT IN (?, ?)", status.label(), Timestamp.from(cancellation.at()),
        cancellation.by(), cancellation.reason(), trackingNumber, CallStatus.CANCELLED.label(),
        CallStatus.WITHDRAWN.label());
    if (updated == 1) {
      events.publishEvent(new CallStatusChanged(trackingNumber, status, cancellation.reason()));
    }
  }

  /** Adds managed components the call concerns (H12), keeping those linked before. */
  public void concerns(String trackingNumber, List<String> components) {
    List<String> all = new java.util.ArrayList<>(find(trackingNumber).map(CallRecord::concernedComponents)
        .orElse(List.of()));
    components.stream().filter(c -> !all.contains(c)).forEach(all::add);
    jdbc.update("UPDATE usm_call SET concerned_components = ? WHERE tracking_number = ?", String.join(",", all),
        trackingNumber);
  }

  /** The managed components the call's change modifies (H1), as decided at C3. */
  public void changes(String trackingNumber, List<String> components) {
    jdbc.update("UPDATE usm_call SET changed_components = ? WHERE tracking_number = ?", String.join(",", components),
        trackingNumber);
  }

  /** The exit the call's entry process took and why: the call ends without delivering (DESIGN §12). */
  public void outcome(String trackingNumber, String outcome) {
    jdbc.update("UPDATE usm_call SET outcome = ? WHERE tracking_number = ?", outcome, trackingNumber);
  }

  /**
   * An accept step reclassified the call: {@code replacement} goes on in its place, for the reason given. The
   * call still goes to its evaluation.
   */
  public void reclassified(String trackingNumber, String replacement, String reason) {
    jdbc.update("UPDATE usm_call SET status = ?, reclassified_as = ? WHERE tracking_number = ?",
        CallStatus.RECLASSIFIED.label(), replacement, trackingNumber);
    events.publishEvent(new CallStatusChanged(trackingNumber, CallStatus.RECLASSIFIED, reason));
  }

  /** The call's workflow reached its closing end event; a reclassified call keeps saying where it went. */
  public void closed(String trackingNumber, Instant at) {
    if (jdbc.update("UPDATE usm_call SET status = ?, closed_at = ? WHERE tracking_number = ? AND status <> ?",
        CallStatus.CLOSED.label(), Timestamp.from(at), trackingNumber, CallStatus.RECLASSIFIED.label()) == 1) {
      events.publishEvent(new CallStatusChanged(trackingNumber, CallStatus.CLOSED, null));
    } else {
      jdbc.update("UPDATE usm_call SET closed_at = ? WHERE tracking_number = ?", Timestamp.from(at), trackingNumber);
    }
  }

  /** The requester accepted the delivery of the call's entry process: the customer's moment (DESIGN §13). */
  public void fulfilled(String trackingNumber, Instant at) {
    jdbc.update("UPDATE usm_call SET status = ?, fulfilled_at = COALESCE(fulfilled_at, ?) WHERE tracking_number = ?",
        CallStatus.FULFILLED.label(), Timestamp.from(at), trackingNumber);
    events.publishEvent(new CallStatusChanged(trackingNumber, CallStatus.FULFILLED, null));
  }

  /** Work of the call went back: a review rejected the delivery or a test failed. */
  public void reworked(String trackingNumber) {
    jdbc.update("UPDATE usm_call SET rework_count = rework_count + 1 WHERE tracking_number = ?", trackingNumber);
  }

  /**
   * Keeps the customer's verdict on a delivery; false when a verdict on that delivery is there already (a
   * request that raced another one), and then nothing is changed.
   */
  public boolean confirmed(String trackingNumber, CallRecord.Confirmation verdict) {
    return jdbc.update("UPDATE usm_call SET verdict_accepted = ?, verdict_comment = ?, verdict_at = ?, verdict_by = ?, "
        + "verdict_review_task = ? WHERE tracking_number = ? AND (verdict_review_task IS NULL OR verdict_review_task <> ?)",
        verdict.accepted(), verdict.comment(), Timestamp.from(verdict.at()), verdict.by(), verdict.reviewTaskId(),
        trackingNumber, verdict.reviewTaskId()) == 1;
  }

  public void updateStatus(String trackingNumber, CallStatus status) {
    jdbc.update("UPDATE usm_call SET status = ? WHERE tracking_number = ?", status.label(), trackingNumber);
    events.publishEvent(new CallStatusChanged(trackingNumber, status, null));
  }

  private static CallRecord map(ResultSet rs, int row) throws SQLException {
    return new CallRecord(
        rs.getString("tracking_number"),
        rs.getString("service_id"),
        rs.getString("call_type"),
        rs.getString("pattern"),
        CallStatus.fromLabel(rs.getString("status")),
        rs.getString("summary"),
        rs.getString("requester"),
        rs.getString("registered_by"),
        rs.getTimestamp("registered_at").toInstant(),
        rs.getTimestamp("sla_due_at").toInstant(),
        rs.getString("process_instance_id"),
        rs.getString("parent_tracking_number"),
        rs.getString("predicted_pattern"),
        rs.getTimestamp("sla_breached_at") == null ? null : rs.getTimestamp("sla_breached_at").toInstant(),
        rs.getTimestamp("cancelled_at") == null ? null : new CallRecord.Cancellation(
            rs.getTimestamp("cancelled_at").toInstant(), rs.getString("cancelled_by"), rs.getString("cancel_reason")),
        ComponentIds.parse(rs.getString("concerned_components")),
        ComponentIds.parse(rs.getString("changed_components")),
        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
        rs.getString("description"),
        rs.getString("external_reference"),
        rs.getString("outcome"),
        rs.getString("raised_by"),
        rs.getString("reclassified_as"),
        rs.getTimestamp("verdict_at") == null ? null : new CallRecord.Confirmation(rs.getBoolean("verdict_accepted"),
            rs.getString("verdict_comment"), rs.getTimestamp("verdict_at").toInstant(), rs.getString("verdict_by"),
            rs.getString("verdict_review_task")));
  }
}
