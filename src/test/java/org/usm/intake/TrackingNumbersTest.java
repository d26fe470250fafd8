package org.usm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.model.CallType;

/** Tracking numbers from sequences (issue 20): never repeated, never waiting, and continuing the counters they replace. */
class TrackingNumbersTest {

  private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

  private final DataSource database = new DriverManagerDataSource(
      "jdbc:h2:mem:tracking-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
  private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);

  @Test
  void theMoveToSequencesContinuesAfterTheLastNumberEachCounterHandedOut() {
    Flyway.configure().dataSource(database).locations("classpath:db/migration").target("13").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.update("INSERT INTO usm_tracking_counter (prefix, counter_year, last_sequence) VALUES ('INC', 2026, 41)");
    jdbc.update("INSERT INTO usm_tracking_counter (prefix, counter_year, last_sequence) VALUES ('SRQ', 2025, 7)");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

    TrackingNumbers numbers = new TrackingNumbers(database, transactions, IN_2026);
    assertThat(numbers.next(CallType.INCIDENT)).hasToString("INC-2026-000042");
    assertThat(numbers.next(CallType.SERVICE_REQUEST)).as("a type without a counter this year starts at 1")
        .hasToString("SRQ-2026-000001");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = "
        + "'usm_tracking_counter'", Integer.class)).as("the counters are gone").isZero();
    assertThat(new TrackingNumbers(database, transactions, Clock.offset(IN_2026, java.time.Duration.ofDays(-365)))
        .next(CallType.SERVICE_REQUEST)).as("last year's counter goes on as last year's sequence")
        .hasToString("SRQ-2025-000008");
  }

  @Test
  void aNumberTakenByAnIntakeThatRolledBackIsSkippedNeverHandedOutAgain() {
    migrate();
    TrackingNumbers numbers = new TrackingNumbers(database, transactions, IN_2026);
    TransactionTemplate intake = new TransactionTemplate(transactions);
    TrackingNumber refused = intake.execute(status -> {
      status.setRollbackOnly();
      return numbers.next(CallType.INCIDENT);
    });
    assertThat(intake.execute(status -> numbers.next(CallType.INCIDENT)).sequence())
        .isEqualTo(refused.sequence() + 1);
    assertThat(new TrackingNumbers(database, transactions, IN_2026).next(CallType.INCIDENT).sequence())
        .as("another node on the same database").isEqualTo(refused.sequence() + 2);
  }

  @Test
  void anIntakeDoesNotWaitForAnotherOfTheSameTypeToCommit() throws Exception {
    migrate();
    TrackingNumbers numbers = new TrackingNumbers(database, transactions, IN_2026);
    numbers.next(CallType.INCIDENT); // the year's sequence exists
    CountDownLatch numbered = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    CompletableFuture<TrackingNumber> first = CompletableFuture.supplyAsync(() ->
        new TransactionTemplate(transactions).execute(status -> {
          TrackingNumber number = numbers.next(CallType.INCIDENT);
          numbered.countDown();
          await(secondDone); // the first intake is still starting its workflow
          return number;
        }));
    assertThat(numbered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<TrackingNumber> second = CompletableFuture.supplyAsync(() ->
        new TransactionTemplate(transactions).execute(status -> numbers.next(CallType.INCIDENT)));
    TrackingNumber secondNumber = second.get(5, TimeUnit.SECONDS);
    secondDone.countDown();
    assertThat(secondNumber.sequence()).isEqualTo(first.get(10, TimeUnit.SECONDS).sequence() + 1);
  }

  private void migrate() {
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
