package org.usm.duties;

import org.usm.clock.UsmClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.EngineContext;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.StepHolding;
import org.usm.engine.TaskEvents;
import org.usm.instantiation.ServiceBindings;
import org.usm.intake.CallRecord;
import org.usm.language.Language;
import org.usm.instantiation.RoleGroups;
import org.usm.intake.CallRegister;
import org.usm.model.Role;
import org.usm.model.Step;

/**
 * Applies {@link SeparationOfDuties} to every USM user task: when a user is put on it (claims it, is assigned
 * it, is delegated it, becomes its owner or a candidate user), so that a user the rules bar hears it before
 * working the step and the task stays free for a colleague; and again at its completion, before any other
 * effect of it. A coordinator of the process never holds nor completes an operator's step; and the user
 * (administrators included) is checked against the facts of the whole call, who completed which step (the
 * product's own record) and the requester fixed at intake, never against a process variable. Then a
 * completion is recorded, in the same transaction. A refusal rolls the claim or the completion back and is kept
 * in the audit trail; its message is in the language of the call's service.
 */
@Component
@Order(20)
public class DutiesCheck extends StepCompletionListener implements StepHolding {

  private final RuleEnforcement enforcement;
  private final StepCompletions completions;
  private final CallRegister calls;
  // The role groups and bindings read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<RoleGroups> roles;
  private final ObjectProvider<ServiceBindings> bindings;

  public DutiesCheck(RuleEnforcement enforcement, StepCompletions completions, CallRegister calls,
      ObjectProvider<RoleGroups> roles, ObjectProvider<ServiceBindings> bindings) {
    this.enforcement = enforcement;
    this.completions = completions;
    this.calls = calls;
    this.roles = roles;
    this.bindings = bindings;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return true;
  }

  @Override
  protected void completed(TaskEvents.Completion completion) {
    DelegateExecution execution = completion.execution();
    refuseIfBarred(execution, completion.step(), completion.user(), completion.user());
    String user = completion.user();
    List<String> userGroups = user == null ? List.of() : EngineContext.groupsOf(execution, user);
    // The team that worked the step: the first of its groups the completer belongs to.
    String group = completion.groups().stream().filter(userGroups::contains).findFirst()
        .orElse(completion.groups().isEmpty() ? null : completion.groups().get(0));
    completions.record(completion.trackingNumber(), EngineContext.processKey(execution),
        execution.getProcessInstanceId(), execution.getActivityInstanceId(), completion.step(), user,
        group, completion.openedAt(), UsmClock.now());
  }

  /** A user put on a step's task: refused when the duties bar them from the step, before they work it. */
  @Override
  public void changing(HolderChange change) {
    Optional<Step> step = StepHolding.stepOfCall(change.task());
    boolean toAUser = switch (change.change()) {
      case ASSIGNEE, OWNER, CANDIDATE_USER -> change.next() != null;
      case GROUP_ADDED, GROUP_REMOVED -> false;
    };
    if (change.opening() || !toAUser || step.isEmpty()) {
      return;
    }
    refuseIfBarred(change.task().getExecution(), step.get(), change.next(), change.actingUser());
  }

  /**
   * Refuses, in the language of the call's service, when the duties bar {@code user} (null: nobody known) from
   * the step of the execution's call; {@code actingUser} is who is refused. The facts are the product's to read,
   * whatever the acting user may read in the engine.
   */
  private void refuseIfBarred(DelegateExecution execution, Step step, String user, String actingUser) {
    Language language = bindings.getObject().languageOf(execution);
    EngineContext.asProduct(() -> factsBar(execution, step, user, language)).ifPresent(violation -> {
      throw enforcement.refuse(execution, step.id(), actingUser, violation.ruleId(), null, language,
          violation.message());
    });
  }

  private Optional<SeparationOfDuties.Violation> factsBar(DelegateExecution execution, Step step, String user,
      Language language) {
    if (user != null) {
      List<String> userGroups = EngineContext.groupsOf(execution, user);
      boolean coordinator = roles.getObject().of(execution, Role.COORDINATOR).stream().anyMatch(userGroups::contains);
      Optional<SeparationOfDuties.Violation> role = SeparationOfDuties.checkRole(step, user, coordinator, language);
      if (role.isPresent()) {
        return role;
      }
    }
    if (!SeparationOfDuties.isRuled(step)) {
      return Optional.empty();
    }
    String trackingNumber = execution.getProcessBusinessKey();
    Map<Step, Set<String>> completers = completions.completersOf(trackingNumber);
    // The requester rules protect a customer's call; a risk the improvement loop raised has a finder instead.
    String requester = calls.find(trackingNumber).filter(call -> call.raisedBy() == null).map(CallRecord::requester)
        .orElse(null);
    return SeparationOfDuties.check(step, user, earlier -> completers.getOrDefault(earlier, Set.of()), requester,
        language);
  }
}
