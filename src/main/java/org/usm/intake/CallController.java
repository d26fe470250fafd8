package org.usm.intake;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usm.instantiation.ServiceWorkflowsAtStartup;

/** The intake API (DESIGN §3, §8): register a call, read it back by tracking number, list calls. */
@RestController
@RequestMapping("/api/calls")
public class CallController {

  private final CallIntakeService intake;
  private final CallQueryService calls;
  private final ServiceWorkflowsAtStartup workflows;
  private final CallWithdrawal withdrawal;
  private final CallConfirmation confirmation;

  public CallController(CallIntakeService intake, CallQueryService calls, ServiceWorkflowsAtStartup workflows,
      CallWithdrawal withdrawal, CallConfirmation confirmation) {
    this.withdrawal = withdrawal;
    this.confirmation = confirmation;
    this.intake = intake;
    this.calls = calls;
    this.workflows = workflows;
  }

  /**
   * Registers a call; while the product is starting (the services' workflows are being deployed, the
   * readiness probe out of service) answers 503 rather than refusing a call for a service that is on
   * its way.
   */
  @PostMapping
  public ResponseEntity<CallIntakeService.RegisteredCall> register(@RequestBody(required = false) CallRequest request) {
    if (!workflows.isReady()) {
      throw new CallRejectedException(CallRejectedException.Reason.UNAVAILABLE, null, "the product is starting: the "
          + "services' workflows are being deployed; register the call again in a few seconds");
    }
    CallIntakeService.RegisteredCall call = intake.register(request);
    return ResponseEntity.created(URI.create("/api/calls/" + call.trackingNumber())).body(call);
  }

  /** The calls the user may read, filtered and paged (DESIGN §8). */
  @GetMapping
  public CallPage list(@RequestParam Map<String, String> parameters) {
    return calls.list(parameters);
  }

  @GetMapping("/{trackingNumber}")
  public CallView find(@PathVariable String trackingNumber) {
    return calls.find(trackingNumber);
  }

  /** The requester no longer wants the call (DESIGN §12): its open steps end, status {@code withdrawn}. */
  @PostMapping("/{trackingNumber}/withdrawal")
  public CallWithdrawal.Withdrawn withdraw(@PathVariable String trackingNumber,
      @RequestBody(required = false) CallWithdrawal.Request request) {
    return withdrawal.withdraw(trackingNumber, request);
  }

  /** The requester's verdict on the delivered work (DESIGN §14): accepted or not, with a comment. */
  @PostMapping("/{trackingNumber}/confirmation")
  public CallView confirm(@PathVariable String trackingNumber,
      @RequestBody(required = false) CustomerVerdict.Request request) {
    return confirmation.confirm(trackingNumber, request);
  }
}
