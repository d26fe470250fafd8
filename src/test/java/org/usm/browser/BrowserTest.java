package org.usm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;

/**
 * Runs the browser tests in {@code src/test/browser} (node's test runner, playwright-core, Debian
 * Chromium) against the product started here, with the calls they work on. Screenshots are saved to
 * {@code target/screenshots}. Without Chromium the tests are skipped, unless {@code USM_BROWSER_TESTS} is
 * {@code required}, as in CI, where a missing browser fails.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default",
// which every context registers.
@DirtiesContext
// With the demo's month of calls, as a user of the demo sees it (the Chain page has figures to show).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "usm.demo.calls-enabled=true")
@ActiveProfiles({"demo", "test"})
class BrowserTest {

  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("USM_CHROMIUM", "/usr/bin/chromium"));

  @LocalServerPort int port;
  @Autowired CallIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void tasklistAndCockpitWorkInARealBrowser() throws Exception {
    boolean required = "required".equals(System.getenv("USM_BROWSER_TESTS"));
    boolean available = Files.isExecutable(CHROMIUM) && Files.isDirectory(Path.of("node_modules", "playwright-core"));
    assertThat(available || !required).as("Chromium at %s and node_modules/playwright-core (npm ci)", CHROMIUM)
        .isTrue();
    Assumptions.assumeTrue(available, "Chromium or playwright-core missing: apt-get install chromium; npm ci");

    String incident = intake.register(new CallRequest("verhuizing", "incident",
        "Bevestiging verhuizing niet ontvangen", "inwoner-4711", "medium", "high", null, null, null)).trackingNumber();
    String ownRfc = intake.register(new CallRequest("verhuizing", "rfc", "Verhuisformulier: veld voor briefadres",
        "coordinator", null, null, null, null, null)).trackingNumber();
    completeAs("coordinator", ownRfc, "C1_AcceptRfc");
    // A finished call for the auditor's pages, worked as the demo users would (Tasklist itself is tested on
    // the incident above).
    String closed = intake.register(new CallRequest("verhuizing", "incident", "Adreswijziging niet bevestigd",
        "inwoner-1984", "high", "medium", null, null, "WF4")).trackingNumber();
    for (Step step : WorkflowPattern.WF4.path()) {
      if (step.isUserTask()) {
        completeAs(HappyPath.demoUser(step), closed, step.id(), HappyPath.variables(step, WorkflowPattern.WF4));
      }
    }

    Path screenshots = Path.of("target", "screenshots");
    Files.createDirectories(screenshots);
    // One file at a time: both drive the same product.
    ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
        "src/test/browser/tasklist-cockpit.test.mjs", "src/test/browser/cockpit-auditor.test.mjs",
        "src/test/browser/cockpit-designer.test.mjs")
        .redirectErrorStream(true);
    node.environment().putAll(Map.of(
        "USM_BASE_URL", "http://localhost:" + port,
        "USM_INCIDENT", incident,
        "USM_OWN_RFC", ownRfc,
        "USM_CLOSED_INCIDENT", closed,
        "USM_SCREENSHOTS", screenshots.toAbsolutePath().toString(),
        "USM_CHROMIUM", CHROMIUM.toString()));
    Path log = screenshots.resolve("browser-tests.log");
    node.redirectOutput(log.toFile());
    Process run = node.start();
    boolean finished = run.waitFor(10, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(finished).as("browser tests finished in time").isTrue();
    assertThat(run.exitValue()).as("browser tests:%n%s", output).isZero();
    assertThat(new File(screenshots.toFile(), "refusal-sod-3.png")).exists();
    assertThat(new File(screenshots.toFile(), "auditor-call.png")).exists();
    assertThat(new File(screenshots.toFile(), "designer-preview.png")).exists();
  }

  private void completeAs(String user, String trackingNumber, String step) {
    completeAs(user, trackingNumber, step, Map.of());
  }

  private void completeAs(String user, String trackingNumber, String step, Map<String, Object> variables) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).taskDefinitionKey(step)
        .singleResult().getId();
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
