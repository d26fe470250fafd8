package org.usm.duties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.usm.language.Language.EN;
import static org.usm.language.Language.NL;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.usm.language.Language;
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
        SeparationOfDuties.check(later, "jan", completed(earlier, "piet", "jan"), "inwoner-4711", EN);
    assertThat(broken).isPresent();
    assertThat(broken.get().ruleId()).isEqualTo(rule);
    assertThat(broken.get().message()).contains("'jan' completed " + earlier.displayName() + " of this call")
        .contains("may not take up or complete " + later.displayName() + ": nobody");

    assertThat(SeparationOfDuties.check(later, "kees", completed(earlier, "piet", "jan"), "inwoner-4711", EN)).isEmpty();
  }

  @Test
  void everyCompleterOfTheEarlierStepCountsWhateverTheCaseOfTheirId() {
    // C4 reworked after a failed test: both builders are barred from C5.
    for (String user : new String[] {"jan", "Piet"}) {
      assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, user,
          completed(Step.C4_PrepareChange, "jan", "piet"), "inwoner-4711", EN)).map(v -> v.ruleId()).contains("SOD-1");
    }
    assertThat(SeparationOfDuties.check(Step.C3_PlanAndAgree, "KEES", none(), "kees", EN)).map(v -> v.ruleId())
        .contains("SOD-3");
  }

  @ParameterizedTest(name = "{0}: the requester may not do {1}")
  @CsvSource({"SOD-3, C3_PlanAndAgree", "SOD-4, C5_TestAndRelease", "SOD-8, A5_Negotiate"})
  void theRequesterMayNotApproveReleaseNorNegotiateTheirOwnRequest(String rule, Step step) {
    Optional<SeparationOfDuties.Violation> broken = SeparationOfDuties.check(step, "kees", none(), "kees", EN);
    assertThat(broken).map(v -> v.ruleId()).contains(rule);
    assertThat(broken.get().message()).contains("'kees' is the requester of this call")
        .contains(step.displayName() + ": nobody legitimises their own exceptions");
    assertThat(SeparationOfDuties.check(step, "piet", none(), "kees", EN)).isEmpty();
  }

  @Test
  void aCoordinatorNeverCompletesAnOperatorsStep() {
    for (Step step : Step.values()) {
      Optional<SeparationOfDuties.Violation> asCoordinator = SeparationOfDuties.checkRole(step, "kees", true, EN);
      if (step.role().orElse(null) == Role.OPERATOR) {
        assertThat(asCoordinator).as(step.id()).map(v -> v.ruleId()).contains(SeparationOfDuties.COORDINATORS_DO_NOT_EXECUTE);
      } else {
        assertThat(asCoordinator).as(step.id()).isEmpty();
      }
      assertThat(SeparationOfDuties.checkRole(step, "piet", false, EN)).as(step.id()).isEmpty();
    }
  }

  @Test
  void aRuledStepNeedsAKnownUserAndOtherStepsDoNot() {
    assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, null, none(), "kees", EN))
        .map(v -> v.message()).hasValueSatisfying(m -> assertThat(m).startsWith("C5 Test & release must be completed by a known user"));
    assertThat(SeparationOfDuties.check(Step.R3_Analyze, null, none(), "kees", EN)).isEmpty();
  }

  @Test
  void theBuilderWhoWouldTestReadsTheStepsByNameAndTheBooksRuleInTheServicesLanguage() {
    Function<Step, Set<String>> built = completed(Step.C4_PrepareChange, "operator");
    assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, "operator", built, "inwoner-4711", EN))
        .map(SeparationOfDuties.Violation::message).contains("Separation of duties: 'operator' completed C4 Prepare "
            + "change of this call and so may not take up or complete C5 Test & release: nobody judges their own "
            + "performance (who builds, does not test).");
    assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, "operator", built, "inwoner-4711", NL))
        .map(SeparationOfDuties.Violation::message).contains("Functiescheiding: 'operator' heeft C4 Voorbereiden "
            + "wijziging van deze melding afgerond en mag daarom C5 Testen en vrijgeven niet oppakken of afronden: "
            + "niemand mag zijn eigen prestaties beoordelen (wie bouwt, test niet).");
  }

  @Test
  void theRequesterWhoWouldApproveTheirOwnPlanReadsItInEnglishAndDutch() {
    assertThat(SeparationOfDuties.check(Step.C3_PlanAndAgree, "coordinator", none(), "coordinator", EN))
        .map(SeparationOfDuties.Violation::message).contains("Separation of duties: 'coordinator' is the requester "
            + "of this call and so may not take up or complete C3 Plan & agree: nobody legitimises their own "
            + "exceptions (who asks for the change, does not approve its plan).");
    assertThat(SeparationOfDuties.check(Step.C3_PlanAndAgree, "coordinator", none(), "coordinator", NL))
        .map(SeparationOfDuties.Violation::message).contains("Functiescheiding: 'coordinator' is de aanvrager van "
            + "deze melding en mag daarom C3 Plannen en accorderen niet oppakken of afronden: niemand mag zijn eigen "
            + "uitzonderingen legitimeren (wie de wijziging aanvraagt, keurt het plan niet goed).");
  }

  @Test
  void aCoordinatorAtAnOperatorsStepReadsTheBooksSentence() {
    assertThat(SeparationOfDuties.checkRole(Step.R3_Analyze, "coordinator", true, EN))
        .map(SeparationOfDuties.Violation::message).contains("Separation of duties: 'coordinator' coordinates "
            + "Recover for this service and so may not take up or complete R3 Analyze: coordinators organise the "
            + "work of operators, but do not do it themselves.");
    assertThat(SeparationOfDuties.checkRole(Step.R3_Analyze, "coordinator", true, NL))
        .map(SeparationOfDuties.Violation::message).contains("Functiescheiding: 'coordinator' coördineert Herstellen "
            + "voor deze service en mag daarom R3 Analyseren niet oppakken of afronden: coördinatoren organiseren de "
            + "uitvoering van het werk door operators, maar ze voeren dat niet zelf uit.");
  }

  @Test
  void anUnknownUserReadsWhatToDoInEitherLanguage() {
    assertThat(SeparationOfDuties.check(Step.C5_TestAndRelease, null, none(), "kees", NL))
        .map(SeparationOfDuties.Violation::message).contains("C5 Testen en vrijgeven moet worden afgerond door een "
            + "bekende gebruiker, zodat SOD-1 gecontroleerd kan worden (niemand mag zijn eigen prestaties beoordelen "
            + "(wie bouwt, test niet)): meld u aan of neem de taak eerst in behandeling.");
  }

  /** Every rule says why in both languages, and every message of every rule names steps, never their ids. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Language.class)
  void everyMessageNamesTheStepsAndNeverTheirIds(Language language) {
    for (SeparationOfDuties.DutyRule rule : SeparationOfDuties.RULES) {
      for (Step later : rule.later()) {
        Optional<SeparationOfDuties.Violation> broken = rule.aboutTheRequester()
            ? SeparationOfDuties.check(later, "kees", none(), "kees", language)
            : SeparationOfDuties.check(later, "kees", s -> rule.earlier().contains(s) ? Set.of("kees") : Set.of(),
                "inwoner-4711", language);
        assertThat(broken).as("%s at %s", rule.id(), later).isPresent();
        assertThat(broken.get().message()).as(rule.id()).contains(rule.why().in(language))
            .contains(later.displayName(language)).doesNotContain(later.id());
      }
    }
  }

  private static Function<Step, Set<String>> completed(Step step, String... users) {
    return s -> s == step ? Set.of(users) : Set.of();
  }

  private static Function<Step, Set<String>> none() {
    return s -> Set.of();
  }
}
