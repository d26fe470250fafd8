package org.usm.link;

import static org.usm.intake.CallRejectedException.Reason.FORBIDDEN;
import static org.usm.intake.CallRejectedException.Reason.INVALID;
import static org.usm.intake.CallRejectedException.Reason.NOT_FOUND;
import static org.usm.intake.CallRejectedException.Reason.UNAVAILABLE;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.usm.api.ApiError;
import org.usm.clock.UsmClock;
import org.usm.definition.ServiceCatalog;
import org.usm.engine.Actor;
import org.usm.instantiation.ServiceWorkflowsAtStartup;
import org.usm.intake.CallAccess;
import org.usm.intake.CallRecord;
import org.usm.intake.CallRegister;
import org.usm.intake.CallRejectedException;
import org.usm.intake.CallRequest;
import org.usm.intake.CallView;
import org.usm.security.UsmGroups;

/**
 * The link interface (DESIGN §11, docs/link-interface.md): a step hands work to a link; another
 * installation registers a call here once per hand-over and reads its link status; a provider reports the
 * status of a linked call with that call's secret; an administrator sends what is stuck at once.
 */
@RestController
public class LinkController {

  /** An inbound call: an intake request with the consumer's reference and where its status goes. */
  public record InboundCall(String serviceId, String type, String summary, String description, String requester,
      String impact, String urgency, String effect, String likelihood, String pattern, String reference,
      InboundLinks.Callback callback) {}

  /** What a provider reports on a linked call. */
  public record StatusReport(String trackingNumber, String status, String message, Instant occurredAt) {}

  /** What a consumer reads of the call it handed over: number, reference, status and message, no more. */
  public record LinkStatusAnswer(String trackingNumber, String reference, String status, String message,
      Instant updatedAt) {}

  private static final int MAX_KEY = 100;
  private static final int MAX_MESSAGE = 2000;

  private final HandOver handOver;
  private final InboundLinks inbound;
  private final LinkedCallStore linkedCalls;
  private final LinkReports reports;
  private final LinkOutbox outbox;
  private final CallRegister calls;
  private final ServiceCatalog catalog;
  private final ServiceWorkflowsAtStartup workflows;
  private final IdentityService identityService;

  public LinkController(HandOver handOver, InboundLinks inbound, LinkedCallStore linkedCalls, LinkReports reports,
      LinkOutbox outbox, CallRegister calls, ServiceCatalog catalog, ServiceWorkflowsAtStartup workflows,
      IdentityService identityService) {
    this.handOver = handOver;
    this.inbound = inbound;
    this.linkedCalls = linkedCalls;
    this.reports = reports;
    this.outbox = outbox;
    this.calls = calls;
    this.catalog = catalog;
    this.workflows = workflows;
    this.identityService = identityService;
  }

  /** 201 when the provider registered the linked call already, 202 when it is on its way. */
  @PostMapping("/api/calls/{trackingNumber}/linked-calls")
  public ResponseEntity<CallView.Link> handOver(@PathVariable String trackingNumber,
      @RequestBody(required = false) HandOver.Request request) {
    CallView.Link linked = handOver.handOver(trackingNumber, request);
    return ResponseEntity.status(LinkStatus.REQUESTED.label().equals(linked.status()) ? HttpStatus.ACCEPTED
        : HttpStatus.CREATED).location(URI.create("/api/calls/" + trackingNumber)).body(linked);
  }

