package org.usm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.usm.link.HandOver;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;
import org.usm.testing.HappyPath;

/**
 * Runs every browser test in {@code src/test/browser} (node's test runner, playwright-core, Debian
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
  @Autowired HandOver handOver;

  @Test
  void tasklistAndCockpitWorkInARealBrowser() throws Exception {
    boolean required = "required".equals(System.getenv("USM_BROWSER_TESTS"));
    boolean available = Files.isExecutable(CHROMIUM) && Files.isDirectory(Path.of("node_modules", "playwright-core"));
    assertThat(available || !required).as("Chromium at %s and node_modules/playwright-core (npm ci)", CHROMIUM)
        .isTrue();
    Assumptions.assumeTrue(available, "Chromium or playwright-core missing: apt-get install chromium; npm ci");

    String incident = intake.register(new CallRequest("verhuizing", "incident",
        "Bevestiging verhuizing niet ontvangen", "inwoner-4711", "medium", "high", null, null, null)).trackingNumber();
    // Registered as a service request, but something that worked no longer does: reclassified at O1.
    String wrongType = intake.register(new CallRequest("verhuizing", "service-request",
        "Na de verhuizing toont Mijn Gemeente nog het oude adres", "requester", null, null, null, null, null))
        .trackingNumber();
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

    // A removal whose O4 handed the waste collection to the link 'afval', worked by its provider to closed: the
    // operator reads the outcome on the O4 form, the auditor the linked call on the call's page in Cockpit.
    String move = intake.register(new CallRequest("verhuizing", "service-request", "Verhuizing naar de Lindelaan 4",
        "requester", null, null, null, null, null, "Per 1 maart, met twee kliko's en een afvalpas", null))
        .trackingNumber();
    drive(move, "verhuizing", WorkflowPattern.WF5, Step.O4_ExecuteActivities, false);
    as("operator", () -> taskService.claim(taskOf(move, Step.O4_ExecuteActivities.id()), "operator"));
    String waste = as("operator", () -> handOver.handOver(move, new HandOver.Request("afval", "service-request",
        "Containers en afvalpas omzetten naar Lindelaan 4", "Twee containers (rest en gft), één afvalpas", null, null,
        null))).trackingNumber();
    drive(waste, "afvalinzameling", WorkflowPattern.WF5, Step.O1_AcceptServiceRequest, true);

    // A removal waiting at O4, held by the operator: the coordinator of Operate steers it to a colleague.
    String steered = intake.register(new CallRequest("verhuizing", "service-request", "Verhuizing naar de Beukenlaan 9",
        "requester", null, null, null, null, null)).trackingNumber();
    drive(steered, "verhuizing", WorkflowPattern.WF5, Step.O4_ExecuteActivities, false);
    as("operator", () -> taskService.claim(taskOf(steered, Step.O4_ExecuteActivities.id()), "operator"));

    // A call of each type waiting at the step where its coordinator may end the process without delivering
    // (rule E1): the browser takes each exit on its form.
    Map<Step, String> exits = new LinkedHashMap<>();
    exits.put(Step.C3_PlanAndAgree, waitingAt("rfc", "Verhuisformulier: eigen veld voor de verhuisdatum",
        WorkflowPattern.WF2, Step.C3_PlanAndAgree));
    exits.put(Step.R4_PrepareRecovery, waitingAt("incident", "Verhuisbevestiging twee keer ontvangen",
        WorkflowPattern.WF4, Step.R4_PrepareRecovery));
    exits.put(Step.I4_SelectMeasure, waitingAt("risk", "Verhuizingen naar nieuwbouw blijven soms liggen",
        WorkflowPattern.WF8, Step.I4_SelectMeasure));
    exits.put(Step.O3_PlanActivities, waitingAt("service-request", "Verhuizing naar een adres dat nog niet bestaat",
        WorkflowPattern.WF5, Step.O3_PlanActivities));
    exits.put(Step.A5_Negotiate, waitingAt("wish", "Verhuizing ook op zaterdag aan de balie doorgeven",
        WorkflowPattern.WF1, Step.A5_Negotiate));

    Path screenshots = Path.of("target", "screenshots");
    Files.createDirectories(screenshots);
    // Every browser test file, one at a time (they drive the same product): first those that work the calls
    // above in the order the auditor's pages expect them, then the rest, which prepare their own calls.
    List<String> ordered = List.of("tasklist-cockpit", "cockpit-auditor", "cockpit-designer", "links", "exits",
        "report");
    List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
    ordered.forEach(name -> command.add("src/test/browser/" + name + ".test.mjs"));
    try (Stream<Path> files = Files.list(Path.of("src", "test", "browser"))) {
      files.map(Path::toString).filter(file -> file.endsWith(".test.mjs")).sorted()
          .filter(file -> !command.contains(file)).forEach(command::add);
    }
    // -Dusm.browser.tests=dutch-call,webapps-nl runs only those files (while working on them).
    String only = System.getProperty("usm.browser.tests", "");
    if (!only.isBlank()) {
      List<String> chosen = Stream.of(only.split(",")).map(name -> "src/test/browser/" + name.strip() + ".test.mjs")
          .toList();
      command.removeIf(argument -> argument.endsWith(".test.mjs") && !chosen.contains(argument));
    }
    ProcessBuilder node = new ProcessBuilder(command)
        .redirectErrorStream(true);
    node.environment().putAll(Map.of(
        "USM_BASE_URL", "http://localhost:" + port,
        "USM_INCIDENT", incident,
        "USM_OWN_RFC", ownRfc,
        "USM_WRONG_TYPE", wrongType,
        "USM_CLOSED_INCIDENT", closed,
        "USM_LINKED_MOVE", move,
        "USM_STEERED", steered,
        "USM_LINKED_WASTE", waste,
        "USM_SCREENSHOTS", screenshots.toAbsolutePath().toString(),
        "USM_CHROMIUM", CHROMIUM.toString()));
    node.environment().put("USM_EXITS", exits.entrySet().stream()
        .map(exit -> exit.getKey().id() + "=" + exit.getValue()).collect(Collectors.joining(",")));
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
    assertThat(new File(screenshots.toFile(), "task-o4-linked-call.png")).exists();
    assertThat(new File(screenshots.toFile(), "auditor-call-links.png")).exists();
    assertThat(new File(screenshots.toFile(), "task-o1-reclassify.png")).exists();
    assertThat(new File(screenshots.toFile(), "task-c3-reject.png")).exists();
    assertThat(new File(screenshots.toFile(), "owner-service-report.png")).exists();
  }

  /**
   * Registers a verhuizing call of the type, worked as the demo users along the pattern up to (not including)
   * the step, which comes before the pattern's fork.
   */
  private String waitingAt(String type, String summary, WorkflowPattern pattern, Step step) {
    String requester = "risk".equals(type) ? "medewerker-0815" : "inwoner-4712";
    String trackingNumber = intake.register(new CallRequest("verhuizing", type, summary, requester, null, null,
        null, null, null)).trackingNumber();
    drive(trackingNumber, "verhuizing", pattern, step, false);
    return trackingNumber;
  }

  /**
   * Works the steps of the pattern's path as the demo users: from its start up to (not including) {@code step},
   * or, with {@code through}, from {@code step} to the end.
   */
  private void drive(String trackingNumber, String serviceId, WorkflowPattern pattern, Step step, boolean through) {
    boolean working = !through;
    for (Step next : pattern.path()) {
      if (next == step) {
        if (!through) {
          return;
        }
        working = true;
      }
      if (working && next.isUserTask()) {
        completeAs(HappyPath.demoUser(next), trackingNumber, next.id(),
            HappyPath.variables(next, pattern, serviceId));
      }
    }
  }

  private String taskOf(String trackingNumber, String step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).taskDefinitionKey(step)
        .singleResult().getId();
  }

  private void as(String user, Runnable work) {
    as(user, () -> {
      work.run();
      return null;
    });
  }

  private <T> T as(String user, Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void completeAs(String user, String trackingNumber, String step) {
    completeAs(user, trackingNumber, step, Map.of());
  }

  private void completeAs(String user, String trackingNumber, String step, Map<String, Object> variables) {
    String taskId = taskOf(trackingNumber, step);
    as(user, () -> taskService.complete(taskId, variables));
  }
}
