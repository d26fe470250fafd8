package org.usm.chain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowPattern;
import org.usm.sla.StepDeadlines;

/**
 * Adds up the facts of calls and their steps into the chain figures per service, pattern and period, the
 * owner's view of the chain (DESIGN §13; book l.487–511, l.620–628): the customer's lead time to fulfilment
 * beside the internal closure, the teams' own queue and work times, the waits where work passes from one
 * team to the next, and rework. Plain Java: the figures follow from the facts alone.
 */
final class ChainAggregation {

  /**
   * The share of calls a chain delivers within its agreed handling time below which it misses its SLA, and
   * a team that is quick on its own terms is marked as green beside a red chain (the watermelon effect).
   */
  static final double SLA_TARGET = 0.9;

  /** What the register holds of a call. */
  record CallFacts(String trackingNumber, String serviceId, String pattern, String predictedPattern,
      Instant registeredAt, Instant slaDueAt, boolean breached, Instant fulfilledAt, Instant closedAt, int reworks) {}

  /** One completion of a step of a call, as recorded. */
  record StepFacts(String trackingNumber, String processKey, String processInstanceId, String step, String group,
      Instant openedAt, Instant claimedAt, Instant completedAt) {}

  private final Optional<ChainPeriod> interval;
  private final ZoneId zone;
  private final Function<String, String> serviceNames;
  private final Map<String, Bucket> buckets = new TreeMap<>();
  private final Map<String, Bucket> byCall = new HashMap<>();
  private final Map<String, List<StepFacts>> byInstance = new HashMap<>();
  /** One string per team, however many steps name it. */
  private final CallStepFacts.Names groups = new CallStepFacts.Names();

  ChainAggregation(Optional<ChainPeriod> interval, ZoneId zone, Function<String, String> serviceNames) {
    this.interval = interval;
    this.zone = zone;
    this.serviceNames = serviceNames;
  }

  void call(CallFacts call) {
    String period = interval.map(p -> p.of(call.registeredAt().atZone(zone).toLocalDate())).orElse(null);
    Bucket bucket = buckets.computeIfAbsent(call.serviceId() + " " + call.pattern() + " " + period,
        key -> new Bucket(call.serviceId(), WorkflowPattern.valueOf(call.pattern()), period));
    byCall.put(call.trackingNumber(), bucket);
    bucket.add(call);
  }

  /** A step of a call given before ({@link #call}); steps of other calls are no part of these figures. */
  void step(StepFacts step) {
    Bucket bucket = byCall.get(step.trackingNumber());
    Optional<Step> known = Step.byId(step.step());
    if (bucket != null && known.isPresent()) {
      bucket.step(known.get(), step.processKey(), step.group(), seconds(step.openedAt()),
          step.claimedAt() == null ? -1 : seconds(step.claimedAt()), seconds(step.completedAt()));
      byInstance.computeIfAbsent(step.processInstanceId(), id -> new ArrayList<>()).add(step);
    }
  }

  /**
   * The steps of an ended call as its row holds them ({@link CallStepFacts}), in the order they happened: read
   * without an object per step, the hand-offs found as they pass.
   */
  void endedCallSteps(CallFacts call, String facts) {
    Bucket bucket = byCall.get(call.trackingNumber());
    if (bucket == null) {
      return;
    }
    // Per process instance of the call (numbered from 0): the team and completion of its last step so far.
    String[][] lastGroup = {new String[4]};
    long[][] lastCompleted = {new long[4]};
    CallStepFacts.forEach(facts, groups, (step, team, instance, opened, claimed, completed) -> {
      bucket.step(step, step.process().key(), team, opened, claimed, completed);
      if (instance >= lastGroup[0].length) {
        lastGroup[0] = Arrays.copyOf(lastGroup[0], instance * 2);
        lastCompleted[0] = Arrays.copyOf(lastCompleted[0], instance * 2);
      }
      String before = lastGroup[0][instance];
      if (before != null && team != null && !before.equals(team)) {
        bucket.handoffWaits.addSeconds((claimed >= 0 ? claimed : completed) - lastCompleted[0][instance]);
      }
      lastGroup[0][instance] = team;
      lastCompleted[0][instance] = completed;
    });
  }

  /** Seconds on one scale for the steps met one by one; only differences count. */
  private static long seconds(Instant at) {
    return at.getEpochSecond();
  }

  void refusal(String trackingNumber, String ruleId) {
    Optional.ofNullable(byCall.get(trackingNumber)).ifPresent(b -> b.refusalsByRule.merge(ruleId, 1, Integer::sum));
  }

  void improvementFinding(String trackingNumber) {
    Optional.ofNullable(byCall.get(trackingNumber)).ifPresent(b -> b.improvementFindings++);
  }

  List<ChainFigures.Row> rows() {
    for (List<StepFacts> steps : byInstance.values()) {
      handoffs(steps);
    }
    return buckets.values().stream().map(Bucket::row).toList();
  }

  /**
   * Where a process passes its work from one team to another, the time until the next team took it up
   * (claimed it, or completed it without claiming): the wait that belongs to no team (book l.487–511).
   */
  private void handoffs(List<StepFacts> steps) {
    steps.sort(Comparator.comparing(StepFacts::completedAt));
    for (int i = 1; i < steps.size(); i++) {
      StepFacts before = steps.get(i - 1);
      StepFacts next = steps.get(i);
      if (before.group() != null && next.group() != null && !before.group().equals(next.group())) {
        Instant takenUp = next.claimedAt() != null ? next.claimedAt() : next.completedAt();
        byCall.get(next.trackingNumber()).handoffWaits.addSeconds(Duration.between(before.completedAt(), takenUp)
            .toSeconds());
      }
    }
  }

