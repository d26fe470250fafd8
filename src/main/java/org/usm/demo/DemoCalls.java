package org.usm.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.clock.UsmClock;
import org.usm.definition.ServiceCatalog;
import org.usm.engine.EngineTime;
import org.usm.instantiation.ServicesDeployed;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRequest;
import org.usm.link.HandOver;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowElements;
import org.usm.model.WorkflowPattern;
import org.usm.security.IdentitySetup;

/**
 * The demo's history: a month of calls for Middenstad's three services, worked by the demo users as
 * they would have been, so that an auditor opening the demo finds finished and running calls, their
 * trails, and chain figures worth reading (lead times, breached SLAs, a re-route, a refused
 * self-test, an improvement finding). Written once, into an empty call register, with the engine's
 * clock moved to each moment ({@link EngineTime#replay}); the product's own rules apply to every step.
 * Only with {@code usm.demo.calls-enabled} (on in the demo profile).
 */
@Component
public class DemoCalls {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCalls.class);

  /**
   * One demo call: registered {@code daysAgo} days ago at nine, worked along {@code pattern} at {@code pace}
   * times the usual time per step, closed unless {@link #openAt} says where it waits. Refinements set at
   * declaration only: a scenario is not changed once the list below is built.
   */
  static final class Scenario {

    private final String serviceId;
    private final String type;
    private final WorkflowPattern pattern;
    private final String summary;
    private final int daysAgo;
    private final double pace;
    private final String text;
    private String level = "medium";
    private boolean predicted = true;
    private Step openAt;
    private int failedTests;
    private boolean builderTriesToTest;
    private String findings;
    private Step handOverAt;
    private String link;
    private String linkSummary;
    private double providerPace;

    private Scenario(String serviceId, String type, WorkflowPattern pattern, String summary, int daysAgo, double pace,
        String text) {
      this.serviceId = serviceId;
      this.type = type;
      this.pattern = pattern;
      this.summary = summary;
      this.daysAgo = daysAgo;
      this.pace = pace;
      this.text = text;
    }

    static Scenario closed(String serviceId, String type, WorkflowPattern pattern, String summary, int daysAgo,
        double pace, String text) {
      return new Scenario(serviceId, type, pattern, summary, daysAgo, pace, text);
    }

    /** Impact and urgency high. */
    Scenario urgent() {
      level = "high";
      return this;
    }

    /** Still open, waiting at the step. */
    Scenario openAt(Step step) {
      openAt = step;
      return this;
    }

    /** Registered without a pattern: intake predicts, and the route decision re-routes the call. */
    Scenario rerouted() {
      predicted = false;
      return this;
    }

    Scenario failingTests(int times) {
      failedTests = times;
      return this;
    }

    /** The operator who built the change tries to test it too, and is refused (SOD-1). */
    Scenario withTheBuilderTesting() {
      builderTriesToTest = true;
      return this;
    }

    /** An improvement finding at the entry process's evaluation (H8). */
    Scenario finding(String finding) {
      findings = finding;
      return this;
    }

    /**
     * The operator hands part of the step to the service's link (DESIGN §11); the provider works its call at
     * {@code providerPace}, so a slow one is late against the link's agreement.
     */
    Scenario handsOver(Step step, String linkId, String summaryForTheLink, double pace) {
      handOverAt = step;
      link = linkId;
      linkSummary = summaryForTheLink;
      providerPace = pace;
      return this;
    }

    /**
     * A demo user (intake takes no other): a citizen asks for the public services, an employee for the workplace
     * and for changes and risks.
     */
    String requester() {
      List<String> who = serviceId.equals("werkplek") || type.equals("rfc") || type.equals("risk")
          ? IdentitySetup.DEMO_EMPLOYEES : IdentitySetup.DEMO_CITIZENS;
      return who.get(Math.floorMod(summary.hashCode(), who.size()));
    }

    Step openAt() {
      return openAt;
    }
  }

  /** Middenstad's month (the book's case): the calls of Publieksdiensten, Sociaal Domein and IT. */
  static final List<Scenario> SCENARIOS = List.of(
      Scenario.closed("verhuizing", "incident", WorkflowPattern.WF4, "Bevestigingsbrief verhuizing niet ontvangen",
          27, 1.0, "Bevestigingsbrief handmatig opnieuw versturen"),
      Scenario.closed("verhuizing", "incident", WorkflowPattern.WF3, "BRP-koppeling weigert adressen met huisletter",
          25, 1.5, "Koppeling aanpassen: huisletter apart meesturen").urgent().rerouted()
          .finding("Adressen met huisletter ontbreken in de testset van de BRP-koppeling"),
      Scenario.closed("verhuizing", "service-request", WorkflowPattern.WF5, "Verhuizing van een gezin van vijf",
          24, 0.6, null).handsOver(Step.O4_ExecuteActivities, "afval", "Vijf afvalpassen en containers omzetten", 0.5),
      Scenario.closed("verhuizing", "service-request", WorkflowPattern.WF5, "Verhuizing naar de binnenstad",
          16, 0.8, null).handsOver(Step.O4_ExecuteActivities, "afval", "Containers ophalen, ondergrondse container "
              + "toewijzen", 3.0),
      Scenario.closed("verhuizing", "rfc", WorkflowPattern.WF2, "Verhuisformulier: veld voor briefadres",
          22, 1.2, "Uitrol dinsdag 07:00, terugval naar vorige versie klaar").failingTests(1).withTheBuilderTesting(),
      Scenario.closed("verhuizing", "wish", WorkflowPattern.WF1, "Verhuizing ook via de app doorgeven",
          21, 0.8, "De app stuurt de verhuizing via hetzelfde formulier naar de BRP"),
      Scenario.closed("wmo-voorziening", "incident", WorkflowPattern.WF4, "Zaaksysteem toont geen keukentafelgesprekken",
          20, 2.5, "Index van het zaaksysteem herbouwen").urgent(),
      Scenario.closed("wmo-voorziening", "service-request", WorkflowPattern.WF5, "Traplift aanvragen voor mevrouw De Vries",
          19, 1.0, null),
      Scenario.closed("werkplek", "incident", WorkflowPattern.WF4, "Laptop start niet na update",
          18, 0.5, "Laptop uit de pool omruilen"),
      Scenario.closed("werkplek", "rfc", WorkflowPattern.WF2, "Nieuwe versie werkplekimage met Office-update",
          17, 1.0, "Gefaseerd uitrollen: eerst de pilotgroep").failingTests(2),
      Scenario.closed("werkplek", "risk", WorkflowPattern.WF7, "Laptops zonder schijfversleuteling",
          16, 1.0, "Schijfversleuteling afdwingen in het werkplekimage"),
      Scenario.closed("wmo-voorziening", "risk", WorkflowPattern.WF8, "Keukentafelgesprekken niet binnen zes weken",
          15, 1.0, "Extra consulenten inroosteren in het voorjaar"),
      Scenario.closed("verhuizing", "risk", WorkflowPattern.WF6, "Afspraken over verwerkingstijd ontbreken",
          14, 1.0, "Verwerkingstijd opnemen in de dienstverleningsovereenkomst"),
      Scenario.closed("werkplek", "service-request", WorkflowPattern.WF5, "Werkplek inrichten voor nieuwe medewerker",
          12, 3.0, null),
      Scenario.closed("verhuizing", "incident", WorkflowPattern.WF4, "Verhuizing dubbel verwerkt",
          10, 1.0, "Dubbele verwerking terugdraaien").finding("Dubbel indienen van het verhuisformulier is mogelijk"),
      Scenario.closed("werkplek", "incident", WorkflowPattern.WF4, "Geen toegang tot de netwerkschijf",
          8, 2.5, "Rechten in identity management herstellen").urgent(),
      Scenario.closed("wmo-voorziening", "rfc", WorkflowPattern.WF2, "Raamcontract zorgaanbieders: nieuwe tarieven",
          6, 1.0, "Tarieven ingaan per de eerste van de maand"),
      Scenario.closed("verhuizing", "incident", WorkflowPattern.WF4, "Verhuisformulier geeft foutmelding",
          5, 1.0, "Formulier herstarten en cache legen").openAt(Step.O4_ExecuteActivities),
      Scenario.closed("werkplek", "rfc", WorkflowPattern.WF2, "Identity management koppelen aan het HR-systeem",
          4, 1.0, "Koppeling in het weekend activeren").openAt(Step.C5_TestAndRelease),
      Scenario.closed("wmo-voorziening", "wish", WorkflowPattern.WF1, "Aanvraag Wmo ook digitaal indienen",
          3, 1.0, "Digitaal aanvraagformulier gekoppeld aan het zaaksysteem").openAt(Step.A5_Negotiate),
      Scenario.closed("werkplek", "incident", WorkflowPattern.WF4, "Printer op de derde verdieping offline",
          2, 1.0, "Printer opnieuw aanmelden").openAt(Step.R3_Analyze),
      Scenario.closed("verhuizing", "service-request", WorkflowPattern.WF5, "Verhuizing naar het buitenland",
          1, 1.0, null).openAt(Step.O1_AcceptServiceRequest));

  /** Calls are registered when the service desk opens. */
  private static final int OPENING_HOUR = 9;

  /** How long a step of each kind takes at pace 1, from its task's creation to its completion. */
  private static final Map<StepKind, Duration> USUAL = Map.of(
      StepKind.ACCEPT, Duration.ofMinutes(50), StepKind.CLASSIFY, Duration.ZERO, StepKind.REVIEW, Duration.ofHours(20),
      StepKind.EVALUATE, Duration.ofHours(3));
  private static final Duration USUAL_WORK = Duration.ofHours(4);

  private final boolean enabled;
  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final CallIntakeService intake;
  private final ServiceCatalog catalog;
  private final HandOver handOver;

  public DemoCalls(@Value("${usm.demo.calls-enabled:false}") boolean enabled, JdbcTemplate jdbc, ProcessEngine engine,
      CallIntakeService intake, ServiceCatalog catalog, HandOver handOver) {
    this.handOver = handOver;
    this.enabled = enabled;
    this.jdbc = jdbc;
    this.engine = engine;
    this.intake = intake;
    this.catalog = catalog;
  }

  /** The demo user who works a step: coordinators decide, operators execute, the tester tests (SOD-1). */
  public static String demoUser(Step step) {
    return switch (step.role().orElseThrow()) {
      case COORDINATOR -> "coordinator";
      case OPERATOR -> step == Step.C5_TestAndRelease ? "tester" : "operator";
    };
  }

  /**
   * Once the workflows exist, before the node reports ready (nobody else's work may run while the
   * engine's clock is moved); only into an empty register, so a restart adds nothing.
   */
  @EventListener(ServicesDeployed.class)
  public void writeTheDemosHistory() {
    if (!enabled || jdbc.queryForObject("SELECT COUNT(*) FROM usm_call", Integer.class) > 0) {
      return;
    }
    Instant realNow = UsmClock.now();
    EngineTime.replay(engine, () -> {
      SCENARIOS.forEach(scenario -> {
        try {
          new Replay(scenario, realNow).run();
        } catch (RuntimeException e) {
          // The demo starts without the call rather than not at all; DemoCallsTest keeps every scenario working.
          LOG.warn("Demo call '{}' not written: {}", scenario.summary, e.getMessage());
        }
      });
      fireOverdueTimers(realNow);
    });
    LOG.info("Demo: {} calls of the last four weeks written for the auditor's pages", SCENARIOS.size());
  }

  /**
   * Fires, at the moment each was due, the timers the replay left behind (the SLA of a risk an evaluation
   * started, say), so that no breach carries the start-up time instead of its own.
   */
  private void fireOverdueTimers(Instant until) {
    ManagementService management = engine.getManagementService();
    for (Job timer : management.createJobQuery().timers().duedateLowerThan(Date.from(until)).orderByJobDuedate().asc()
        .list()) {
      EngineTime.setNow(timer.getDuedate().toInstant());
      management.executeJob(timer.getId());
    }
  }

  /** One scenario, worked step by step at the moments it would have been. */
  private final class Replay {

    private final Scenario scenario;
    private final Instant realNow;
    private Instant now;
    private String trackingNumber;
    private String workflowInstance;

    Replay(Scenario scenario, Instant realNow) {
      this.scenario = scenario;
      this.realNow = realNow;
      this.now = realNow.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(scenario.daysAgo))
          .plus(Duration.ofHours(OPENING_HOUR));
    }

    void run() {
      EngineTime.setNow(now);
      as(scenario.type.equals("wish") || scenario.type.equals("risk") ? "servicedesk" : "coordinator", () -> {
        CallIntakeService.RegisteredCall call = intake.register(new CallRequest(scenario.serviceId, scenario.type,
            scenario.summary, scenario.requester(), scenario.level, scenario.level, null, null,
            scenario.predicted ? scenario.pattern.name() : null));
        trackingNumber = call.trackingNumber();
        workflowInstance = call.processInstanceId();
      });
      for (Step step : scenario.pattern.path()) {
        if (!step.isUserTask()) {
          continue;
        }
        if (step == scenario.openAt() || !advance(step)) {
          breachIfDue(realNow);
          return;
        }
        if (step == Step.C5_TestAndRelease) {
          testAndRebuild();
        }
        if (step == scenario.handOverAt && !handOverAndAwait(step)) {
          return; // the provider's call is still open: the step waits for it (rule L1)
        }
        complete(step, decisions(step));
      }
    }

    /** The builder's own test is refused (SOD-1); failed tests send the change back to C3 to be re-planned first. */
    private void testAndRebuild() {
      if (scenario.builderTriesToTest) {
        try {
          complete("operator", Step.C5_TestAndRelease, decisions(Step.C5_TestAndRelease));
        } catch (RuntimeException refused) {
          // the refusal is on the call's trail; the tester tests
        }
      }
      for (int round = 0; round < scenario.failedTests; round++) {
        complete(Step.C5_TestAndRelease, Map.of(CallVariables.TEST_ACCEPTED, false));
        advance(Step.C3_PlanAndAgree); // the coordinator re-plans the change
        complete(Step.C3_PlanAndAgree, decisions(Step.C3_PlanAndAgree));
        advance(Step.C4_PrepareChange);
        complete(Step.C4_PrepareChange, Map.of());
        advance(Step.C5_TestAndRelease);
      }
    }

    /**
     * The operator claims the step and hands part of it to the link; the provider's call is worked at the
     * provider's pace. True when it was finished by now, so the step may be completed.
     */
    private boolean handOverAndAwait(Step step) {
      String provider = as("operator", () -> {
        engine.getTaskService().claim(task(trackingNumber, step).getId(), "operator");
        return handOver.handOver(trackingNumber, new HandOver.Request(scenario.link, "service-request",
            scenario.linkSummary, null, scenario.level, scenario.level, step.id())).trackingNumber();
      });
      for (Step providerStep : WorkflowPattern.WF5.path()) {
        if (!providerStep.isUserTask()) {
          continue;
        }
        if (!advance(providerStep, scenario.providerPace)) {
          return false;
        }
        complete(demoUser(providerStep), provider, providerStep, StepDecisions.of(providerStep, WorkflowPattern.WF5,
            null, null));
      }
      return true;
    }

    private Map<String, Object> decisions(Step step) {
      String component = step == Step.C3_PlanAndAgree
          ? catalog.find(scenario.serviceId).orElseThrow().components().get(0).id() : null;
      Map<String, Object> decisions = new HashMap<>(StepDecisions.of(step, scenario.pattern, component, scenario.text));
      if (step.kind() == StepKind.EVALUATE && step.process() == scenario.pattern.entryProcess()
          && scenario.findings != null) {
        decisions.put(CallVariables.IMPROVEMENT_FINDINGS, scenario.findings);
      }
      return decisions;
    }

    /** Moves time on by the step's usual duration at the scenario's pace; false when that is beyond now. */
    private boolean advance(Step step) {
      return advance(step, scenario.pace);
    }

    private boolean advance(Step step, double pace) {
      Duration usual = USUAL.getOrDefault(step.kind(), USUAL_WORK);
      Instant next = now.plus(Duration.ofSeconds((long) (usual.toSeconds() * pace)));
      if (next.isAfter(realNow.minus(Duration.ofMinutes(10)))) {
        return false;
      }
      breachIfDue(next);
      now = next;
      EngineTime.setNow(now);
      return true;
    }

    /** Fires the call's SLA timer at the moment it was due, if that is before {@code until}. */
    private void breachIfDue(Instant until) {
      ManagementService management = engine.getManagementService();
      for (Job timer : management.createJobQuery().processInstanceId(workflowInstance).timers()
          .duedateLowerThan(Date.from(until)).list()) {
        EngineTime.setNow(timer.getDuedate().toInstant());
        management.executeJob(timer.getId());
        Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(workflowInstance)
            .taskDefinitionKey(WorkflowElements.STEER_SLA_BREACH).singleResult();
        Instant handled = timer.getDuedate().toInstant().plus(Duration.ofHours(2));
        if (escalation != null && handled.isBefore(until)) {
          EngineTime.setNow(handled);
          as("coordinator", () -> engine.getTaskService().complete(escalation.getId()));
        }
        EngineTime.setNow(now);
      }
    }

    private void complete(Step step, Map<String, Object> variables) {
      complete(demoUser(step), step, variables);
    }

    private void complete(String user, Step step, Map<String, Object> variables) {
      complete(user, trackingNumber, step, variables);
    }

    /**
     * The user takes the step up a quarter of the way from its opening to now (the rest is work), unless
     * somebody holds it already, and completes it now.
     */
    private void complete(String user, String call, Step step, Map<String, Object> variables) {
      Task task = task(call, step);
      if (task.getAssignee() == null) {
        Instant opened = task.getCreateTime().toInstant();
        EngineTime.setNow(opened.plus(Duration.between(opened, now).dividedBy(4)));
        as(user, () -> engine.getTaskService().claim(task.getId(), user));
        EngineTime.setNow(now);
      }
      as(user, () -> engine.getTaskService().complete(task.getId(), variables));
    }

    private Task task(String call, Step step) {
      return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(call).taskDefinitionKey(step.id())
          .singleResult();
    }

    private void as(String user, Runnable work) {
      as(user, () -> {
        work.run();
        return null;
      });
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
      IdentityService identity = engine.getIdentityService();
      identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList());
      try {
        return work.get();
      } finally {
        identity.clearAuthentication();
      }
    }
  }
}
