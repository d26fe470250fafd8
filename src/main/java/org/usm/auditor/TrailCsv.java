package org.usm.auditor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A trail as CSV (RFC 4180), one line per entry with the fields of the JSON trail, {@code data} as JSON.
 */
public final class TrailCsv {

  public static final String HEADER =
      "occurredAt,kind,step,processKey,processInstanceId,userId,ruleId,message,data";

  private TrailCsv() {}

  public static String write(List<TrailEntry> trail, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TrailEntry entry : trail) {
      csv.append(Csv.line(entry.occurredAt(), entry.kind().name(), entry.step(), entry.processKey(),
          entry.processInstanceId(), entry.userId(), entry.ruleId(), entry.message(), data(entry, json)));
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
}
