package org.usm.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.usm.model.Step;

/** Each separation-of-duties rule broken and kept, without an engine. */
class SeparationOfDutiesTest {

  @ParameterizedTest(name = "{0}: whoever did {1} may not do {2}")
  @CsvSource({
      "SOD-1, C4_PrepareChange, C5_TestAndRelease",
      "SOD-2, A3_SpecifyService, A5_Negotiate",
      "SOD-5, O4_ExecuteActivities, O6_EvaluateAndClose",
      "SOD-6, C4_PrepareChange, C9_EvaluateAndClose"})
  void whoeverDidTheEarlierStepMayNotDoTheLaterOne(String rule, Step earlier, Step later) {
    Optional<SeparationOfDuties.Violation> broken =
        SeparationOfDuties.check(later, "jan", Map.of(earlier, "jan")::get, "inwoner-4711");
    assertThat(broken).isPresent();
    assertThat(broken.get().rule().id()).isEqualTo(rule);
    assertThat(broken.get().message()).contains("'jan' is the user who completed " + earlier.id())
        .contains("may not complete " + later.id());

    assertThat(SeparationOfDuties.check(later, "piet", Map.of(earlier, "jan")::get, "inwoner-4711")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: the requester may not do {1}")
  @CsvSource({"SOD-3, C3_PlanAndAgree", "SOD-4, C5_TestAndRelease"})
  void theRequesterMayNotApproveOrReleaseTheirOwnChange(String rule, Step step) {
    Optional<SeparationOfDuties.Violation> broken = SeparationOfDuties.check(step, "kees", s -> null, "kees");
    assertThat(broken).map(v -> v.rule().id()).contains(rule);
    assertThat(broken.get().message()).contains("the requester of the call");
    assertThat(SeparationOfDuties.check(step, "piet", s -> null, "kees")).isEmpty();
  }

  @Test
  void aRuledStepNeedsAKnownUserAndOtherStepsDoNot() {
    assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, null, s -> null, "kees"))
        .map(v -> v.message()).hasValueSatisfying(m -> assertThat(m).contains("must be completed by a known user"));
    assertThat(SeparationOfDuties.check(Step.R3_Analyze, null, s -> null, "kees")).isEmpty();
    assertThat(SeparationOfDuties.WATCHED_STEPS)
        .containsExactlyInAnyOrder(Step.C4_PrepareChange, Step.A3_SpecifyService, Step.O4_ExecuteActivities);
  }
}
