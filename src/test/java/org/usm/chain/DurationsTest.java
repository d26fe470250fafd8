package org.usm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

  private static List<Duration> minutes(long... values) {
    return java.util.Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
  }

  @Test
  void theMedianOfAnOddCountIsTheMiddleAndOfAnEvenCountBetweenTheTwoMiddles() {
    assertThat(Durations.medianMinutes(minutes(30, 10, 20))).isEqualTo(20.0);
    assertThat(Durations.medianMinutes(minutes(10, 20, 30, 40))).isEqualTo(25.0);
  }

  @Test
  void theNinetiethPercentileInterpolatesBetweenTheClosestRanks() {
    assertThat(Durations.percentileMinutes(minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isEqualTo(9.1);
    assertThat(Durations.percentileMinutes(minutes(60), 90)).isEqualTo(60.0);
  }

  @Test
  void noDurationsGiveNoFigureRatherThanZero() {
    assertThat(Durations.medianMinutes(List.of())).isNull();
  }

  @Test
  void aSampleFindsThePercentilesBySelectionAsSortingWould() {
    java.util.Random random = new java.util.Random(7);
    for (int n : new int[] {1, 2, 3, 10, 101, 1000}) {
      MinuteSample sample = new MinuteSample();
      List<Duration> durations = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        long seconds = random.nextInt(5) == 0 ? 600 : random.nextInt(100_000);
        sample.addSeconds(seconds);
        durations.add(Duration.ofSeconds(seconds));
      }
      for (double p : new double[] {50, 90, 0, 100}) {
        assertThat(sample.percentile(p)).as("p%s of %d", p, n).isEqualTo(Durations.percentileMinutes(durations, p));
      }
    }
    assertThat(new MinuteSample().median()).isNull();
  }
}
