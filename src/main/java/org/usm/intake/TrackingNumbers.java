package org.usm.intake;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.model.CallType;

/**
 * Hands out tracking numbers from a database sequence per call type and year. A sequence hands out every value once,
 * whatever rolls back or crashes, and never makes an intake wait for another: intakes of one type run side by side, on
 * one node or several (a counter row locked until the call commits let them through one at a time). The price is
 * that a number can be skipped, never repeated: an intake that fails after numbering its call, or a node killed
 * during one, leaves a gap in the year's numbers. The call register's primary key refuses a duplicate in any case.
 */
@Component
public class TrackingNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Function<String, DataFieldMaxValueIncrementer> sequenceOfThisDatabase;
  /** The sequences known to exist, by name: the first call of a type in a year creates its sequence, once. */
  private final Map<String, DataFieldMaxValueIncrementer> sequences = new ConcurrentHashMap<>();

  public TrackingNumbers(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.sequenceOfThisDatabase = sequenceReader(dataSource);
  }

  /** The sequence a type's numbers of a year come from; unquoted, so PostgreSQL and H2 each fold it their own way. */
  public static String sequenceName(String prefix, int year) {
    return "usm_tracking_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
  }

  /** Creates a sequence whose first value is {@code first}; the same statement in PostgreSQL and H2. */
  public static String createSequence(String name, long first) {
    return "CREATE SEQUENCE IF NOT EXISTS " + name + " START WITH " + first;
  }

  /** The next number of the type. Taking it never waits for another intake, and its value is never handed out again. */
  public TrackingNumber next(CallType type) {
    int year = Year.now(clock).getValue();
    DataFieldMaxValueIncrementer sequence = sequences.computeIfAbsent(sequenceName(type.trackingPrefix(), year),
        this::ensureSequence);
    return new TrackingNumber(type, year, sequence.nextIntValue());
  }

  /** Creates this year's sequence of the type starting at 1, in a transaction of its own, unless it exists. */
  private DataFieldMaxValueIncrementer ensureSequence(String name) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.execute(createSequence(name, 1)));
    } catch (DuplicateKeyException createdByAnotherNode) {
      // PostgreSQL lets two nodes' IF NOT EXISTS race on its catalogue: the other one created it, it exists now
    }
    return sequenceOfThisDatabase.apply(name);
  }

  private static Function<String, DataFieldMaxValueIncrementer> sequenceReader(DataSource dataSource) {
    String database;
    try {
      database = JdbcUtils.commonDatabaseName(
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell which database holds the tracking numbers", e);
    }
    return switch (database) {
      case "PostgreSQL" -> name -> new PostgresSequenceMaxValueIncrementer(dataSource, name);
      case "H2" -> name -> new H2SequenceMaxValueIncrementer(dataSource, name);
      default -> throw new IllegalStateException("tracking numbers come from sequences of PostgreSQL or H2, not "
          + database);
    };
  }
}
