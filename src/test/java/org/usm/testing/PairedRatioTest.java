package org.usm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

  @Test
  void theSameRatioInEveryPairIsTheFactorWithNoDoubt() {
    PairedRatio ratio = PairedRatio.of(List.of(12.0, 24.0, 36.0), List.of(10.0, 20.0, 30.0));
    assertThat(ratio.factor()).isCloseTo(1.2, within(1e-9));
    assertThat(ratio.low()).isCloseTo(1.2, within(1e-9));
    assertThat(ratio.high()).isCloseTo(1.2, within(1e-9));
    assertThat(ratio).hasToString("1.20x (95% interval 1.20–1.20x)");
  }

  @Test
  void theIntervalIsStudentsOverTheLogarithmsOfThePairs() {
    // log ratios 0.1, 0.3, 0.2, 0.4: mean 0.25, standard deviation 0.1291, t(3) = 3.182 (tables).
    List<Double> plain = List.of(100.0, 100.0, 100.0, 100.0);
    List<Double> product = List.of(100 * Math.exp(0.1), 100 * Math.exp(0.3), 100 * Math.exp(0.2), 100 * Math.exp(0.4));
    PairedRatio ratio = PairedRatio.of(product, plain);
    double halfWidth = 3.182 * 0.129099 / 2;
    assertThat(ratio.factor()).isCloseTo(Math.exp(0.25), within(1e-9));
    assertThat(ratio.low()).isCloseTo(Math.exp(0.25 - halfWidth), within(0.01));
    assertThat(ratio.high()).isCloseTo(Math.exp(0.25 + halfWidth), within(0.01));
  }

  @Test
  void studentsQuantilesMatchTheTables() {
    assertThat(PairedRatio.studentT975(5)).isCloseTo(2.571, within(0.01));
    assertThat(PairedRatio.studentT975(11)).isCloseTo(2.201, within(0.002));
    assertThat(PairedRatio.studentT975(30)).isCloseTo(2.042, within(0.001));
  }

  @Test
  void unpairedRoundsAreRefused() {
    assertThatThrownBy(() -> PairedRatio.of(List.of(1.0, 2.0), List.of(1.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
