package org.usm.chain;

import java.time.Duration;
import java.util.List;

/** Order statistics of durations, in minutes, as the chain figures report them. */
public final class Durations {

  private Durations() {}

  /**
   * The {@code p}-th percentile (0 to 100) in minutes, interpolated between the closest ranks (as
   * spreadsheets' PERCENTILE.INC); null for no durations.
   */
  public static Double percentileMinutes(List<Duration> durations, double p) {
    if (durations.isEmpty()) {
      return null;
    }
    double[] minutes = durations.stream().mapToDouble(d -> d.toMillis() / 60_000.0).sorted().toArray();
    return percentileOfSorted(minutes, minutes.length, p);
  }

  /** The percentile of the first {@code count} (at least one) of minutes sorted ascending. */
  static Double percentileOfSorted(double[] minutes, int count, double p) {
    double rank = p / 100.0 * (count - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    double value = minutes[below] + (rank - below) * (minutes[above] - minutes[below]);
    return Math.round(value * 100.0) / 100.0;
  }

  public static Double medianMinutes(List<Duration> durations) {
    return percentileMinutes(durations, 50);
  }
}
