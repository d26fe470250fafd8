package org.usm.register;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C8_UpdateMir: registers the deployed change in the MIR. Used in {@code usm-change} as {@code ${updateMir}}. */
@Component("updateMir")
public class UpdateMirDelegate implements JavaDelegate {

  private final ManagedInfrastructureRegister mir;

  public UpdateMirDelegate(ManagedInfrastructureRegister mir) {
    this.mir = mir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mir.registerChange(execution);
  }
}
