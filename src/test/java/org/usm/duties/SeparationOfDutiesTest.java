package org.usm.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.usm.model.Role;
import org.usm.model.Step;

/** Each separation-of-duties rule broken and kept, without an engine. */
class SeparationOfDutiesTest {

  @ParameterizedTest(name = "{0}: whoever did {1} may not do {2}")
  @CsvSource({
      "SOD-1, C4_PrepareChange, C5_TestAndRelease",
      "SOD-1, A3_SpecifyService, C5_TestAndRelease",
      "SOD-1, R3_Analyze, C5_TestAndRelease",
      "SOD-1, I3_DetermineCause, C5_TestAndRelease",
      "SOD-2, A3_SpecifyService, A5_Negotiate",
      "SOD-5, O4_ExecuteActivities, O6_EvaluateAndClose",
      "SOD-5, C4_PrepareChange, C9_EvaluateAndClose",
      "SOD-5, O4_ExecuteActivities, R7_EvaluateAndClose",
      "SOD-5, A3_SpecifyService, A8_EvaluateAndClose",
      "SOD-6, C4_PrepareChange, A7_ReviewDelivery",
      "SOD-6, O4_ExecuteActivities, I6_ReviewDelivery",
      "SOD-6, R3_Analyze, R6_ReviewDelivery",
      "SOD-7, C3_PlanAndAgree, C4_PrepareChange"})
  void whoeverDidTheEarlierStepMayNotDoTheLaterOne(String rule, Step earlier, Step later) {
    Optional<SeparationOfDuties.Violation> broken =
        SeparationOfDuties.check(later, "jan", completed(earlier, "piet", "jan"), "inwoner-4711");
    assertThat(broken).isPresent();
    assertThat(broken.get().ruleId()).isEqualTo(rule);
    assertThat(broken.get().message()).contains("'jan' is the user who completed " + earlier.id())
        .contains("may not complete " + later.id());

    assertThat(SeparationOfDuties.check(later, "kees", completed(earlier, "piet", "jan"), "inwoner-4711")).isEmpty();
  }

  @Test
  void everyCompleterOfTheEarlierStepCountsWhateverTheCaseOfTheirId() {
    // C4 reworked after a failed test: both builders are barred from C5.
    for (String user : new String[] {"jan", "Piet"}) {
      assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, user,
          completed(Step.C4_PrepareChange, "jan", "piet"), "inwoner-4711")).map(v -> v.ruleId()).contains("SOD-1");
    }
    assertThat(SeparationOfDuties.check(Step.C3_PlanAndAgree, "KEES", none(), "kees")).map(v -> v.ruleId())
        .contains("SOD-3");
  }

  @ParameterizedTest(name = "{0}: the requester may not do {1}")
  @CsvSource({"SOD-3, C3_PlanAndAgree", "SOD-4, C5_TestAndRelease", "SOD-8, A5_Negotiate"})
  void theRequesterMayNotApproveReleaseNorNegotiateTheirOwnRequest(String rule, Step step) {
    Optional<SeparationOfDuties.Violation> broken = SeparationOfDuties.check(step, "kees", none(), "kees");
    assertThat(broken).map(v -> v.ruleId()).contains(rule);
    assertThat(broken.get().message()).contains("the requester of the call");
    assertThat(SeparationOfDuties.check(step, "piet", none(), "kees")).isEmpty();
  }

  @Test
  void aCoordinatorNeverCompletesAnOperatorsStep() {
    for (Step step : Step.values()) {
      Optional<SeparationOfDuties.Violation> asCoordinator = SeparationOfDuties.checkRole(step, "kees", true);
      if (step.role().orElse(null) == Role.OPERATOR) {
        assertThat(asCoordinator).as(step.id()).map(v -> v.ruleId()).contains(SeparationOfDuties.COORDINATORS_DO_NOT_EXECUTE);
      } else {
        assertThat(asCoordinator).as(step.id()).isEmpty();
      }
      assertThat(SeparationOfDuties.checkRole(step, "piet", false)).as(step.id()).isEmpty();
    }
  }

  @Test
  void aRuledStepNeedsAKnownUserAndOtherStepsDoNot() {
    assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, null, none(), "kees"))
        .map(v -> v.message()).hasValueSatisfying(m -> assertThat(m).contains("must be completed by a known user"));
    assertThat(SeparationOfDuties.check(Step.R3_Analyze, null, none(), "kees")).isEmpty();
  }

  private static Function<Step, Set<String>> completed(Step step, String... users) {
    return s -> s == step ? Set.of(users) : Set.of();
  }

  private static Function<Step, Set<String>> none() {
    return s -> Set.of();
  }
}
