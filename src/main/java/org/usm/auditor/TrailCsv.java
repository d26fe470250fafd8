package org.usm.auditor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A trail as CSV (RFC 4180), one line per entry with the fields of the JSON trail, {@code data} as JSON.
 * A cell a spreadsheet would run as a formula is written as text.
 */
public final class TrailCsv {

  public static final String HEADER =
      "occurredAt,kind,step,processKey,processInstanceId,userId,ruleId,message,data";

  private TrailCsv() {}

  public static String write(List<TrailEntry> trail, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TrailEntry entry : trail) {
      csv.append(Stream.of(entry.occurredAt().toString(), entry.kind().name(), entry.step(), entry.processKey(),
              entry.processInstanceId(), entry.userId(), entry.ruleId(), entry.message(), data(entry, json))
          .map(TrailCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }
    return csv.toString();
  }

  private static String data(TrailEntry entry, ObjectMapper json) {
    if (entry.data() == null || entry.data().isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(entry.data());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("trail data of " + entry.kind() + " is not JSON", e);
    }
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
