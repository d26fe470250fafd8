package org.usm.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.usm.language.Language;

/** Every step and process has a name in each language the product speaks (DESIGN §14); the code never changes. */
class StepNamesTest {

  @ParameterizedTest(name = "{0} is named in Dutch and in English")
  @EnumSource(Step.class)
  void everyStepHasADutchAndAnEnglishNameWithTheSameCode(Step step) {
    String dutch = step.displayName(Language.NL);
    String english = step.displayName(Language.EN);
    assertThat(dutch).startsWith(step.code() + " ").isNotEqualTo(english);
    assertThat(english).startsWith(step.code() + " ").isEqualTo(step.displayName());
  }

  @ParameterizedTest(name = "{0} is named in Dutch and in English")
  @EnumSource(UsmProcess.class)
  void everyProcessHasADutchAndAnEnglishName(UsmProcess process) {
    assertThat(process.displayName(Language.NL)).isNotBlank().isNotEqualTo(process.displayName(Language.EN));
    assertThat(process.displayName(Language.EN)).isEqualTo(process.displayName());
  }

  /** The names the book and the Dutch practice use (REFERENCE.md, the common steps of every process). */
  @Test
  void theDutchNamesAreTheBooks() {
    assertThat(Step.C4_PrepareChange.displayName(Language.NL)).isEqualTo("C4 Voorbereiden wijziging");
    assertThat(Step.R6_ReviewDelivery.displayName(Language.NL)).isEqualTo("R6 Toetsen oplevering en terugkoppelen");
    assertThat(Step.C8_UpdateMir.displayName(Language.NL)).isEqualTo("C8 Bijwerken BIR");
    assertThat(UsmProcess.OPERATE.displayName(Language.NL)).isEqualTo("Uitvoeren");
  }
}
