package org.usm.chain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The periods a chain report is cut into (DESIGN §13 {@code ?interval=week|month}): a call counts in the
 * period it was registered in, so that a month's row is the work the customers asked for that month.
 */
public enum ChainPeriod {
  /** ISO weeks, Monday to Sunday: {@code 2026-W48}. */
  WEEK {
    @Override
    public String of(LocalDate day) {
      return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
          day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
  },
  /** Calendar months: {@code 2026-11}. */
  MONTH {
    @Override
    public String of(LocalDate day) {
      return String.format(Locale.ROOT, "%d-%02d", day.getYear(), day.getMonthValue());
    }
  };

  /** The label of the period the day falls in. */
  public abstract String of(LocalDate day);

  /** The interval a request names; empty for none (one row for the whole period asked). */
  public static Optional<ChainPeriod> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(text.trim())).findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
  }
}
