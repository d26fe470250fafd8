package org.usm.chain;

import java.util.Arrays;

/**
 * Durations in minutes, collected as plain numbers: the chain figures add up a million steps per answer, too
 * many for a Duration object each. Percentiles as {@link Durations} computes them.
 */
final class MinuteSample {

  private double[] minutes = new double[16];
  private int size;
  private boolean sorted = true;

  void addSeconds(long seconds) {
    if (size == minutes.length) {
      minutes = Arrays.copyOf(minutes, size * 2);
    }
    minutes[size++] = seconds / 60.0;
    sorted = false;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The p-th percentile (0 to 100), rounded to hundredths; null for none. */
  Double percentile(double p) {
    if (size == 0) {
      return null;
    }
    if (!sorted) {
      Arrays.sort(minutes, 0, size);
      sorted = true;
    }
    return Durations.percentileOfSorted(minutes, size, p);
  }

  Double median() {
    return percentile(50);
  }
}
