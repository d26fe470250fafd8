package org.usm.auditor;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV (RFC 4180) as the product exports it for spreadsheets: the trail, the chain figures. A cell a
 * spreadsheet would run as a formula is written as text.
 */
public final class Csv {

  private Csv() {}

  /** One line of cells, null written empty, with its line end. */
  public static String line(Object... cells) {
    return Stream.of(cells).map(cell -> cell(Objects.toString(cell, null))).collect(Collectors.joining(","))
        + "\r\n";
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    // OWASP CSV injection: a leading =, +, -, @, tab or return would make a spreadsheet evaluate the cell.
    String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
