package org.usm.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhraseTest {

  private final Phrase claimed = new Phrase("%s claimed the step", "%s heeft de stap opgepakt");

  @Test
  void answersInTheLanguageAsked() {
    assertThat(claimed.in(Language.NL, "jan")).isEqualTo("jan heeft de stap opgepakt");
    assertThat(claimed.in(Language.EN, "jan")).isEqualTo("jan claimed the step");
  }

  @Test
  void aPhraseWithoutItsTranslationIsRefused() {
    assertThatThrownBy(() -> new Phrase("Due", " ")).hasMessageContaining("every language");
  }

  @Test
  void languagesAreKnownByTheirCode() {
    assertThat(Language.of("nl")).contains(Language.NL);
    assertThat(Language.of("de")).isEmpty();
    assertThat(Language.codes()).isEqualTo("nl, en");
  }
}
