package org.usm.intake;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.usm.model.CallType;
import org.usm.model.CallVariables;
import org.usm.model.Level;
import org.usm.model.Priority;

/**
 * A new call's first priority, from the same decision tables the classify steps use: impact x urgency,
 * or effect x likelihood for risks. It sets the call's end-to-end SLA due date at intake.
 */
public class CallClassifier {

  public static final String PRIORITY_DECISION = "usm-priority";
  public static final String RISK_PRIORITY_DECISION = "usm-risk-priority";

  private final DecisionService decisionService;

  public CallClassifier(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public Priority priority(NewCall call) {
    return call.type() == CallType.RISK ? priority(call.type(), call.effect(), call.likelihood())
        : priority(call.type(), call.impact(), call.urgency());
  }

  /**
   * The priority of a call of the type: from impact and urgency, for a risk from effect and likelihood (given
   * here as {@code impact} and {@code urgency}).
   */
  public Priority priority(CallType type, Level impact, Level urgency) {
    boolean risk = type == CallType.RISK;
    String result = decisionService
        .evaluateDecisionTableByKey(risk ? RISK_PRIORITY_DECISION : PRIORITY_DECISION)
        .variables(risk
            ? Variables.putValue(CallVariables.EFFECT, impact.value())
                .putValue(CallVariables.LIKELIHOOD, urgency.value())
            : Variables.putValue(CallVariables.IMPACT, impact.value())
                .putValue(CallVariables.URGENCY, urgency.value()))
        .evaluate()
        .getSingleResult()
        .getSingleEntry();
    return Priority.valueOf(result);
  }
}
