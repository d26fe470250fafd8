package org.usm.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.usm.model.Step;

/**
 * The step completions of an ended call, written once onto its register row: the chain figures then read one
 * row per call instead of one per step, which keeps an owner's report within a second over a large register
 * (DESIGN §13). Per completion {@code code,group,instance,opened,claimed,completed}, separated by {@code ;}: the
 * step's code (R3), its team, the call's process instance by number, and seconds since registration (claimed
 * empty when nobody took the step up first).
 */
final class CallStepFacts {

  private CallStepFacts() {}

  /** The facts as text; empty when a value cannot be written so (the figures then read the completions). */
  static Optional<String> encode(List<ChainAggregation.StepFacts> steps, Instant registeredAt) {
    Map<String, Integer> instances = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>();
    for (ChainAggregation.StepFacts step : steps) {
      Optional<Step> known = Step.byId(step.step());
      if (known.isEmpty() || step.group() != null && (step.group().contains(",") || step.group().contains(";"))) {
        return Optional.empty();
      }
      int instance = instances.computeIfAbsent(step.processInstanceId(), id -> instances.size());
      entries.add(String.join(",", known.get().code(), step.group() == null ? "" : step.group(),
          String.valueOf(instance), seconds(registeredAt, step.openedAt()), seconds(registeredAt, step.claimedAt()),
          seconds(registeredAt, step.completedAt())));
    }
    return Optional.of(String.join(";", entries));
  }

  /** One completion as the text holds it: seconds since registration, {@code claimed} -1 when not taken up. */
  @FunctionalInterface
  interface Visitor {
    void step(Step step, String group, int instance, long opened, long claimed, long completed);
  }

  /**
   * The teams' names as the completions meet them, one string each: a register names a handful of teams a
   * million times, so a name is compared where it stands rather than cut out and hashed.
   */
  static final class Names {

    private final List<String> known = new ArrayList<>();

    String of(String text, int from, int to) {
      if (from == to) {
        return null;
      }
      for (String name : known) {
        if (name.length() == to - from && text.startsWith(name, from)) {
          return name;
        }
      }
      String name = text.substring(from, to);
      known.add(name);
      return name;
    }
  }

  /** Reads the completions in the order they happened, without an object per completion. */
  static void forEach(String facts, Names groups, Visitor visitor) {
    int at = 0;
    while (at < facts.length()) {
      int end = facts.indexOf(';', at);
      if (end < 0) {
        end = facts.length();
      }
      int c1 = facts.indexOf(',', at);
      int c2 = facts.indexOf(',', c1 + 1);
      int c3 = facts.indexOf(',', c2 + 1);
      int c4 = facts.indexOf(',', c3 + 1);
      int c5 = facts.indexOf(',', c4 + 1);
      visitor.step(step(facts, at, c1), groups.of(facts, c1 + 1, c2), Integer.parseInt(facts, c2 + 1, c3, 10),
          Long.parseLong(facts, c3 + 1, c4, 10), c5 == c4 + 1 ? -1 : Long.parseLong(facts, c4 + 1, c5, 10),
          Long.parseLong(facts, c5 + 1, end, 10));
      at = end + 1;
    }
  }

  /** The step of a code: a process's letter and the step's digit (R3). */
  private static Step step(String facts, int from, int to) {
    if (to == from + 2) {
      char letter = facts.charAt(from);
      char digit = facts.charAt(from + 1);
      if (letter < 128 && digit >= '0' && digit <= '9' && BY_LETTER_AND_DIGIT[letter * 10 + digit - '0'] != null) {
        return BY_LETTER_AND_DIGIT[letter * 10 + digit - '0'];
      }
    }
    return BY_CODE.apply(facts.substring(from, to));
  }

  /** The completions the text holds, of the call registered at the moment given. */
  static List<ChainAggregation.StepFacts> decode(String facts, String trackingNumber, Instant registeredAt) {
    List<ChainAggregation.StepFacts> steps = new ArrayList<>();
    forEach(facts, new Names(), (step, group, instance, opened, claimed, completed) -> steps.add(
        new ChainAggregation.StepFacts(trackingNumber, step.process().key(), trackingNumber + "#" + instance,
            step.id(), group, registeredAt.plusSeconds(opened), claimed < 0 ? null : registeredAt.plusSeconds(claimed),
        registeredAt.plusSeconds(completed))));
    return steps;
  }

  private static final Function<String, Step> BY_CODE = Arrays.stream(Step.values())
      .collect(Collectors.toMap(Step::code, step -> step))::get;

  private static final Step[] BY_LETTER_AND_DIGIT = new Step[128 * 10];

  static {
    for (Step step : Step.values()) {
      String code = step.code();
      if (code.length() == 2 && code.charAt(0) < 128 && code.charAt(1) >= '0' && code.charAt(1) <= '9') {
        BY_LETTER_AND_DIGIT[code.charAt(0) * 10 + code.charAt(1) - '0'] = step;
      }
    }
  }

  private static String seconds(Instant from, Instant to) {
    return to == null ? "" : String.valueOf(Duration.between(from, to).toSeconds());
  }

}
