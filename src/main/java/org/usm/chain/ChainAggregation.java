package org.usm.chain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
    if (bucket != null) {
      bucket.step(step);
      byInstance.computeIfAbsent(step.processInstanceId(), id -> new ArrayList<>()).add(step);
    }
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
        byCall.get(next.trackingNumber()).handoffWaits.add(Duration.between(before.completedAt(), takenUp));
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
    private final List<Duration> leadTimes = new ArrayList<>();
    private final List<Duration> fulfilmentLeadTimes = new ArrayList<>();
    private final List<Duration> handlingTimes = new ArrayList<>();
    private final List<Duration> handoverWaits = new ArrayList<>();
    private final List<Duration> handoffWaits = new ArrayList<>();
    private final List<Duration> stepTimes = new ArrayList<>();
    private final Map<String, Team> teams = new TreeMap<>();
    private final Map<String, Integer> refusalsByRule = new TreeMap<>();

    Bucket(String serviceId, WorkflowPattern pattern, String period) {
      this.serviceId = serviceId;
      this.pattern = pattern;
      this.period = period;
    }

    void add(CallFacts call) {
      calls++;
      handlingTimes.add(Duration.between(call.registeredAt(), call.slaDueAt()));
      if (!pattern.name().equals(call.predictedPattern())) {
        reroutes++;
      }
      if (call.reworks() > 0) {
        reworked++;
      }
      if (call.fulfilledAt() != null) {
        fulfilmentLeadTimes.add(Duration.between(call.registeredAt(), call.fulfilledAt()));
        if (!call.fulfilledAt().isAfter(call.slaDueAt())) {
          slaMetAtFulfilment++;
        }
      }
      if (call.closedAt() != null) {
        leadTimes.add(Duration.between(call.registeredAt(), call.closedAt()));
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
    void step(StepFacts step) {
      Duration taken = Duration.between(step.openedAt(), step.completedAt());
      stepTimes.add(taken);
      Step.byId(step.step()).filter(s -> s.kind() == StepKind.ACCEPT)
          .filter(s -> !pattern.entryProcess().key().equals(step.processKey()))
          .ifPresent(s -> handoverWaits.add(taken));
      Team team = teams.computeIfAbsent(step.group() + " " + step.step(), key -> new Team(step.group(), step.step()));
      team.ownTimes.add(taken);
      if (step.claimedAt() == null) {
        team.queueTimes.add(taken);
      } else {
        team.queueTimes.add(Duration.between(step.openedAt(), step.claimedAt()));
        team.workTimes.add(Duration.between(step.claimedAt(), step.completedAt()));
      }
    }

    ChainFigures.Row row() {
      int finished = leadTimes.size();
      int fulfilled = fulfilmentLeadTimes.size();
      Double slaMetAtFulfilmentRate = rate(slaMetAtFulfilment, fulfilled);
      boolean chainMissesSla = slaMetAtFulfilmentRate != null && slaMetAtFulfilmentRate < SLA_TARGET;
      Duration responseTime = handlingTimes.isEmpty() ? null
          : StepDeadlines.responseTime(Duration.ofMillis((long) (Durations.medianMinutes(handlingTimes) * 60_000)));
      return new ChainFigures.Row(serviceId, serviceNames.apply(serviceId), pattern.name(), period, calls, finished,
          Durations.medianMinutes(leadTimes), Durations.percentileMinutes(leadTimes, 90), slaMet,
          rate(slaMet, finished), fulfilled, Durations.medianMinutes(fulfilmentLeadTimes),
          Durations.percentileMinutes(fulfilmentLeadTimes, 90), slaMetAtFulfilment, slaMetAtFulfilmentRate,
          chainMissesSla, reworked, rate(reworked, calls), rate(firstTimeRight, finished),
          Durations.medianMinutes(handoverWaits), Durations.medianMinutes(handoffWaits),
          Durations.medianMinutes(stepTimes), teams.values().stream().map(t -> t.row(chainMissesSla, responseTime))
              .toList(),
          reroutes, rate(reroutes, calls), refusalsByRule, improvementFindings);
    }
  }

  /** The completions of one step by one team. */
  private static final class Team {

    private final String group;
    private final String step;
    private final List<Duration> ownTimes = new ArrayList<>();
    private final List<Duration> queueTimes = new ArrayList<>();
    private final List<Duration> workTimes = new ArrayList<>();

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
      Double own = Durations.medianMinutes(ownTimes);
      boolean green = own != null && responseTime != null && own <= responseTime.toSeconds() / 60.0;
      return new ChainFigures.TeamRow(group, step, ownTimes.size(), Durations.medianMinutes(queueTimes),
          Durations.medianMinutes(workTimes), chainMissesSla && green);
    }
  }
}