  static Double rate(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }

  /** The calls of one service and pattern (and period), as they are met. */
  private final class Bucket {

    private final String serviceId;
    private final WorkflowPattern pattern;
    private final String period;
    private int calls;
    private int reroutes;
    private int slaMet;
    private int slaMetAtFulfilment;
    private int reworked;
    private int firstTimeRight;
    private int improvementFindings;
    private final MinuteSample leadTimes = new MinuteSample();
    private final MinuteSample fulfilmentLeadTimes = new MinuteSample();
    private final MinuteSample handlingTimes = new MinuteSample();
    private final MinuteSample handoverWaits = new MinuteSample();
    private final MinuteSample handoffWaits = new MinuteSample();
    private final MinuteSample stepTimes = new MinuteSample();
    /** By team (empty for none), then step in the order of the processes. */
    private final Map<String, Map<Step, Team>> teams = new TreeMap<>();
    private final Map<String, Integer> refusalsByRule = new TreeMap<>();

    Bucket(String serviceId, WorkflowPattern pattern, String period) {
      this.serviceId = serviceId;
      this.pattern = pattern;
      this.period = period;
    }

    void add(CallFacts call) {
      calls++;
      handlingTimes.addSeconds(Duration.between(call.registeredAt(), call.slaDueAt()).toSeconds());
      if (!pattern.name().equals(call.predictedPattern())) {
        reroutes++;
      }
      if (call.reworks() > 0) {
        reworked++;
      }
      if (call.fulfilledAt() != null) {
        fulfilmentLeadTimes.addSeconds(Duration.between(call.registeredAt(), call.fulfilledAt()).toSeconds());
        if (!call.fulfilledAt().isAfter(call.slaDueAt())) {
          slaMetAtFulfilment++;
        }
      }
      if (call.closedAt() != null) {
        leadTimes.addSeconds(Duration.between(call.registeredAt(), call.closedAt()).toSeconds());
        if (!call.breached() && !call.closedAt().isAfter(call.slaDueAt())) {
          slaMet++;
        }
        if (call.fulfilledAt() != null && call.reworks() == 0) {
          firstTimeRight++;
        }
      }
    }

    /**
     * A step's time from opened to completed; the accept step of a process the entry process handed work
     * to is the wait at that handover (until the receiving coordinators took the work up). The team's
     * queue time runs until somebody took the step up (or completed it without taking it up first), its
     * work time from then on.
     */
    void step(Step step, String processKey, String group, long opened, long claimed, long completed) {
      long taken = completed - opened;
      stepTimes.addSeconds(taken);
      if (step.kind() == StepKind.ACCEPT && !pattern.entryProcess().key().equals(processKey)) {
        handoverWaits.addSeconds(taken);
      }
      Team team = teams.computeIfAbsent(group == null ? "" : group, g -> new EnumMap<>(Step.class))
          .computeIfAbsent(step, s -> new Team(group, s.id()));
      team.ownTimes.addSeconds(taken);
      if (claimed < 0) {
        team.queueTimes.addSeconds(taken);
      } else {
        team.queueTimes.addSeconds(claimed - opened);
        team.workTimes.addSeconds(completed - claimed);
      }
    }

    ChainFigures.Row row() {
      int finished = leadTimes.size();
      int fulfilled = fulfilmentLeadTimes.size();
      Double slaMetAtFulfilmentRate = rate(slaMetAtFulfilment, fulfilled);
      boolean chainMissesSla = slaMetAtFulfilmentRate != null && slaMetAtFulfilmentRate < SLA_TARGET;
      Duration responseTime = handlingTimes.isEmpty() ? null
          : StepDeadlines.responseTime(Duration.ofSeconds((long) (handlingTimes.median() * 60)));
      return new ChainFigures.Row(serviceId, serviceNames.apply(serviceId), pattern.name(), period, calls, finished,
          leadTimes.median(), leadTimes.percentile(90), slaMet, rate(slaMet, finished), fulfilled,
          fulfilmentLeadTimes.median(), fulfilmentLeadTimes.percentile(90), slaMetAtFulfilment,
          slaMetAtFulfilmentRate, chainMissesSla, reworked, rate(reworked, calls), rate(firstTimeRight, finished),
          handoverWaits.median(), handoffWaits.median(), stepTimes.median(),
          teams.values().stream().flatMap(steps -> steps.values().stream())
              .map(t -> t.row(chainMissesSla, responseTime)).toList(),
          reroutes, rate(reroutes, calls), refusalsByRule, improvementFindings);
    }
  }

  /** The completions of one step by one team. */
  private static final class Team {

    private final String group;
    private final String step;
    private final MinuteSample ownTimes = new MinuteSample();
    private final MinuteSample queueTimes = new MinuteSample();
    private final MinuteSample workTimes = new MinuteSample();

    Team(String group, String step) {
      this.group = group;
      this.step = step;
    }

    /**
     * Green on its own terms: the team's median time from opened to completed is within the response time
     * the product gives a call to be taken up (a tenth of its agreed handling time); marked when the chain
     * misses its SLA all the same.
     */
    ChainFigures.TeamRow row(boolean chainMissesSla, Duration responseTime) {
      Double own = ownTimes.median();
      boolean green = own != null && responseTime != null && own <= responseTime.toSeconds() / 60.0;
      return new ChainFigures.TeamRow(group, step, ownTimes.size(), queueTimes.median(), workTimes.median(),
          chainMissesSla && green);
    }
  }
}
