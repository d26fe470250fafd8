package org.usm.link;

import java.util.List;
import org.springframework.stereotype.Component;
import org.usm.intake.CallView;
import org.usm.intake.HandedOverCalls;

/** The calls a call handed to links, as {@code GET /api/calls/{trackingNumber}} and the hand-over answer show them. */
@Component
public class LinkViews implements HandedOverCalls {

  private final LinkedCallStore store;
  private final LinkOutbox outbox;
  private final LinkSettings settings;

  public LinkViews(LinkedCallStore store, LinkOutbox outbox, LinkSettings settings) {
    this.store = store;
    this.outbox = outbox;
    this.settings = settings;
  }

  @Override
  public List<CallView.Link> of(String trackingNumber) {
    return store.ofCall(trackingNumber).stream().map(this::view).toList();
  }

  @Override
  public CallView.Delivery reportsPending(String trackingNumber) {
    return pending(trackingNumber);
  }

  /** What is still to be sent about the subject (a linked call's delivery, a provider call's reports). */
  private CallView.Delivery pending(String subject) {
    return outbox.pending(subject).map(entry -> new CallView.Delivery(LinkRules.deliveryState(entry.attempts(),
        settings.failingAfter()), entry.attempts(), entry.lastError(), entry.nextAttemptAt())).orElse(null);
  }

  public CallView.Link view(LinkedCall call) {
    CallView.Delivery delivery = pending(call.id());
    return new CallView.Link(call.id(), call.linkId(), call.linkName(), call.type(), call.summary(),
        call.providerTrackingNumber(), call.status().label(), call.message(), call.step(), call.requestedBy(),
        call.requestedAt(), call.dueAt(), call.breachedAt(), delivery);
  }
}
