package org.usm.duties;

import org.usm.clock.UsmClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.EngineContext;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.intake.CallRecord;
import org.usm.instantiation.RoleGroups;
import org.usm.intake.CallRegister;
import org.usm.model.Role;
import org.usm.model.Step;

/**
 * Applies {@link SeparationOfDuties} to every USM user task, before any other effect of the completion:
 * a coordinator of the process never completes an operator's step; and the completing user
 * (administrators included) is checked against the facts of the whole call, who
 * completed which step (the product's own record) and the requester fixed at intake, never against a
 * process variable. Then it records this completion, in the same transaction. A refusal rolls the
 * completion back and is kept in the audit trail.
 */
@Component
@Order(20)
public class DutiesCheck extends StepCompletionListener {

  private final RuleEnforcement enforcement;
  private final StepCompletions completions;
  private final CallRegister calls;
  // The role groups read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<RoleGroups> roles;

  public DutiesCheck(RuleEnforcement enforcement, StepCompletions completions, CallRegister calls,
      ObjectProvider<RoleGroups> roles) {
    this.enforcement = enforcement;
    this.completions = completions;
    this.calls = calls;
    this.roles = roles;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return true;
  }

  @Override
  protected void completed(TaskEvents.Completion completion) {
    Step step = completion.step();
    String user = completion.user();
    String trackingNumber = completion.trackingNumber();
    List<String> userGroups = user == null ? List.of() : EngineContext.groupsOf(completion.execution(), user);
    if (user != null) {
      boolean coordinator = roles.getObject().of(completion.execution(), Role.COORDINATOR).stream()
          .anyMatch(userGroups::contains);
      refuseIfBroken(completion, SeparationOfDuties.checkRole(step, user, coordinator));
    }
    if (SeparationOfDuties.isRuled(step)) {
      Map<Step, Set<String>> completers = completions.completersOf(trackingNumber);
      // The requester rules protect a customer's call; a risk the improvement loop raised has a finder instead.
      String requester = calls.find(trackingNumber).filter(call -> call.raisedBy() == null).map(CallRecord::requester)
          .orElse(null);
      Optional<SeparationOfDuties.Violation> violation = SeparationOfDuties.check(step, user,
          earlier -> completers.getOrDefault(earlier, Set.of()), requester);
      refuseIfBroken(completion, violation);
    }
    // The team that worked the step: the first of its groups the completer belongs to.
    String group = completion.groups().stream().filter(userGroups::contains).findFirst()
        .orElse(completion.groups().isEmpty() ? null : completion.groups().get(0));
    completions.record(trackingNumber, EngineContext.processKey(completion.execution()),
        completion.execution().getProcessInstanceId(), completion.execution().getActivityInstanceId(), step, user,
        group, completion.openedAt(), UsmClock.now());
  }

  private void refuseIfBroken(TaskEvents.Completion completion, Optional<SeparationOfDuties.Violation> violation) {
    if (violation.isPresent()) {
      throw enforcement.refuse(completion.execution(), completion.step().id(), completion.user(),
          violation.get().ruleId(), null, violation.get().message());
    }
  }
}
