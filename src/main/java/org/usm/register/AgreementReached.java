package org.usm.register;

import org.camunda.bpm.engine.delegate.DelegateTask;
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
      TaskEvents.onComplete(activity, this::recordWhenReached);
    }
  }

  private void recordWhenReached(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(CallVariables.AGREEMENT_REACHED))) {
      agreements.recordAgreementReached(task.getExecution());
    }
  }
}
