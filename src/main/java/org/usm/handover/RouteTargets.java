package org.usm.handover;

import org.usm.engine.ModelBeans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.usm.model.RouteDecision;
import org.usm.model.Step;
import org.usm.model.UsmProcess;

/**
 * The process a decided fork calls, from the {@link RouteDecision} declaration: the models' R5 and I5 call
 * {@code ${usmRoutes.calledProcess(execution)}} instead of repeating the routes in an expression.
 */
@Component(RouteTargets.BEAN_NAME)
public class RouteTargets {

  /** The bean name the BPMN expressions use. */
  public static final String BEAN_NAME = ModelBeans.ROUTES;

  /** The key of the process the fork the execution is at calls, as the route decision selected it. */
  public String calledProcess(DelegateExecution execution) {
    Step fork = Step.byId(execution.getCurrentActivityId()).orElseThrow(() -> new IllegalStateException(
        execution.getCurrentActivityId() + " is not a USM step"));
    RouteDecision decision = RouteDecision.forkedAt(fork).orElseThrow(() -> new IllegalStateException(
        fork.id() + " is not a decided fork"));
    Object value = execution.getVariable(decision.variable());
    return decision.target(value).map(UsmProcess::key).orElseThrow(() -> new IllegalStateException(
        fork.id() + ": '" + decision.variable() + "' is " + value + ", not one of " + decision.options()));
  }
}
