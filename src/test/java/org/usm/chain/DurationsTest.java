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
}
