package org.usm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs the shell commands of docs/quick-tour.md exactly as written, in order, in one bash session,
 * against the product on port 8080 as the tour says.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default",
// which every context registers.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=8080")
@ActiveProfiles({"demo", "test"})
class QuickTourTest {

  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

  @TempDir
  Path workDir;

  @Test
  void theQuickTourCommandsWorkAsWritten() throws Exception {
    String tour = Files.readString(Path.of("docs", "quick-tour.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher matcher = BASH_BLOCK.matcher(tour);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertThat(blocks).hasSizeGreaterThan(5);
    Path script = workDir.resolve("tour.sh");
    Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));

    Process bash = new ProcessBuilder("bash", script.toString()).directory(workDir.toFile())
        .redirectErrorStream(true).start();
    assertThat(bash.waitFor(120, TimeUnit.SECONDS)).as("tour finished in time").isTrue();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(bash.exitValue()).as("tour output:\n%s", output).isZero();
    assertThat(output).contains("\"pattern\":\"WF4\"").contains("\"status\":\"registered\"")
        .contains("completed R7_EvaluateAndClose as coordinator");
    String last = output.substring(output.lastIndexOf("{\"trackingNumber\""));
    assertThat(last).contains("\"status\":\"closed\"").contains("\"openSteps\":[]");
  }
}
