package org.usm.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.intake.CallIntakeService;
import org.usm.intake.CallRecord;
import org.usm.intake.CallRegister;
import org.usm.intake.CallRequest;
import org.usm.intake.CallRequestValidator;
import org.usm.intake.CallStatusChanged;
import org.usm.security.SystemAccess;

/**
 * The provider's side of a link: a call handed over is an ordinary call, registered through intake by the
 * link's account, once per hand-over (its idempotency key); each change of its status is reported to the
 * consumer, in the transaction of the change: straight to the consumer's linked call for an internal
 * link, through the outbox to the consumer's callback for an external one.
 */
@Service
public class InboundLinks {

  /** Where an external consumer wants the call's status pushed, and the secret it made for this call. */
  public record Callback(String url, String secret) {}

  /** The call the hand-over registered; {@code replayed} when an earlier delivery of it did. */
  public record Registered(String trackingNumber, String status, String reference, boolean replayed) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallIntakeService intake;
  private final CallRegister calls;
  private final InboundCallStore inbound;
  private final LinkOutbox outbox;
  private final LinkReports reports;
  private final AuditTrail audit;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;

  public InboundLinks(CallIntakeService intake, CallRegister calls, InboundCallStore inbound, LinkOutbox outbox,
      LinkReports reports, AuditTrail audit, IdentityService identityService, PlatformTransactionManager transactions) {
    this.intake = intake;
    this.calls = calls;
    this.inbound = inbound;
    this.outbox = outbox;
    this.reports = reports;
    this.audit = audit;
    this.identityService = identityService;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Registers the call an external consumer hands over, as the authenticated link account, once per
   * idempotency key: a repeated delivery (after a timeout or a crash of either side) answers the call the
   * first one registered, also when both arrive at once. The account is the call's requester: the consumer's
   * requester is a person of another organisation, no user here (DESIGN §7), and is named on the call's trail.
   */
  public Registered registerOnce(String account, String idempotencyKey, CallRequest request, Callback callback) {
    Optional<Registered> earlier = replay(account, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String consumersRequester = CallRequestValidator.limited("requester",
        CallRequestValidator.required("requester", request.requester()), CallRequestValidator.MAX_REQUESTER);
    try {
      return transaction.execute(status -> {
        String trackingNumber = intake.register(request.withRequester(account)).trackingNumber();
        Instant now = UsmClock.now();
        inbound.add(new InboundCallStore.InboundCall(trackingNumber, account, idempotencyKey,
            callback == null ? null : callback.url(), callback == null ? null : callback.secret(), null,
            LinkStatus.REGISTERED, null, now));
        audit.record(providerEvent(trackingNumber, now, "registered for a link: handed over by account '" + account
            + "'" + (request.reference() == null ? "" : " as its call " + request.reference())
            + (consumersRequester.equals(account) ? "" : ", requested there by '" + consumersRequester + "'"),
            LinkStatus.REGISTERED, request.reference()));
        return new Registered(trackingNumber, LinkStatus.REGISTERED.label(), request.reference(), false);
      });
    } catch (DuplicateKeyException sameHandOverAtOnce) {
      return replay(account, idempotencyKey).orElseThrow(() -> sameHandOverAtOnce);
    }
  }

  private Optional<Registered> replay(String account, String idempotencyKey) {
    return inbound.byKey(account, idempotencyKey).map(call -> new Registered(call.trackingNumber(),
        call.reported().label(), calls.find(call.trackingNumber()).map(CallRecord::reference).orElse(null), true));
  }

  /**
   * Registers the call an internal link hands over, in the hand-over's transaction, as the product: the
   * consumer call is its source, the user who handed it over its requester.
   */
  public String registerInternal(LinkedCall linked, CallRequest request) {
    String trackingNumber = SystemAccess.run(identityService, () -> intake.register(request, linked.trackingNumber()))
        .trackingNumber();
    Instant now = UsmClock.now();
    inbound.add(new InboundCallStore.InboundCall(trackingNumber, linked.requestedBy(), linked.id(), null, null,
        linked.id(), LinkStatus.REGISTERED, null, now));
    audit.record(providerEvent(trackingNumber, now, "registered for link '" + linked.linkId() + "' of service "
        + linked.serviceId() + ": handed over by " + linked.trackingNumber() + " at " + linked.step(),
        LinkStatus.REGISTERED, linked.trackingNumber()));
    return trackingNumber;
  }

  /** What the provider tells the consumer about its call (the pull of {@code GET .../link-status}). */
  public Optional<InboundCallStore.InboundCall> find(String trackingNumber) {
    return inbound.find(trackingNumber);
  }

  /** Reports a status change of a call handed over, in the transaction of the change. */
  @EventListener
  public void statusChanged(CallStatusChanged change) {
    InboundCallStore.InboundCall call = inbound.find(change.trackingNumber()).orElse(null);
    if (call == null) {
      return;
    }
    LinkStatus next = LinkStatus.ofProviderCall(change.status(), call.reported());
    if (!call.reported().canMoveTo(next)) {
      return;
    }
    String message = message(change, next);
    Instant now = UsmClock.now();
    if (!inbound.reported(call, next, message, now)) {
      return; // another change of the same call reported first, in its own transaction
    }
    String reference = calls.find(call.trackingNumber()).map(CallRecord::reference).orElse(null);
    if (call.linkedCallId() != null) {
      reports.apply(call.linkedCallId(), next, call.trackingNumber(), message, "internal");
    } else if (call.callbackUrl() != null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("trackingNumber", call.trackingNumber());
      body.put("reference", reference);
      body.put("status", next.label());
      body.put("message", message);
      body.put("occurredAt", now.toString());
      outbox.add(LinkOutbox.Kind.REPORT, call.trackingNumber(), call.trackingNumber(), json(body), now);
    }
    audit.record(providerEvent(call.trackingNumber(), now, "status '" + next.label() + "' reported to the consumer"
        + (call.callbackUrl() == null && call.linkedCallId() == null ? " when it asks" : ""), next, reference));
  }

  /** What the provider says beside the status: why a call was refused; nothing of who worked it. */
  private static String message(CallStatusChanged change, LinkStatus next) {
    if (next != LinkStatus.REFUSED) {
      return null;
    }
    return switch (change.status()) {
      case CANCELLED -> "cancelled by the provider" + (change.reason() == null ? "" : ": " + change.reason());
      case WITHDRAWN -> "withdrawn" + (change.reason() == null ? "" : ": " + change.reason());
      case RECLASSIFIED -> "reclassified by the provider: the call is of another type (" + change.reason() + ")";
      default -> "closed by the provider without delivering what was asked";
    };
  }

  private static AuditEvent providerEvent(String trackingNumber, Instant at, String message, LinkStatus status,
      String reference) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", status.label());
    data.put("reference", reference);
    return new AuditEvent(at, trackingNumber, null, null, null, null, AuditEvent.Kind.LINKED_CALL, null, message)
        .withData(data);
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
