package org.usm.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.usm.audit.AuditEvent;

class TrailCsvTest {

  @Test
  void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
    assertThat(Csv.cell("plain")).isEqualTo("plain");
    assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
    assertThat(Csv.cell("he said \"no\"")).isEqualTo("\"he said \"\"no\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.cell(null)).isEmpty();
  }

  @Test
  void aCellASpreadsheetWouldRunAsAFormulaIsText() {
    assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-1")).isEqualTo("'-1");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }

  @Test
  void oneLinePerEntryWithItsDataAsJson() {
    TrailEntry entry = new TrailEntry(Instant.parse("2026-12-02T10:15:30Z"), AuditEvent.Kind.STEP_COMPLETED,
        "R3_Analyze", "usm-recover", "42", "operator", null, "R3 Analyze completed by operator",
        Map.of("analysis", "BRP, koppeling"));

    String csv = TrailCsv.write(List.of(entry), new ObjectMapper());

    assertThat(csv).isEqualTo(TrailCsv.HEADER + "\r\n2026-12-02T10:15:30Z,STEP_COMPLETED,R3_Analyze,usm-recover,42,"
        + "operator,,R3 Analyze completed by operator,\"{\"\"analysis\"\":\"\"BRP, koppeling\"\"}\"\r\n");
  }
}
