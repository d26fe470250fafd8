package org.usm.register;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.usm.engine.EngineContext;
import org.usm.engine.RuleEnforcement;

/** Refuses a register write from anywhere but the register's one writer (rules H1, H11). */
@Component
public class RegisterGuard {

  private final RuleEnforcement enforcement;

  public RegisterGuard(RuleEnforcement enforcement) {
    this.enforcement = enforcement;
  }

  /** Returns when the execution is the register's writer; throws the refusal otherwise. */
  public void ensureWriter(RegisterWriters.Register register, DelegateExecution writer) {
    String step = writer.getCurrentActivityId();
    RegisterWriters.check(register, EngineContext.processKey(writer), step).ifPresent(refusal -> {
      throw enforcement.refuse(writer, step, EngineContext.authenticatedUser(writer), register.ruleId(), null, refusal);
    });
  }
}
