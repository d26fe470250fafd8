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
    double rank = p / 100.0 * (minutes.length - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    return hundredths(minutes[below] + (rank - below) * (minutes[above] - minutes[below]));
  }

  static double hundredths(double minutes) {
    return Math.round(minutes * 100.0) / 100.0;
  }

  public static Double medianMinutes(List<Duration> durations) {
    return percentileMinutes(durations, 50);
  }
}
