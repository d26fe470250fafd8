package org.usm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usm.auditor.CallTrail;
import org.usm.auditor.CallTree;
import org.usm.auditor.TrailCsv;
import org.usm.auditor.TrailEntry;
import org.usm.intake.CallQueryService;
import org.usm.intake.CallRecord;

/** What an auditor reads of a call (DESIGN §8), for whoever may read the call: its whole trail and its instances. */
@RestController
public class AuditController {


  private final CallTrail trail;
  private final CallTree tree;
  private final CallQueryService calls;
  private final ObjectMapper json;

  public AuditController(CallTrail trail, CallTree tree, CallQueryService calls, ObjectMapper json) {
    this.trail = trail;
    this.tree = tree;
    this.calls = calls;
    this.json = json;
  }

  /** The trail as JSON, or with {@code format=csv} as a CSV download. */
  @GetMapping("/api/calls/{trackingNumber}/audit")
  public ResponseEntity<?> trail(@PathVariable String trackingNumber,
      @RequestParam(name = ExportFormat.PARAMETER, required = false) String format) {
    ExportFormat export = ExportFormat.of(format);
    CallRecord call = calls.readable(trackingNumber);
    List<TrailEntry> entries = trail.of(call);
    return export == ExportFormat.JSON ? ResponseEntity.ok(entries)
        : ExportFormat.download(trackingNumber + "-trail.csv", TrailCsv.write(entries, json));
  }

  /** The call's process instances, root first, each with the path it took. */
  @GetMapping("/api/calls/{trackingNumber}/instances")
  public List<CallTree.Instance> instances(@PathVariable String trackingNumber) {
    return tree.of(calls.readable(trackingNumber).trackingNumber());
  }
}
