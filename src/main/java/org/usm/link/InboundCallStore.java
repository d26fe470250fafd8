package org.usm.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The provider's record of the calls other installations (or internal links) handed to it
 * ({@code usm_inbound_call}): who handed it over with which idempotency key, where its status goes, and
 * what was last reported.
 */
@Component
public class InboundCallStore {

  /**
   * One inbound call; {@code callbackUrl} and {@code callbackSecret} where an external consumer wants its
   * reports pushed, {@code linkedCallId} for an internal link (reports go straight to the consumer's
   * linked call).
   */
  public record InboundCall(String trackingNumber, String account, String idempotencyKey, String callbackUrl,
      String callbackSecret, String linkedCallId, LinkStatus reported, String reportedMessage, Instant reportedAt) {}

  private final JdbcTemplate jdbc;

  public InboundCallStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the inbound call; the unique (account, key) refuses a second registration for one hand-over. */
  public void add(InboundCall call) {
    jdbc.update("""
        INSERT INTO usm_inbound_call (tracking_number, account, idempotency_key, callback_url, callback_secret,
          linked_call_id, reported_status, reported_message, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        call.trackingNumber(), call.account(), call.idempotencyKey(), call.callbackUrl(), call.callbackSecret(),
        call.linkedCallId(), call.reported().label(), call.reportedMessage(), Timestamp.from(call.reportedAt()));
  }

  public Optional<InboundCall> find(String trackingNumber) {
    return jdbc.query("SELECT * FROM usm_inbound_call WHERE tracking_number = ?", InboundCallStore::map,
        trackingNumber).stream().findFirst();
  }

  public Optional<InboundCall> byKey(String account, String idempotencyKey) {
    return jdbc.query("SELECT * FROM usm_inbound_call WHERE account = ? AND idempotency_key = ?", InboundCallStore::map,
        account, idempotencyKey).stream().findFirst();
  }

  /** Records a status reported; false when another change reported first. */
  public boolean reported(InboundCall from, LinkStatus status, String message, Instant at) {
    return jdbc.update("UPDATE usm_inbound_call SET reported_status = ?, reported_message = ?, reported_at = ? "
        + "WHERE tracking_number = ? AND reported_status = ?", status.label(), message, Timestamp.from(at),
        from.trackingNumber(), from.reported().label()) == 1;
  }

  private static InboundCall map(ResultSet rs, int row) throws SQLException {
    return new InboundCall(rs.getString("tracking_number"), rs.getString("account"), rs.getString("idempotency_key"),
        rs.getString("callback_url"), rs.getString("callback_secret"), rs.getString("linked_call_id"),
        LinkStatus.fromLabel(rs.getString("reported_status")).orElseThrow(), rs.getString("reported_message"),
        rs.getTimestamp("reported_at").toInstant());
  }
}
