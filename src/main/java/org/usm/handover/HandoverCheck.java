package org.usm.handover;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.EngineContext;
import org.usm.engine.ParsedActivity;
import org.usm.engine.ParsedProcess;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.model.CallVariables;
import org.usm.model.ProcessExit;
import org.usm.model.ProcessOutcome;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import org.usm.model.Step;
import org.usm.register.ManagedInfrastructureRegister;
import org.usm.model.UsmProcess;

/**
 * Applies {@link HandoverRules} at run time: when a step is completed (the decisions and payload it must
 * hand over), when a universal process is entered (from its workflow or an allowed fork, carrying the
 * payload), and when a fork returns (the secondary process ran as a full process, H9). Handovers and
 * returns are written to the audit trail.
 */
@Component
@Order(30)
public class HandoverCheck extends StepCompletionListener {

  /** Where a secondary process notes, on its caller, how it ended. */
  static final String RETURN_NOTE = "usmForkReturn";

  private final RuleEnforcement enforcement;
  private final AuditTrail audit;
  private final ManagedInfrastructureRegister mir;
  // The bindings read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<ServiceBindings> bindings;

  public HandoverCheck(RuleEnforcement enforcement, AuditTrail audit, ManagedInfrastructureRegister mir,
      ObjectProvider<ServiceBindings> bindings) {
    this.enforcement = enforcement;
    this.audit = audit;
    this.mir = mir;
    this.bindings = bindings;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return true;
  }

  @Override
  public void parsedProcess(ParsedProcess parsed) {
    if (UsmProcess.isUniversalProcessKey(parsed.key())) {
      UsmProcess process = UsmProcess.byKey(parsed.key());
      parsed.onStart(execution -> checkEntry(process, execution));
      parsed.onEnd(execution -> leaveReturnNote(process, execution));
    }
  }

  @Override
  public void parsedCallActivity(ParsedActivity callActivity) {
    HandoverRules.fork(callActivity.id()).ifPresent(fork -> {
      callActivity.onStart(this::recordHandover);
      callActivity.onEnd(execution -> checkReturn(fork, execution));
    });
  }

  /** The decisions and payload the step must hand in. */
  @Override
  protected void completed(TaskEvents.Completion completion) {
    Optional<HandoverRules.Refusal> refusal = HandoverRules.checkCompletion(completion.step(), completion::variable,
        () -> mir.componentIds((String) completion.variable(CallVariables.SERVICE_ID)));
    if (refusal.isPresent()) {
      throw refuse(completion.execution(), completion.step().id(), completion.user(), refusal.get());
    }
  }

  private void checkEntry(UsmProcess process, DelegateExecution execution) {
    DelegateExecution parent = execution.getSuperExecution();
    String parentKey = parent == null ? null : EngineContext.processKey(parent);
    String parentActivity = parent == null ? null : parent.getCurrentActivityId();
    Optional<HandoverRules.Refusal> refusal =
        HandoverRules.checkEntry(process, parentKey, parentActivity, execution::getVariable);
    if (refusal.isPresent()) {
      throw refuse(execution, null, EngineContext.authenticatedUser(execution), refusal.get());
    }
  }

  private void recordHandover(DelegateExecution execution) {
    audit.record(event(execution, AuditEvent.Kind.HANDOVER, "work handed over from "
        + EngineContext.processKey(execution) + " at " + execution.getCurrentActivityId()));
  }

  /**
   * The end event a secondary process reached, left on its caller for {@link #checkReturn}, and its
   * outcome, which the call activity maps into the caller as {@code forkOutcome} (H9: the fork reports
   * what it did and did not deliver).
   */
  private void leaveReturnNote(UsmProcess process, DelegateExecution execution) {
    DelegateExecution caller = execution.getSuperExecution();
    if (caller != null && !execution.isCanceled()) {
      // Transient: the caller reads it as the call activity ends, in this transaction, and nothing keeps it.
      caller.setVariableLocal(RETURN_NOTE, Variables.stringValue(process.key() + ":" + execution.getCurrentActivityId(),
          true));
      execution.setVariableLocal(CallVariables.PROCESS_OUTCOME,
          ProcessOutcome.ofRun(ProcessExit.takenIn(process, execution::getVariable).isPresent()).label());
    }
  }

  /**
   * H9: the caller resumes only after a full run of the secondary process, one that reached its closing
   * end event after the evaluate step.
   */
  private void checkReturn(HandoverRules.Fork fork, DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Object note = execution.getVariable(RETURN_NOTE);
    execution.removeVariable(RETURN_NOTE);
    Optional<HandoverRules.Refusal> refusal = HandoverRules.checkReturn(fork, note == null ? null : note.toString());
    if (refusal.isPresent()) {
      throw refuse(execution, fork.step().id(), EngineContext.authenticatedUser(execution), refusal.get());
    }
    audit.record(event(execution, AuditEvent.Kind.RETURN, note + " returned to "
        + EngineContext.processKey(execution) + " after " + fork.step().id() + ": "
        + execution.getVariable(CallVariables.FORK_OUTCOME)));
  }

  private RuntimeException refuse(DelegateExecution execution, String step, String user,
      HandoverRules.Refusal refusal) {
    // The people who work the call read the refusal in its service's language; the rule id stays as it is.
    Language language = bindings.getObject().languageOf(execution);
    return enforcement.refuse(execution, step, user, refusal.ruleId(), refusal.field(), language,
        refusal.message(language));
  }

  private static AuditEvent event(DelegateExecution execution, AuditEvent.Kind kind, String message) {
    return AuditEvent.of(execution, execution.getCurrentActivityId(), EngineContext.authenticatedUser(execution), kind,
        null, message);
  }
}