  /**
   * Intake with an idempotency key, as another installation hands a call over: 201 for a new call, 200 with
   * the same call for a repeated delivery.
   */
  @PostMapping(path = "/api/calls", headers = "Idempotency-Key")
  public ResponseEntity<InboundLinks.Registered> register(@RequestHeader("Idempotency-Key") String key,
      @RequestBody(required = false) InboundCall call) {
    if (!workflows.isReady()) {
      throw new CallRejectedException(UNAVAILABLE, null, "the product is starting: deliver the call again in a few "
          + "seconds");
    }
    Actor user = Actor.current(identityService).orElseThrow();
    if (key.isBlank() || key.length() > MAX_KEY) {
      throw new CallRejectedException(INVALID, "Idempotency-Key", "the Idempotency-Key header must hold 1 to " + MAX_KEY
          + " characters, the same for every delivery of one hand-over");
    }
    if (call == null) {
      throw new CallRejectedException(INVALID, "body", "a JSON object with serviceId, type, summary and requester is "
          + "required");
    }
    InboundLinks.Registered registered = inbound.registerOnce(user.userId(), key.strip(), new CallRequest(
        call.serviceId(), call.type(), call.summary(), call.requester(), call.impact(), call.urgency(), call.effect(),
        call.likelihood(), call.pattern(), call.description(), call.reference()), callback(call.callback()));
    return ResponseEntity.status(registered.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/calls/" + registered.trackingNumber() + "/link-status")).body(registered);
  }

  private static InboundLinks.Callback callback(InboundLinks.Callback callback) {
    if (callback == null) {
      return null;
    }
    if (callback.url() == null || !(callback.url().startsWith("http://") || callback.url().startsWith("https://"))
        || callback.url().length() > 1000) {
      throw new CallRejectedException(INVALID, "callback.url", "must be the http(s) address the status of the call "
          + "is reported to (at most 1000 characters)");
    }
    if (callback.secret() == null || callback.secret().length() < 16 || callback.secret().length() > 200) {
      throw new CallRejectedException(INVALID, "callback.secret", "must hold 16 to 200 characters: the secret the "
          + "reports on this one call are sent with");
    }
    return callback;
  }

  /** The call's link status, for the account that handed it over (and those who read the call anyway). */
  @GetMapping("/api/calls/{trackingNumber}/link-status")
  public LinkStatusAnswer linkStatus(@PathVariable String trackingNumber) {
    Actor user = Actor.current(identityService).orElseThrow();
    InboundCallStore.InboundCall call = inbound.find(trackingNumber).orElseThrow(() -> noLinkedCall(trackingNumber));
    CallRecord record = calls.find(trackingNumber).orElseThrow(() -> noLinkedCall(trackingNumber));
    boolean reads = user.userId().equals(call.account()) && call.linkedCallId() == null
        || CallAccess.readsAllCalls(user.groupIds())
        || catalog.find(record.serviceId())
            .filter(service -> CallAccess.readsCallsOf(user.userId(), user.groupIds(), service)).isPresent();
    if (!reads) {
      throw noLinkedCall(trackingNumber);
    }
    return new LinkStatusAnswer(trackingNumber, record.reference(), call.reported().label(), call.reportedMessage(),
        call.reportedAt());
  }

  private static CallRejectedException noLinkedCall(String trackingNumber) {
    return new CallRejectedException(NOT_FOUND, "trackingNumber", "no call " + trackingNumber + " handed over by you");
  }

  /**
   * A provider's status report, authenticated by the secret made for this one linked call: without it 401,
   * with another 403, and nothing changes.
   */
  @PostMapping("/api/linked-calls/{id}/status")
  public ResponseEntity<Object> report(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) StatusReport report) {
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .body(new ApiError("a status report carries the secret of its linked call: Authorization: Bearer <secret>",
              "Authorization"));
    }
    LinkedCall call = linkedCalls.find(id).orElse(null);
    if (call == null || call.secretHash() == null || !MessageDigest.isEqual(HandOver.hash(authorization.substring(7))
        .getBytes(StandardCharsets.US_ASCII), call.secretHash().getBytes(StandardCharsets.US_ASCII))) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("the secret does not fit linked call " + id
          + ": nothing was changed", "Authorization"));
    }
    if (report == null || report.status() == null) {
      throw new CallRejectedException(INVALID, "status", "status is required: registered, in progress, fulfilled, "
          + "refused or closed");
    }
    LinkStatus status = LinkStatus.fromLabel(report.status()).filter(s -> s != LinkStatus.REQUESTED).orElseThrow(() ->
        new CallRejectedException(INVALID, "status", "status must be registered, in progress, fulfilled, refused or "
            + "closed (got '" + report.status() + "')"));
    if (report.trackingNumber() == null || report.trackingNumber().isBlank() || report.trackingNumber().length() > 64) {
      throw new CallRejectedException(INVALID, "trackingNumber", "trackingNumber is required: the provider's number of "
          + "the call");
    }
    if (call.providerTrackingNumber() != null && !call.providerTrackingNumber().equals(report.trackingNumber())) {
      throw new CallRejectedException(INVALID, "trackingNumber", "linked call " + id + " was registered as "
          + call.providerTrackingNumber() + ", not " + report.trackingNumber());
    }
    if (report.message() != null && report.message().length() > MAX_MESSAGE) {
      throw new CallRejectedException(INVALID, "message", "message must be at most " + MAX_MESSAGE + " characters");
    }
    boolean moved = reports.apply(id, status, report.trackingNumber(), report.message(), "push");
    LinkedCall now = linkedCalls.find(id).orElseThrow();
    return ResponseEntity.ok(Map.of("id", id, "status", now.status().label(), "applied", moved));
  }

  /**
   * Who sends a call's stuck deliveries again: administrators only. The one rule for it: {@link #retry} applies
   * it, and Cockpit's call page asks it before it offers the action.
   */
  public static boolean sendsDeliveriesAgain(Actor user) {
    return user.groupIds().contains(UsmGroups.ADMINS);
  }

  /**
   * An administrator's one action: whatever of the call is stuck on its way to another installation goes now
   * (over HTTP Basic here, and behind Cockpit's session through the plugin's endpoint, which calls this).
   */
  @PostMapping("/api/calls/{trackingNumber}/link-deliveries/retry")
  public Map<String, Object> retry(@PathVariable String trackingNumber) {
    Actor user = Actor.current(identityService).orElseThrow();
    if (!sendsDeliveriesAgain(user)) {
      throw new CallRejectedException(FORBIDDEN, null, "only administrators send a call's deliveries again");
    }
    if (calls.find(trackingNumber).isEmpty()) {
      throw new CallRejectedException(NOT_FOUND, "trackingNumber", "no call " + trackingNumber);
    }
    return Map.of("trackingNumber", trackingNumber, "retried", outbox.retryNow(trackingNumber, UsmClock.now()));
  }
}
