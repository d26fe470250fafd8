package org.usm.link;

import org.usm.language.Language;
import org.usm.language.Phrase;
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
   * open; empty when the step may be completed. In the language of the call's service: its people read it.
   */
  public static Optional<String> checkCompletion(String step, List<LinkedCall> handedOverByStep, Language language) {
    List<LinkedCall> open = handedOverByStep.stream().filter(call -> !call.status().isFinished()).toList();
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(WAITS.in(language, step,
        open.stream().map(call -> call.describe(language)).collect(Collectors.joining("; "))));
  }

  private static final Phrase WAITS = new Phrase("%s handed part of its work to a link and waits for it: %s. The step "
      + "can be completed once the provider reports the linked call fulfilled or refused.", "%s heeft een deel van "
      + "het werk aan een schakel in de keten overgedragen en wacht daarop: %s. De stap kan worden afgerond zodra de "
      + "leverancier de gekoppelde melding als vervuld of geweigerd meldt.");

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
