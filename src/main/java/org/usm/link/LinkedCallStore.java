package org.usm.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The consumer's record of the calls its steps handed to links ({@code usm_linked_call}). */
@Component
public class LinkedCallStore {

  private final JdbcTemplate jdbc;

  public LinkedCallStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(LinkedCall call) {
    jdbc.update("""
        INSERT INTO usm_linked_call (id, tracking_number, process_key, process_instance_id, step, task_id, service_id,
          link_id, link_name, provider_service_id, external_link, call_type, priority, summary, requested_by,
          requested_at, due_at, provider_tracking_number, status, status_at, message, secret_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        call.id(), call.trackingNumber(), call.processKey(), call.processInstanceId(), call.step(), call.taskId(),
        call.serviceId(), call.linkId(), call.linkName(), call.providerServiceId(), call.external(), call.type(),
        call.priority(), call.summary(), call.requestedBy(), ts(call.requestedAt()), ts(call.dueAt()),
        call.providerTrackingNumber(), call.status().label(), ts(call.statusAt()), call.message(), call.secretHash());
  }

  public Optional<LinkedCall> find(String id) {
    return jdbc.query("SELECT * FROM usm_linked_call WHERE id = ?", LinkedCallStore::map, id).stream().findFirst();
  }

  /** The calls the call's steps handed to links, in the order they were handed over. */
  public List<LinkedCall> ofCall(String trackingNumber) {
    return jdbc.query("SELECT * FROM usm_linked_call WHERE tracking_number = ? ORDER BY requested_at, id",
        LinkedCallStore::map, trackingNumber);
  }

  /** The linked calls a step of a process instance handed over that the provider has not yet finished. */
  public List<LinkedCall> openOfStep(String trackingNumber, String processInstanceId, String step) {
    return jdbc.query("SELECT * FROM usm_linked_call WHERE tracking_number = ? AND process_instance_id = ? "
        + "AND step = ? AND finished_at IS NULL ORDER BY requested_at", LinkedCallStore::map, trackingNumber,
        processInstanceId, step);
  }

  /**
   * Records a report that moves the linked call from {@code from} on; false when another report moved it
   * first (the caller reads it again).
   */
  public boolean moved(LinkedCall from, LinkStatus to, String providerTrackingNumber, String message, Instant at) {
    return jdbc.update("""
        UPDATE usm_linked_call SET status = ?, status_at = ?, message = ?, heard_at = ?,
          provider_tracking_number = COALESCE(provider_tracking_number, ?), finished_at = ?
        WHERE id = ? AND status = ?""", to.label(), ts(at), message, ts(at), providerTrackingNumber,
        to.isFinished() ? ts(from.finishedAt() != null ? from.finishedAt() : at) : null, from.id(),
        from.status().label()) == 1;
  }

  /** The provider answered without news (a repeated report, a pull without change). */
  public void heard(String id, String providerTrackingNumber, Instant at) {
    jdbc.update("UPDATE usm_linked_call SET heard_at = ?, provider_tracking_number = COALESCE("
        + "provider_tracking_number, ?) WHERE id = ?", ts(at), providerTrackingNumber, id);
  }

  /** Marks the linked call late against its agreement; false when it was marked before. */
  public boolean breached(String id, Instant at) {
    return jdbc.update("UPDATE usm_linked_call SET breached_at = ? WHERE id = ? AND breached_at IS NULL", ts(at),
        id) == 1;
  }

  /** Open linked calls past their due time that are not yet marked late. */
  public List<LinkedCall> overdue(Instant now) {
    return jdbc.query("SELECT * FROM usm_linked_call WHERE finished_at IS NULL AND due_at < ? AND breached_at IS NULL",
        LinkedCallStore::map, ts(now));
  }

  /** Open external linked calls registered at the provider that were not heard of since {@code silentSince}. */
  public List<LinkedCall> toPull(Instant silentSince) {
    return jdbc.query("SELECT * FROM usm_linked_call WHERE finished_at IS NULL AND external_link = TRUE "
        + "AND provider_tracking_number IS NOT NULL AND (heard_at IS NULL OR heard_at < ?)", LinkedCallStore::map,
        ts(silentSince));
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static LinkedCall map(ResultSet rs, int row) throws SQLException {
    return new LinkedCall(rs.getString("id"), rs.getString("tracking_number"), rs.getString("process_key"),
        rs.getString("process_instance_id"), rs.getString("step"), rs.getString("task_id"),
        rs.getString("service_id"), rs.getString("link_id"), rs.getString("link_name"),
        rs.getString("provider_service_id"), rs.getBoolean("external_link"), rs.getString("call_type"),
        rs.getString("priority"), rs.getString("summary"), rs.getString("requested_by"),
        instant(rs, "requested_at"), instant(rs, "due_at"), rs.getString("provider_tracking_number"),
        LinkStatus.fromLabel(rs.getString("status")).orElseThrow(), instant(rs, "status_at"), rs.getString("message"),
        rs.getString("secret_hash"), instant(rs, "heard_at"), instant(rs, "breached_at"), instant(rs, "finished_at"));
  }
}
