package org.usm.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The product's one notion of now, shared with the engine: the engine plugin makes it follow the engine's
 * clock, so the product's records (trail, register, step completions) and the engine's history agree to
 * the millisecond, and whoever moves the engine's clock (a process test driving timers, the demo's
 * history) moves the product's with it. Until an engine is built it is the system clock.
 */
public final class UsmClock {

  private static volatile Supplier<Instant> source = Instant::now;

  private UsmClock() {}

  public static Instant now() {
    return source.get();
  }

  /** Makes now what the source says, from then on; the engine plugin gives the engine's clock. */
  public static void follow(Supplier<Instant> now) {
    source = now;
  }

  /** A {@link Clock} in the zone that reads {@link #now()}. */
  public static Clock clock(ZoneId zone) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return clock(other);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }
}
