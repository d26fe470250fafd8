package org.usm.api;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.intake.CallQueryService;

/** The audit trail of a call, for whoever may read the call. */
@RestController
public class AuditController {

  private final AuditTrail audit;
  private final CallQueryService calls;

  public AuditController(AuditTrail audit, CallQueryService calls) {
    this.audit = audit;
    this.calls = calls;
  }

  @GetMapping("/api/calls/{trackingNumber}/audit")
  public List<AuditEvent> trail(@PathVariable String trackingNumber) {
    calls.find(trackingNumber); // refuses whoever may not read the call
    return audit.ofCall(trackingNumber);
  }
}
