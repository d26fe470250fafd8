package org.usm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.usm.model.Step;

/** Each chain figure on a constructed history of calls and steps, without an engine (DESIGN §13). */
class ChainAggregationTest {

  private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  private static final String COORDINATORS = "publieksdiensten-coordinatoren";
  private static final String BURGERZAKEN = "publieksdiensten-burgerzaken";

  private static Instant at(long minutes) {
    return T0.plusSeconds(minutes * 60);
  }

  private static ChainAggregation.CallFacts call(String trackingNumber, long dueMinutes, Long fulfilled, Long closed,
      int reworks) {
    return new ChainAggregation.CallFacts(trackingNumber, "verhuizing", "WF4", "WF4", T0, at(dueMinutes), false,
        fulfilled == null ? null : at(fulfilled), closed == null ? null : at(closed), reworks);
  }

  private static ChainAggregation.StepFacts step(String trackingNumber, Step step, String group, long opened,
      Long claimed, long completed) {
    return new ChainAggregation.StepFacts(trackingNumber, step.process().key(), "pi-" + trackingNumber, step.id(),
        group, at(opened), claimed == null ? null : at(claimed), at(completed));
  }

  private static ChainAggregation chain() {
    return new ChainAggregation(Optional.empty(), ZoneOffset.UTC, id -> "Verhuizing doorgeven");
  }

  @Test
  void aCallDeliveredOnTimeButClosedLateMeetsTheSlaAtFulfilmentAndMissesItAtClosure() {
    ChainAggregation chain = chain();
    chain.call(call("INC-2026-000001", 480, 360L, 600L, 0));

    ChainFigures.Row row = chain.rows().get(0);
    assertThat(row.fulfilmentLeadTimeMedianMinutes()).isEqualTo(360.0);
    assertThat(row.slaMetAtFulfilmentRate()).isEqualTo(1.0);
    assertThat(row.leadTimeMedianMinutes()).isEqualTo(600.0);
    assertThat(row.slaMetRate()).as("closed after its due date").isEqualTo(0.0);
    assertThat(row.chainMissesSla()).isFalse();
    assertThat(row.firstTimeRightRate()).isEqualTo(1.0);
  }

  @Test
  void aReworkLoopCountsAsReworkAndTheCallIsNotFirstTimeRight() {
    ChainAggregation chain = chain();
    chain.call(call("INC-2026-000001", 480, 300L, 320L, 1));
    chain.call(call("INC-2026-000002", 480, 200L, 220L, 0));
    chain.call(call("INC-2026-000003", 480, null, null, 0));

    ChainFigures.Row row = chain.rows().get(0);
    assertThat(row.reworked()).isEqualTo(1);
    assertThat(row.reworkRate()).isEqualTo(0.333);
    assertThat(row.firstTimeRightRate()).as("of the two closed calls, one went back").isEqualTo(0.5);
    assertThat(row.fulfilled()).isEqualTo(2);
  }

