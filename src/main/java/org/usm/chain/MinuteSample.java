package org.usm.chain;

import java.util.Arrays;

/**
 * Durations in minutes, collected as plain numbers: the chain figures add up a million steps per answer, too
 * many for a Duration object each, and too many to sort for a median. Percentiles as {@link Durations}
 * computes them, found by selection.
 */
final class MinuteSample {

  private double[] minutes = new double[16];
  private int size;

  void addSeconds(long seconds) {
    if (size == minutes.length) {
      minutes = Arrays.copyOf(minutes, size * 2);
    }
    minutes[size++] = seconds / 60.0;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The p-th percentile (0 to 100), interpolated between the closest ranks, rounded to hundredths; null for none. */
  Double percentile(double p) {
    if (size == 0) {
      return null;
    }
    double rank = p / 100.0 * (size - 1);
    int below = (int) Math.floor(rank);
    double low = select(below);
    // After the selection everything past {@code below} is at least {@code low}: the next rank is their least.
    double high = low;
    if (rank > below) {
      high = Double.POSITIVE_INFINITY;
      for (int i = below + 1; i < size; i++) {
        high = Math.min(high, minutes[i]);
      }
    }
    return Durations.hundredths(low + (rank - below) * (high - low));
  }

  Double median() {
    return percentile(50);
  }

  /** The k-th smallest (from 0), moving the values so that those before k are at most it and those after at least. */
  private double select(int k) {
    int left = 0;
    int right = size - 1;
    while (left < right) {
      double pivot = minutes[(left + right) >>> 1];
      int i = left;
      int j = right;
      while (i <= j) {
        while (minutes[i] < pivot) {
          i++;
        }
        while (minutes[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = minutes[i];
          minutes[i++] = minutes[j];
          minutes[j--] = swap;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        break;
      }
    }
    return minutes[k];
  }
}
