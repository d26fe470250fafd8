package org.usm.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox on the product's own tables: an entry is due until it is done, one sender at a time holds it
 * for an attempt, a failed attempt waits, and an administrator's retry makes the call's entries due at once.
 */
class LinkOutboxTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private LinkOutbox outbox;

  @BeforeEach
  void emptyDatabase() {
    DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:outbox-" + System.nanoTime()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    outbox = new LinkOutbox(new JdbcTemplate(database));
  }

  @Test
  void anEntryIsSentByOneSenderAtATimeUntilTheOtherSideTookIt() {
    long delivery = outbox.add(LinkOutbox.Kind.DELIVERY, "linked-1", "SRQ-2026-000001", "{}", NOW);
    assertThat(outbox.due(NOW, 10)).extracting(LinkOutbox.Entry::id).containsExactly(delivery);

    assertThat(outbox.claim(delivery, NOW, Duration.ofSeconds(30))).isTrue();
    assertThat(outbox.claim(delivery, NOW.plusSeconds(1), Duration.ofSeconds(30))).as("a second node").isFalse();
    assertThat(outbox.due(NOW.plusSeconds(1), 10)).as("held for the attempt").isEmpty();
    assertThat(outbox.claim(delivery, NOW.plusSeconds(31), Duration.ofSeconds(30)))
        .as("a sender that died mid-attempt lets go after the hold").isTrue();

    outbox.failed(delivery, "http://leverancier not reachable: Connection refused", NOW.plusSeconds(40));
    assertThat(outbox.due(NOW.plusSeconds(39), 10)).as("waits for its next attempt").isEmpty();
    LinkOutbox.Entry failed = outbox.pending("linked-1").orElseThrow();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("not reachable");

    assertThat(outbox.retryNow("SRQ-2026-000001", NOW.plusSeconds(5))).as("an administrator's retry").isOne();
    assertThat(outbox.due(NOW.plusSeconds(5), 10)).extracting(LinkOutbox.Entry::id).containsExactly(delivery);

    assertThat(outbox.claim(delivery, NOW.plusSeconds(5), Duration.ofSeconds(30))).isTrue();
    outbox.done(delivery, "{\"callback\":{\"secret\":\"(sent)\"}}", NOW.plusSeconds(6));
    assertThat(outbox.due(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
    assertThat(outbox.pending("linked-1")).isEmpty();
    assertThat(outbox.claim(delivery, NOW.plus(Duration.ofDays(1)), Duration.ofSeconds(30))).as("done").isFalse();
    assertThat(outbox.find(delivery).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void aDeliveryKeepsNoSecretOnceItIsThrough() {
    assertThat(LinkDispatcher.withoutSecret("{\"serviceId\":\"werkplek\",\"callback\":{\"url\":\"http://x/status\","
        + "\"secret\":\"s3cr3t-s3cr3t-s3cr3t\"}}")).contains("\"secret\":\"(sent)\"").contains("http://x/status")
        .doesNotContain("s3cr3t");
  }
}