  @Test
  void aHandOffBetweenTwoTeamsIsTheWaitUntilTheNextTeamTookTheStepUp() {
    ChainAggregation chain = chain();
    String tn = "INC-2026-000001";
    chain.call(call(tn, 480, 200L, 210L, 0));
    chain.step(step(tn, Step.R1_AcceptIncident, COORDINATORS, 0, 5L, 10));
    chain.step(step(tn, Step.R3_Analyze, BURGERZAKEN, 10, 70L, 100));
    chain.step(step(tn, Step.R4_PrepareRecovery, COORDINATORS, 100, null, 130));
    chain.step(step("INC-2026-000099", Step.R3_Analyze, BURGERZAKEN, 0, 1L, 2));

    ChainFigures.Row row = chain.rows().get(0);
    assertThat(row.handoffWaitMedianMinutes()).as("R1 → R3 waited 60 minutes, R3 → R4 30 (never claimed)")
        .isEqualTo(45.0);
    assertThat(row.teams()).extracting(ChainFigures.TeamRow::group, ChainFigures.TeamRow::step,
            ChainFigures.TeamRow::steps, ChainFigures.TeamRow::queueTimeMedianMinutes,
            ChainFigures.TeamRow::workTimeMedianMinutes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BURGERZAKEN, "R3_Analyze", 1, 60.0, 30.0),
            org.assertj.core.groups.Tuple.tuple(COORDINATORS, "R1_AcceptIncident", 1, 5.0, 5.0),
            org.assertj.core.groups.Tuple.tuple(COORDINATORS, "R4_PrepareRecovery", 1, 30.0, null));
  }

  @Test
  void anEndedCallsStepsOnItsRowGiveTheSameFiguresAsItsCompletions() {
    String tn = "INC-2026-000001";
    List<ChainAggregation.StepFacts> steps = List.of(
        step(tn, Step.R1_AcceptIncident, COORDINATORS, 0, 5L, 10),
        step(tn, Step.R3_Analyze, BURGERZAKEN, 10, 70L, 100),
        step(tn, Step.R4_PrepareRecovery, COORDINATORS, 100, null, 130));
    String facts = CallStepFacts.encode(steps, T0).orElseThrow();
    assertThat(facts).isEqualTo("R1," + COORDINATORS + ",0,0,300,600;R3," + BURGERZAKEN + ",0,600,4200,6000;R4,"
        + COORDINATORS + ",0,6000,,7800");

    ChainAggregation recorded = chain();
    recorded.call(call(tn, 480, 200L, 210L, 0));
    steps.forEach(recorded::step);
    ChainAggregation fromRow = chain();
    ChainAggregation.CallFacts ended = call(tn, 480, 200L, 210L, 0);
    fromRow.call(ended);
    fromRow.endedCallSteps(ended, facts);
    assertThat(fromRow.rows()).isEqualTo(recorded.rows());
    assertThat(CallStepFacts.decode(facts, tn, T0)).extracting(ChainAggregation.StepFacts::claimedAt)
        .containsExactly(at(5), at(70), null);
    assertThat(CallStepFacts.encode(List.of(step(tn, Step.R3_Analyze, "team,b", 0, null, 1)), T0))
        .as("a value that cannot be written so is read from the completions").isEmpty();
  }

  @Test
  void aQuickTeamBesideAChainThatMissesItsSlaIsMarked() {
    ChainAggregation chain = chain();
    String tn = "INC-2026-000001";
    chain.call(call(tn, 480, 900L, 910L, 0));
    chain.step(step(tn, Step.R3_Analyze, BURGERZAKEN, 400, 405L, 420));
    chain.step(step(tn, Step.R4_PrepareRecovery, COORDINATORS, 420, 800L, 880));

    ChainFigures.Row row = chain.rows().get(0);
    assertThat(row.chainMissesSla()).isTrue();
    assertThat(row.teams()).filteredOn(ChainFigures.TeamRow::greenWhileChainRed)
        .extracting(ChainFigures.TeamRow::step).as("20 minutes is within the response time of 48; 460 is not")
        .containsExactly("R3_Analyze");
  }

  @Test
  void anIntervalGivesOneRowPerPeriodOfRegistration() {
    ChainAggregation chain = new ChainAggregation(Optional.of(ChainPeriod.MONTH), ZoneOffset.UTC, id -> id);
    chain.call(call("INC-2026-000001", 480, 100L, 110L, 0));
    chain.call(new ChainAggregation.CallFacts("INC-2026-000002", "verhuizing", "WF4", "WF3",
        Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"), true, null, null, 0));

    List<ChainFigures.Row> rows = chain.rows();
    assertThat(rows).extracting(ChainFigures.Row::period).containsExactly("2026-11", "2026-12");
    assertThat(rows.get(1).reroutes()).isEqualTo(1);
    assertThat(ChainPeriod.WEEK.of(java.time.LocalDate.of(2026, 12, 31))).isEqualTo("2026-W53");
    assertThat(ChainPeriod.parse("fortnight")).isEmpty();
  }
}
