package org.usm.api;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.usm.intake.CallRejectedException;

/** What the auditor's and owner's reads answer in: JSON, or with {@code format=csv} a CSV download. */
enum ExportFormat {
  JSON, CSV;

  static final String PARAMETER = "format";
  private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** The format asked for (JSON when none); a 400 naming {@code format} for anything else. */
  static ExportFormat of(String format) {
    if (format == null || format.equals("json")) {
      return JSON;
    }
    if (format.equals("csv")) {
      return CSV;
    }
    throw new CallRejectedException(CallRejectedException.Reason.INVALID, PARAMETER,
        "format must be json or csv (got '" + format + "')");
  }

  static ResponseEntity<String> download(String fileName, String csv) {
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(csv);
  }
}
