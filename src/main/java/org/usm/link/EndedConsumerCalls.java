package org.usm.link;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.usm.intake.CallStatus;
import org.usm.intake.CallStatusChanged;
import org.usm.intake.CallWithdrawal;

/**
 * A call withdrawn or cancelled no longer needs what its steps handed to links: the calls it handed to
 * internal links are withdrawn with it, in the same transaction, so their providers stop and report them
 * refused. (The link interface has no withdrawal for another organisation's installation yet.)
 */
@Component
public class EndedConsumerCalls {

  private final LinkedCallStore linkedCalls;
  private final CallWithdrawal withdrawal;

  public EndedConsumerCalls(LinkedCallStore linkedCalls, CallWithdrawal withdrawal) {
    this.linkedCalls = linkedCalls;
    this.withdrawal = withdrawal;
  }

  @EventListener
  public void callEnded(CallStatusChanged change) {
    if (change.status() != CallStatus.WITHDRAWN && change.status() != CallStatus.CANCELLED) {
      return;
    }
    linkedCalls.ofCall(change.trackingNumber()).stream()
        .filter(linked -> !linked.external() && !linked.status().isFinished() && linked.providerTrackingNumber() != null)
        .forEach(linked -> withdrawal.withdrawOnBehalfOf(linked.providerTrackingNumber(), "the call that handed it "
            + "over, " + change.trackingNumber() + ", was " + change.status().label()
            + (change.reason() == null ? "" : ": " + change.reason())));
  }
}
