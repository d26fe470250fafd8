package org.usm.intake;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.usm.definition.ServiceDefinition;
import org.usm.model.CallType;
import org.usm.model.CallVariables;
import org.usm.model.Level;
import org.usm.model.Priority;
import org.usm.model.WorkflowPattern;

/** A call that passed intake's rules, with defaults filled in; ready to be registered. */
public record NewCall(
    ServiceDefinition service,
    CallType type,
    String summary,
    String requester,
    Level impact,
    Level urgency,
    Level effect,
    Level likelihood,
    WorkflowPattern pattern,
    String description,
    String reference) {
  /** The variables a workflow instance of this call starts with: the call's context (rule H9). */
  public Map<String, Object> variables(String trackingNumber, Priority priority, String workflowDefinitionId,
      Instant slaDue, String sourceCall) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CallVariables.TRACKING_NUMBER, trackingNumber);
    variables.put(CallVariables.SERVICE_ID, service.id());
    variables.put(CallVariables.SERVICE_NAME, service.name());
    variables.put(CallVariables.SOURCE_CALL, sourceCall);
    variables.put(CallVariables.CALL_TYPE, type.id());
    variables.put(CallVariables.SUMMARY, summary);
    variables.put(CallVariables.REQUESTER, requester);
    variables.put(CallVariables.IMPACT, impact.value());
    variables.put(CallVariables.URGENCY, urgency.value());
    if (type == CallType.RISK) {
      variables.put(CallVariables.EFFECT, effect.value());
      variables.put(CallVariables.LIKELIHOOD, likelihood.value());
    }
    variables.put(CallVariables.PRIORITY, priority.name());
    variables.put(CallVariables.PATTERN, pattern.name());
    variables.put(CallVariables.WORKFLOW_DEFINITION_ID, workflowDefinitionId);
    variables.put(CallVariables.SLA_DUE_DATE, Date.from(slaDue));
    return variables;
  }
}
