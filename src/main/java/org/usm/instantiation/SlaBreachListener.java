package org.usm.instantiation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.usm.model.CallVariables;

/**
 * Runs when a call's end-to-end SLA timer fires before the call closed: marks the call as breached, so
 * that the breach shows in the call's variables for the coordinator and the auditor. Used in the
 * workflow templates as {@code ${slaBreach}}.
 */
public class SlaBreachListener implements ExecutionListener {

  public static final String BEAN_NAME = "slaBreach";

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(CallVariables.SLA_BREACHED, true);
  }
}
