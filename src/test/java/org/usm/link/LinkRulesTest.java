package org.usm.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.usm.language.Language;
import org.usm.intake.CallStatus;

/** The rules of links without an engine: rule L1, what a report may change, how a provider's status reads, back-off. */
class LinkRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static LinkedCall linked(String providerNumber, LinkStatus status) {
    return new LinkedCall("id-" + providerNumber, "SRQ-2026-000001", "usm-operate", "p1", "O4_ExecuteActivities", "t1",
        "verhuizing", "afval", "Afvalinzameling", "afvalinzameling", false, "service-request", "P3", "Containers",
        "operator", NOW, NOW.plus(Duration.ofDays(3)), providerNumber, status, NOW, null, null, null, null,
        status.isFinished() ? NOW : null);
  }

  @Test
  void ruleL1AStepWaitsForEveryLinkedCallItHandedOverUntilTheProviderAnsweredForGood() {
    assertThat(LinkRules.checkCompletion("O4_ExecuteActivities", List.of(), Language.EN)).isEmpty();
    assertThat(LinkRules.checkCompletion("O4_ExecuteActivities", List.of(linked("SRQ-2026-000007", LinkStatus.FULFILLED),
        linked("SRQ-2026-000008", LinkStatus.REFUSED), linked("SRQ-2026-000009", LinkStatus.CLOSED)), Language.EN))
        .isEmpty();
    List<LinkedCall> open = List.of(linked("SRQ-2026-000007", LinkStatus.FULFILLED),
        linked("SRQ-2026-000008", LinkStatus.IN_PROGRESS), linked(null, LinkStatus.REQUESTED));
    assertThat(LinkRules.checkCompletion("O4_ExecuteActivities", open, Language.EN))
        .hasValueSatisfying(refusal -> assertThat(refusal)
            .contains("O4_ExecuteActivities handed part of its work to a link and waits for it")
            .contains("SRQ-2026-000008: in progress").contains("not yet registered: requested")
            .doesNotContain("SRQ-2026-000007"));
    assertThat(LinkRules.checkCompletion("O4_ExecuteActivities", open, Language.NL)).as("for a Dutch service")
        .hasValueSatisfying(refusal -> assertThat(refusal)
            .startsWith("O4_ExecuteActivities heeft een deel van het werk aan een schakel in de keten overgedragen")
            .contains("schakel 'afval' (Afvalinzameling) SRQ-2026-000008: in behandeling")
            .contains("nog niet geregistreerd: aangevraagd"));
  }

  @Test
  void reportsOnlyMoveALinkedCallForwardAndARefusalIsFinal() {
    assertThat(LinkStatus.REQUESTED.canMoveTo(LinkStatus.REGISTERED)).isTrue();
    assertThat(LinkStatus.REQUESTED.canMoveTo(LinkStatus.FULFILLED)).as("a missed report is skipped").isTrue();
    assertThat(LinkStatus.IN_PROGRESS.canMoveTo(LinkStatus.REGISTERED)).as("a late report").isFalse();
    assertThat(LinkStatus.IN_PROGRESS.canMoveTo(LinkStatus.IN_PROGRESS)).as("a repeated report").isFalse();
    assertThat(LinkStatus.FULFILLED.canMoveTo(LinkStatus.CLOSED)).isTrue();
    assertThat(LinkStatus.FULFILLED.canMoveTo(LinkStatus.REFUSED)).isFalse();
    assertThat(LinkStatus.REFUSED.canMoveTo(LinkStatus.CLOSED)).isFalse();
    assertThat(LinkStatus.values()).filteredOn(LinkStatus::isFinished)
        .containsExactly(LinkStatus.FULFILLED, LinkStatus.REFUSED, LinkStatus.CLOSED);
  }

  @Test
  void aProviderReportsItsCallsStatusAndACallEndedWithoutDeliveryIsRefused() {
    assertThat(LinkStatus.ofProviderCall(CallStatus.IN_PROGRESS, LinkStatus.REGISTERED)).isEqualTo(LinkStatus.IN_PROGRESS);
    assertThat(LinkStatus.ofProviderCall(CallStatus.RE_ROUTED, LinkStatus.IN_PROGRESS)).isEqualTo(LinkStatus.IN_PROGRESS);
    assertThat(LinkStatus.ofProviderCall(CallStatus.FULFILLED, LinkStatus.IN_PROGRESS)).isEqualTo(LinkStatus.FULFILLED);
    assertThat(LinkStatus.ofProviderCall(CallStatus.CLOSED, LinkStatus.FULFILLED)).isEqualTo(LinkStatus.CLOSED);
    assertThat(LinkStatus.ofProviderCall(CallStatus.CLOSED, LinkStatus.IN_PROGRESS)).isEqualTo(LinkStatus.REFUSED);
    assertThat(LinkStatus.ofProviderCall(CallStatus.CANCELLED, LinkStatus.IN_PROGRESS)).isEqualTo(LinkStatus.REFUSED);
    assertThat(LinkStatus.ofProviderCall(CallStatus.RECLASSIFIED, LinkStatus.REGISTERED))
        .as("another type than the link was handed: the consumer hears it is not delivered").isEqualTo(LinkStatus.REFUSED);
  }

  @Test
  void deliveriesAreTriedAgainWithDoublingWaitsUpToTheMaximum() {
    Duration base = Duration.ofSeconds(2);
    Duration max = Duration.ofMinutes(5);
    assertThat(LinkRules.backoff(1, base, max)).isEqualTo(Duration.ofSeconds(2));
    assertThat(LinkRules.backoff(2, base, max)).isEqualTo(Duration.ofSeconds(4));
    assertThat(LinkRules.backoff(5, base, max)).isEqualTo(Duration.ofSeconds(32));
    assertThat(LinkRules.backoff(9, base, max)).isEqualTo(max);
    assertThat(LinkRules.backoff(10_000, base, max)).as("an installation down for days").isEqualTo(max);
    assertThat(LinkRules.deliveryState(4, 5)).isEqualTo("pending");
    assertThat(LinkRules.deliveryState(5, 5)).isEqualTo("failing");
  }

  @Test
  void aLinkedCallIsLateWhenItIsOpenOrFinishedAfterItsDueTime() {
    LinkedCall open = linked("SRQ-2026-000007", LinkStatus.IN_PROGRESS);
    assertThat(open.isLateAt(NOW.plus(Duration.ofDays(2)))).isFalse();
    assertThat(open.isLateAt(NOW.plus(Duration.ofDays(4)))).isTrue();
    assertThat(linked("SRQ-2026-000008", LinkStatus.FULFILLED).isLateAt(NOW.plus(Duration.ofDays(4))))
        .as("finished in time, read later").isFalse();
  }
}
