package org.usm.duties;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.EngineContext;
import org.usm.engine.RuleEnforcement;
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
public class DutiesCheck extends AbstractBpmnParseListener {

  private final RuleEnforcement enforcement;

  public DutiesCheck(RuleEnforcement enforcement) {
    this.enforcement = enforcement;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    Step.byId(activity.getId()).ifPresent(step -> TaskEvents.onComplete(activity, task -> check(step, task)));
  }

  private void check(Step step, DelegateTask task) {
    String user = EngineContext.actingUser(task);
    Optional<SeparationOfDuties.Violation> violation = SeparationOfDuties.check(step, user,
        earlier -> (String) task.getExecution().getVariable(SeparationOfDuties.completedByVariable(earlier)),
        (String) task.getVariable(CallVariables.REQUESTER));
    if (violation.isPresent()) {
      throw enforcement.refuse(task.getExecution(), step.id(), user, violation.get().rule().id(), null,
          violation.get().message());
    }
    if (SeparationOfDuties.WATCHED_STEPS.contains(step) && user != null) {
      task.getExecution().getProcessInstance()
          .setVariableLocal(SeparationOfDuties.completedByVariable(step), user);
    }
  }
}
