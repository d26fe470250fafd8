package org.usm.register;

import org.usm.engine.ModelBeans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C8_UpdateMir: registers the deployed change in the MIR. Used in {@code usm-change} as {@code ${updateMir}}. */
@Component(UpdateMirDelegate.BEAN_NAME)
public class UpdateMirDelegate implements JavaDelegate {

  /** The bean name C8_UpdateMir uses as its delegate expression. */
  public static final String BEAN_NAME = ModelBeans.UPDATE_MIR;

  private final ManagedInfrastructureRegister mir;

  public UpdateMirDelegate(ManagedInfrastructureRegister mir) {
    this.mir = mir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mir.registerChange(execution);
  }
}
