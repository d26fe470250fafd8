package org.usm.link;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rules of links, in plain Java (DESIGN §11). */
public final class LinkRules {

  private LinkRules() {}

  /** Rule L1: a step that handed part of its work to a link waits until the provider has answered for good. */
  public static final String L1 = "L1";

  /**
   * Rule L1 for the completion of a step: refused, naming the linked calls, while one the step handed over is
   * open; empty when the step may be completed.
   */
  public static Optional<String> checkCompletion(String step, List<LinkedCall> handedOverByStep) {
    List<LinkedCall> open = handedOverByStep.stream().filter(call -> !call.status().isFinished()).toList();
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(step + " handed part of its work to a link and waits for it: "
        + open.stream().map(LinkedCall::describe).collect(Collectors.joining("; "))
        + ". The step can be completed once the provider reports the linked call fulfilled or refused.");
  }

  /**
   * How long to wait before the next attempt to reach the other installation, after {@code attempts} failed
   * ones: doubling from {@code base}, never more than {@code max}, so an installation that is down for an
   * hour is tried again within {@code max} of its return.
   */
  public static Duration backoff(int attempts, Duration base, Duration max) {
    // 2^20 times any sensible base is beyond any sensible maximum: the cap keeps the multiplication safe.
    Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    return wait.compareTo(max) < 0 ? wait : max;
  }

  /** {@code failing} once so many attempts failed that an administrator should look, else {@code pending}. */
  public static String deliveryState(int attempts, int failingAfter) {
    return attempts >= failingAfter ? "failing" : "pending";
  }
}
