package org.usm.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * What must reach another installation ({@code usm_link_outbox}): written in the transaction of the work
 * it describes, so that a hand-over or a status change is never stored without it, and sent until the
 * other side answers. Each entry is claimed for one attempt at a time, so nodes sharing the database do
 * not send it at once; the receiving side's idempotency makes a second sending harmless all the same.
 */
@Component
public class LinkOutbox {

  /** What an entry carries. */
  public enum Kind {
    /** A hand-over to an external link: the provider's intake is to register it (subject: the linked call's id). */
    DELIVERY,
    /** A status report to the consumer's callback (subject: the provider's tracking number). */
    REPORT
  }

  /** One entry; {@code doneAt} null while it is still to be sent. */
  public record Entry(long id, Kind kind, String subject, String trackingNumber, String body, Instant createdAt,
      int attempts, Instant nextAttemptAt, String lastError, Instant doneAt) {}

  private final JdbcTemplate jdbc;

  public LinkOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long add(Kind kind, String subject, String trackingNumber, String body, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO usm_link_outbox (kind, subject, tracking_number, body, "
          + "created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?)", new String[] {"id"});
      statement.setString(1, kind.name());
      statement.setString(2, subject);
      statement.setString(3, trackingNumber);
      statement.setString(4, body);
      statement.setTimestamp(5, Timestamp.from(now));
      statement.setTimestamp(6, Timestamp.from(now));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  public Optional<Entry> find(long id) {
    return jdbc.query("SELECT * FROM usm_link_outbox WHERE id = ?", LinkOutbox::map, id).stream().findFirst();
  }

  /** Entries to send now, oldest first. */
  public List<Entry> due(Instant now, int limit) {
    return jdbc.query("SELECT * FROM usm_link_outbox WHERE done_at IS NULL AND next_attempt_at <= ? "
        + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?", LinkOutbox::map,
        Timestamp.from(now), Timestamp.from(now), limit);
  }

  /** Takes the entry for one attempt; false when it is done or another sender holds it. */
  public boolean claim(long id, Instant now, Duration hold) {
    return jdbc.update("UPDATE usm_link_outbox SET claimed_until = ? WHERE id = ? AND done_at IS NULL "
        + "AND (claimed_until IS NULL OR claimed_until < ?)", Timestamp.from(now.plus(hold)), id,
        Timestamp.from(now)) == 1;
  }

  /** The other side answered; {@code body} is what is kept of what was sent (a delivery without its secret). */
  public void done(long id, String body, Instant at) {
    jdbc.update("UPDATE usm_link_outbox SET done_at = ?, body = ?, attempts = attempts + 1, claimed_until = NULL, "
        + "last_error = NULL WHERE id = ?", Timestamp.from(at), body, id);
  }

  /** The attempt failed; the entry is tried again at {@code next}. */
  public void failed(long id, String error, Instant next) {
    jdbc.update("UPDATE usm_link_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
        + "claimed_until = NULL WHERE id = ?", error.length() <= 2000 ? error : error.substring(0, 1997) + "...",
        Timestamp.from(next), id);
  }

  /** The entry still to be sent about the subject, if any. */
  public Optional<Entry> pending(String subject) {
    return jdbc.query("SELECT * FROM usm_link_outbox WHERE subject = ? AND done_at IS NULL ORDER BY id",
        LinkOutbox::map, subject).stream().findFirst();
  }

  /** Entries of the call still to be sent. */
  public List<Entry> pendingOfCall(String trackingNumber) {
    return jdbc.query("SELECT * FROM usm_link_outbox WHERE tracking_number = ? AND done_at IS NULL ORDER BY id",
        LinkOutbox::map, trackingNumber);
  }

  /** An administrator's retry: the call's entries still to be sent go at once. */
  public int retryNow(String trackingNumber, Instant now) {
    return jdbc.update("UPDATE usm_link_outbox SET next_attempt_at = ?, claimed_until = NULL WHERE tracking_number = ? "
        + "AND done_at IS NULL", Timestamp.from(now), trackingNumber);
  }

  private static Entry map(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("subject"),
        rs.getString("tracking_number"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
        rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
        rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant());
  }
}
