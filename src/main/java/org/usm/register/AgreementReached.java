package org.usm.register;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.TaskEvents;
import org.usm.model.CallVariables;
import org.usm.model.Step;

/** A5_Negotiate completed with {@code agreementReached = true} records the agreement in the register. */
@Component
@Order(50)
public class AgreementReached extends AbstractBpmnParseListener {

  private final AgreementRegister agreements;

  public AgreementReached(AgreementRegister agreements) {
    this.agreements = agreements;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (Step.A5_Negotiate.id().equals(activity.getId())) {
      TaskEvents.onCompleted(activity, Step.A5_Negotiate, this::recordWhenReached);
    }
  }

  private void recordWhenReached(TaskEvents.Completion negotiation) {
    if (Boolean.TRUE.equals(negotiation.variable(CallVariables.AGREEMENT_REACHED))) {
      agreements.recordAgreementReached(negotiation.execution());
    }
  }
}
