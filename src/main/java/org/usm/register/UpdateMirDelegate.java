package org.usm.register;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.usm.model.CallVariables;

/**
 * C8_UpdateMir: registers the deployed change in the managed infrastructure register. Used in
 * {@code usm-change} as {@code ${updateMir}}.
 */
@Component("updateMir")
public class UpdateMirDelegate implements JavaDelegate {

  private final ManagedInfrastructureRegister mir;

  public UpdateMirDelegate(ManagedInfrastructureRegister mir) {
    this.mir = mir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object description = execution.getVariable(CallVariables.RFC_DESCRIPTION);
    mir.recordChange(
        (String) execution.getVariable(CallVariables.SERVICE_ID),
        execution.getProcessBusinessKey(),
        description != null ? description.toString() : (String) execution.getVariable(CallVariables.SUMMARY),
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
            ? null
            : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId());
  }
}
