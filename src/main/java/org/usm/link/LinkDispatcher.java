package org.usm.link;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.clock.UsmClock;
import org.usm.definition.LinkSecrets;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;

/**
 * Works what crosses to other installations, in the background: sends the outbox's hand-overs and status
 * reports until the other side answers (with back-off), asks providers for the status of linked calls not
 * heard of for a while, and marks linked calls that are late against their link's agreement. Each step is
 * safe to repeat and to run on several nodes at once.
 */
@Component
public class LinkDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(LinkDispatcher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final int BATCH = 20;

  private final LinkOutbox outbox;
  private final LinkedCallStore linkedCalls;
  private final InboundCallStore inbound;
  private final LinkReports reports;
  private final ServiceCatalog catalog;
  private final LinkSecrets secrets;
  private final LinkClient client;
  private final LinkSettings settings;
  private final TransactionTemplate transaction;
  /** When this node last asked for each linked call's status, so a provider that is down is not asked each tick. */
  private final Map<String, Instant> asked = new ConcurrentHashMap<>();

  public LinkDispatcher(LinkOutbox outbox, LinkedCallStore linkedCalls, InboundCallStore inbound, LinkReports reports,
      ServiceCatalog catalog, LinkSecrets secrets, LinkClient client, LinkSettings settings,
      PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.linkedCalls = linkedCalls;
    this.inbound = inbound;
    this.reports = reports;
    this.catalog = catalog;
    this.secrets = secrets;
    this.client = client;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(fixedDelayString = "${usm.links.dispatch-interval:PT1S}", initialDelayString = "PT3S")
  public void tick() {
    if (settings.dispatchEnabled()) {
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.warn("link dispatch failed; it runs again at the next tick", e);
      }
    }
  }

  /** One round: what is due is sent, silent linked calls are asked, late ones are marked. */
  public void runOnce() {
    for (LinkOutbox.Entry entry : outbox.due(UsmClock.now(), BATCH)) {
      send(entry.id());
    }
    Instant now = UsmClock.now();
    for (LinkedCall call : linkedCalls.toPull(now.minus(settings.pullAfter()))) {
      Instant last = asked.get(call.id());
      if (last == null || !last.isAfter(now.minus(settings.pullAfter()))) {
        asked.put(call.id(), now);
        pull(call);
      }
    }
    for (LinkedCall late : linkedCalls.overdue(now)) {
      transaction.executeWithoutResult(status -> reports.breach(late, now));
    }
  }

  /** One attempt to send the entry; answers whether the other side took it. */
  public boolean send(long entryId) {
    Instant now = UsmClock.now();
    if (!outbox.claim(entryId, now, settings.timeout().multipliedBy(3))) {
      return false;
    }
    LinkOutbox.Entry entry = outbox.find(entryId).orElseThrow();
    return entry.kind() == LinkOutbox.Kind.DELIVERY ? deliver(entry) : report(entry);
  }

  private boolean deliver(LinkOutbox.Entry entry) {
    LinkedCall call = linkedCalls.find(entry.subject()).orElse(null);
    if (call == null) {
      return failed(entry, "the linked call " + entry.subject() + " is gone");
    }
    Optional<ServiceDefinition.Link> link = link(call);
    if (link.isEmpty()) {
      return failed(entry, "service " + call.serviceId() + " no longer has link '" + call.linkId() + "'");
    }
    Optional<String> password = secrets.password(link.get().passwordFrom());
    if (password.isEmpty()) {
      return failed(entry, "the password of link '" + call.linkId() + "' is not set (" + link.get().passwordFrom() + ")");
    }
    LinkClient.Answer answer = client.post(link.get().url() + "/api/calls",
        LinkClient.basic(link.get().user(), password.get()), Map.of("Idempotency-Key", call.id()), entry.body());
    if (answer.isSuccess() && answer.text("trackingNumber") != null) {
      // a provider that numbered the call registered it, whatever it calls its first status
      LinkStatus status = LinkStatus.fromLabel(answer.text("status")).filter(s -> s != LinkStatus.REQUESTED)
          .orElse(LinkStatus.REGISTERED);
      transaction.executeWithoutResult(tx -> {
        outbox.done(entry.id(), withoutSecret(entry.body()), UsmClock.now());
        reports.apply(call.id(), status, answer.text("trackingNumber"), null, "delivery");
      });
      return true;
    }
    if (answer.isRefusal()) {
      transaction.executeWithoutResult(tx -> {
        outbox.done(entry.id(), withoutSecret(entry.body()), UsmClock.now());
        reports.apply(call.id(), LinkStatus.REFUSED, null, "the provider refused the hand-over: "
            + (answer.text("error") != null ? answer.text("error") : answer.problem())
            + (answer.text("field") != null ? " (field " + answer.text("field") + ")" : ""), "delivery");
      });
      return true;
    }
    return failed(entry, answer.problem() != null ? answer.problem() : "the answer named no tracking number");
  }

  private boolean report(LinkOutbox.Entry entry) {
    InboundCallStore.InboundCall call = inbound.find(entry.subject()).orElse(null);
    if (call == null || call.callbackUrl() == null) {
      outbox.done(entry.id(), entry.body(), UsmClock.now());
      return false;
    }
    LinkClient.Answer answer = client.post(call.callbackUrl(), LinkClient.bearer(call.callbackSecret()), Map.of(),
        entry.body());
    if (answer.isSuccess()) {
      outbox.done(entry.id(), entry.body(), UsmClock.now());
      return true;
    }
    return failed(entry, answer.problem());
  }

  /** Asks the provider for the linked call's status, as the link's account. */
  public void pull(LinkedCall call) {
    Optional<ServiceDefinition.Link> link = link(call);
    Optional<String> password = link.flatMap(l -> secrets.password(l.passwordFrom()));
    if (password.isEmpty()) {
      return;
    }
    LinkClient.Answer answer = client.get(link.get().url() + "/api/calls/" + call.providerTrackingNumber()
        + "/link-status", LinkClient.basic(link.get().user(), password.get()));
    Optional<LinkStatus> status = LinkStatus.fromLabel(answer.text("status"));
    if (answer.isSuccess() && status.isPresent()) {
      reports.apply(call.id(), status.get(), call.providerTrackingNumber(), answer.text("message"), "pull");
    } else {
      LOG.info("asking {} for the status of {} ({}): {}", link.get().url(), call.providerTrackingNumber(),
          call.id(), answer.problem());
    }
  }

  private boolean failed(LinkOutbox.Entry entry, String problem) {
    Duration wait = LinkRules.backoff(entry.attempts() + 1, settings.retryBase(), settings.retryMax());
    outbox.failed(entry.id(), problem, UsmClock.now().plus(wait));
    LOG.info("{} {} of {} not through (attempt {}): {}; next attempt in {}", entry.kind(), entry.subject(),
        entry.trackingNumber(), entry.attempts() + 1, problem, wait);
    return false;
  }

  private Optional<ServiceDefinition.Link> link(LinkedCall call) {
    return catalog.find(call.serviceId()).flatMap(service -> service.link(call.linkId()))
        .filter(ServiceDefinition.Link::isExternal);
  }

  /** What is kept of a delivery once it is through: everything but the callback's secret. */
  static String withoutSecret(String body) {
    try {
      Map<String, Object> delivery = JSON.readValue(body, MAP);
      if (delivery.get("callback") instanceof Map<?, ?> callback) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        callback.forEach((key, value) -> kept.put(key.toString(), "secret".equals(key) ? "(sent)" : value));
        delivery.put("callback", kept);
      }
      return JSON.writeValueAsString(delivery);
    } catch (java.io.IOException e) {
      return "(unreadable delivery)";
    }
  }
}
