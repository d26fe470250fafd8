package org.usm.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.usm.intake.CallStatus;

/**
 * The Calls page filters by the statuses intake gives a call: a status added to {@link CallStatus} (withdrawn,
 * reclassified) that the page's list lacks could not be found there.
 */
class CockpitVocabularyTest {

  @Test
  void theCallsPageOffersEveryStatusACallCanHave() throws IOException {
    String page = Files.readString(Path.of("cockpit", "src", "pages", "calls.js"));
    Matcher statuses = Pattern.compile("CALL_STATUSES = \\[([^\\]]*)\\]").matcher(page);
    assertThat(statuses.find()).isTrue();
    List<String> offered = Arrays.stream(statuses.group(1).split(","))
        .map(value -> value.strip().replace("'", "")).filter(value -> !value.isEmpty()).toList();
    assertThat(offered).containsExactlyElementsOf(Arrays.stream(CallStatus.values()).map(CallStatus::label).toList());
  }
}
