package org.usm.register;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.model.CallVariables;
import org.usm.model.Step;

/**
 * A5_Negotiate decides: an agreement reached is recorded in the agreements register; none is recorded in
 * the audit trail, as the wish closes without a change. Informing the teams and releasing reservations is
 * the negotiator's work outside the product: the form asks them to confirm it, and the trail says that it
 * was confirmed, by whom, not that the product did it.
 */
@Component
@Order(50)
public class AgreementReached extends StepCompletionListener {

  private final AgreementRegister agreements;
  private final AuditTrail audit;

  public AgreementReached(AgreementRegister agreements, AuditTrail audit) {
    this.agreements = agreements;
    this.audit = audit;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return step == Step.A5_Negotiate;
  }

  @Override
  protected void completed(TaskEvents.Completion negotiation) {
    if (Boolean.TRUE.equals(negotiation.variable(CallVariables.AGREEMENT_REACHED))) {
      agreements.recordAgreementReached(negotiation.execution());
    } else {
      audit.record(AuditEvent.of(negotiation.execution(), negotiation.step().id(), negotiation.user(),
          AuditEvent.Kind.DECISION, "H3", "no agreement reached; " + (negotiation.user() == null ? "the negotiator"
              : negotiation.user()) + " confirmed with it that the teams were informed and the reservations "
              + "released (work outside the product); A8 evaluates the wish, which closes without a change"));
    }
  }
}
