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
import org.usm.audit.AuditEvent;
import java.util.stream.Stream;
import org.usm.intake.CallStatus;
import org.usm.link.LinkStatus;
import org.usm.model.CallType;

/**
 * The Calls page filters by the statuses intake gives a call: a status added to {@link CallStatus} (withdrawn,
 * reclassified) that the page's list lacks could not be found there. The pages show statuses, link statuses and
 * call types and the kinds of trail entries in words, declared in Dutch and English in texts.js: a value added here without its words there
 * would show as its code.
 */
class CockpitVocabularyTest {

  @Test
  void thePagesHaveWordsForEveryStatusLinkStatusCallTypeAndTrailKind() throws IOException {
    String texts = Files.readString(Path.of("cockpit", "src", "texts.js"));
    List<String> keys = Stream.of(
        Arrays.stream(CallStatus.values()).map(status -> "callStatus." + status.label()),
        Arrays.stream(LinkStatus.values()).map(status -> "linkStatus." + status.label()),
        Arrays.stream(CallType.values()).map(type -> "callType." + type.id()),
        Arrays.stream(AuditEvent.Kind.values()).map(kind -> "trailKind." + kind.name())).flatMap(s -> s).toList();
    for (String key : keys) {
      String text = "('[^']+'|\"[^\"]+\")";
      Matcher words = Pattern.compile("'" + Pattern.quote(key) + "': \\{ nl: " + text + ", en: " + text + " \\}")
          .matcher(texts);
      assertThat(words.find()).as("texts.js gives %s in Dutch and English", key).isTrue();
    }
  }

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
