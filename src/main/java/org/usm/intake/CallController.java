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

/** The intake API (DESIGN §3, §8): register a call, read it back by tracking number, list calls. */
@RestController
@RequestMapping("/api/calls")
public class CallController {

  private final CallIntakeService intake;
  private final CallQueryService calls;

  public CallController(CallIntakeService intake, CallQueryService calls) {
    this.intake = intake;
    this.calls = calls;
  }

  @PostMapping
  public ResponseEntity<CallIntakeService.RegisteredCall> register(@RequestBody(required = false) CallRequest request) {
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
}
