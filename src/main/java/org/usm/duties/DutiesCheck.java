package org.usm.duties;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.model.CallVariables;
import org.usm.model.Step;

/**
 * Applies {@link SeparationOfDuties} to every USM user task, before any other effect of the completion:
 * checks the completing user (administrators included) and remembers who completed the steps that later
 * rules look back on. A refusal rolls the completion back and is kept in the audit trail.
 */
@Component
@Order(20)
public class DutiesCheck extends StepCompletionListener {

  private final RuleEnforcement enforcement;

  public DutiesCheck(RuleEnforcement enforcement) {
    this.enforcement = enforcement;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return true;
  }

  @Override
  protected void completed(TaskEvents.Completion completion) {
    Step step = completion.step();
    String user = completion.user();
    Optional<SeparationOfDuties.Violation> violation = SeparationOfDuties.check(step, user,
        earlier -> (String) completion.variable(SeparationOfDuties.completedByVariable(earlier)),
        (String) completion.variable(CallVariables.REQUESTER));
    if (violation.isPresent()) {
      throw enforcement.refuse(completion.execution(), step.id(), user, violation.get().rule().id(), null,
          violation.get().message());
    }
    if (SeparationOfDuties.WATCHED_STEPS.contains(step) && user != null) {
      completion.execution().getProcessInstance()
          .setVariableLocal(SeparationOfDuties.completedByVariable(step), user);
    }
  }
}
