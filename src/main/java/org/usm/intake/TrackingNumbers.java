package org.usm.intake;

import java.time.Clock;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.model.CallType;

/**
 * Hands out tracking numbers from a counter per call type and year kept in the database. The number is
 * taken in the transaction that registers the call: the counter row stays locked until the call, its
 * register row and its workflow are committed, so a number exists exactly when its call does, and a
 * crash or a refused intake gives the number back instead of leaving it half used. Nodes on one
 * database wait for each other on the row, so a number is never issued twice; the call register's
 * primary key refuses a duplicate in any case.
 */
@Component
public class TrackingNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  /** Counters known to exist: the first call of a type in a year creates its counter, once. */
  private final Set<String> existingCounters = ConcurrentHashMap.newKeySet();

  public TrackingNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The next number of the type, in the caller's transaction (intake's). */
  public TrackingNumber next(CallType type) {
    int year = Year.now(clock).getValue();
    String prefix = type.trackingPrefix();
    ensureCounter(prefix, year);
    jdbc.update("UPDATE usm_tracking_counter SET last_sequence = last_sequence + 1 WHERE prefix = ? AND counter_year = ?",
        prefix, year);
    Integer sequence = jdbc.queryForObject(
        "SELECT last_sequence FROM usm_tracking_counter WHERE prefix = ? AND counter_year = ?", Integer.class, prefix, year);
    return new TrackingNumber(type, year, sequence);
  }

  /** Creates this year's counter of the type at 0 in a transaction of its own, unless it exists. */
  private void ensureCounter(String prefix, int year) {
    if (existingCounters.contains(prefix + year)) {
      return;
    }
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM usm_tracking_counter WHERE prefix = ? AND counter_year = ?",
        Integer.class, prefix, year);
    if (rows == 0) {
      try {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
            "INSERT INTO usm_tracking_counter (prefix, counter_year, last_sequence) VALUES (?, ?, 0)", prefix, year));
      } catch (DuplicateKeyException createdByAnotherIntake) {
        // another intake, on this node or another, created it at the same moment: it exists now
      }
    }
    existingCounters.add(prefix + year);
  }
}
