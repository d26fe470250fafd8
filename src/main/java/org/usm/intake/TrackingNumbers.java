package org.usm.intake;

import java.time.Clock;
import java.time.Year;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.model.CallType;

/**
 * Hands out tracking numbers from a counter per call type and year kept in the database, so a number is
 * never handed out twice, also not after a restart. Each number is taken in its own short transaction:
 * a call whose intake fails later leaves a gap, never a reused number.
 */
@Component
public class TrackingNumbers {

  private static final int ATTEMPTS = 3;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public TrackingNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  public TrackingNumber next(CallType type) {
    int year = Year.now(clock).getValue();
    for (int attempt = 1; ; attempt++) {
      try {
        Integer sequence = ownTransaction.execute(status -> increment(type.trackingPrefix(), year));
        return new TrackingNumber(type, year, sequence);
      } catch (DataIntegrityViolationException concurrentFirstOfYear) {
        // Another intake created this year's counter at the same moment; its row is there now.
        if (attempt == ATTEMPTS) {
          throw concurrentFirstOfYear;
        }
      }
    }
  }

  private int increment(String prefix, int year) {
    int updated = jdbc.update(
        "UPDATE usm_tracking_counter SET last_sequence = last_sequence + 1 WHERE prefix = ? AND counter_year = ?", prefix, year);
    if (updated == 0) {
      jdbc.update("INSERT INTO usm_tracking_counter (prefix, counter_year, last_sequence) VALUES (?, ?, 1)", prefix, year);
      return 1;
    }
    return jdbc.queryForObject(
        "SELECT last_sequence FROM usm_tracking_counter WHERE prefix = ? AND counter_year = ?", Integer.class, prefix, year);
  }
}
