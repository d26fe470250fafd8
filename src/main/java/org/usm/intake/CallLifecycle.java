package org.usm.intake;

import org.usm.model.Rework;
import org.usm.clock.UsmClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.EngineContext;
import org.usm.engine.ParsedActivity;
import org.usm.engine.ParsedProcess;
import org.usm.engine.StepCompletionListener;
import org.usm.handover.HandoverRules;
import org.usm.engine.TaskEvents;
import org.usm.model.StepKind;
import org.usm.model.CallVariables;
import org.usm.model.ComponentIds;
import org.usm.model.ProcessExit;
import org.usm.model.ProcessOutcome;
import org.usm.model.Step;
import org.usm.model.WorkflowElements;
import java.util.Optional;

/**
 * Keeps the call's status in step with its workflow, attached to every model by the engine plugin: the
 * entry process's accept step puts the call in progress, an accepted review fulfils it (rule H10: {@code workflow fulfilled} in the entry process, {@code process fulfilled} in a
 * secondary process), and the end of the workflow closes it; a workflow ended by an administrator
 * cancels it, with who and why.
 */
@Component
@Order(40)
public class CallLifecycle extends StepCompletionListener {

  public static final String WORKFLOW_FULFILLED = "workflow fulfilled";
  public static final String PROCESS_FULFILLED = "process fulfilled";
  /** A review accepted, after a fork that realised nothing (an Agree without agreement). */
  public static final String NOT_REALISED = "not realised";

  private final CallRegister register;
  private final AuditTrail audit;

  public CallLifecycle(CallRegister register, AuditTrail audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return step.kind() == StepKind.ACCEPT || step.kind() == StepKind.REVIEW || step == Step.C3_PlanAndAgree
        || step == Step.C5_TestAndRelease || ProcessExit.isDecidedAt(step);
  }

  @Override
  protected void completed(TaskEvents.Completion completion) {
    if (Rework.wentBack(completion.step(), completion::variable)) {
      register.reworked(completion.trackingNumber());
    }
    Optional<ProcessExit> exit = ProcessExit.decidedAt(completion.step(), completion::variable);
    if (exit.isPresent()) {
      exitTaken(completion, exit.get());
    } else if (completion.step().kind() == StepKind.ACCEPT) {
      accepted(completion);
    } else if (completion.step() == Step.C3_PlanAndAgree) {
      planned(completion);
    } else if (completion.step().kind() == StepKind.REVIEW) {
      reviewed(completion);
    }
  }

  /**
   * E1: the process's coordinator decided an exit, on record with the reason; the entry process's exit is the
   * call's outcome. The process goes on to be evaluated.
   */
  private void exitTaken(TaskEvents.Completion completion, ProcessExit exit) {
    Object reason = exit.reasonVariable() == null ? null : completion.variable(exit.reasonVariable());
    String outcome = "not realised: " + exit.meaning() + " (" + completion.step().id()
        + (reason == null ? "" : ": " + reason) + ")";
    audit.record(AuditEvent.of(completion.execution(), completion.step().id(), completion.user(),
        AuditEvent.Kind.DECISION, HandoverRules.EXIT_RULE, outcome + "; the process's evaluate step evaluates it"));
    if (isEntryProcess(completion.execution())) {
      register.outcome(completion.trackingNumber(), outcome);
    }
  }

  /** H1: the change names what it modifies; C8 records exactly that. */
  private void planned(TaskEvents.Completion completion) {
    List<String> components = ComponentIds.parse(completion.variable(CallVariables.CHANGED_COMPONENTS));
    register.changes(completion.trackingNumber(), components);
    audit.record(AuditEvent.of(completion.execution(), completion.step().id(), completion.user(),
        AuditEvent.Kind.DECISION, "H1", "the change modifies managed components " + String.join(", ", components)
            + "; C8 records exactly these after deployment"));
  }

  @Override
  public void parsedProcess(ParsedProcess process) {
    if (HandoverRules.workflowOf(process.key()).isPresent()) {
      process.onEnd(this::workflowEnded);
    }
  }

  @Override
  public void parsedEndEvent(ParsedActivity endEvent) {
    if (WorkflowElements.CALL_CLOSED.equals(endEvent.id())) {
      endEvent.onStart(this::closed);
    }
  }

  private void accepted(TaskEvents.Completion completion) {
    if (isEntryProcess(completion.execution())) {
      register.updateStatus(completion.trackingNumber(), CallStatus.IN_PROGRESS);
    }
    List<String> concerned = ComponentIds.parse(completion.variable(CallVariables.CONCERNED_COMPONENTS));
    if (!concerned.isEmpty()) {
      register.concerns(completion.trackingNumber(), concerned);
      audit.record(AuditEvent.of(completion.execution(), completion.step().id(), completion.user(),
          AuditEvent.Kind.DECISION, "H12", "the call concerns managed components " + String.join(", ", concerned)));
    }
  }

  private void reviewed(TaskEvents.Completion completion) {
    if (!Boolean.TRUE.equals(completion.variable(CallVariables.REQUESTER_ACCEPTED))) {
      // A rejected delivery never closes the call: the work goes back inside the process, on record.
      audit.record(AuditEvent.of(completion.execution(), completion.step().id(), completion.user(),
          AuditEvent.Kind.DECISION, "H10", "the requester did not accept the delivery: the work goes back to "
              + Step.reworkAfterRejectedReview(completion.step().process()).id()));
      return;
    }
    DelegateExecution execution = completion.execution();
    boolean entry = isEntryProcess(execution);
    Optional<ProcessExit> exit = ProcessExit.takenIn(completion.step().process(), completion::variable);
    if (exit.isPresent()) {
      // The requester heard the outcome of an exit: nothing was realised, so nothing is fulfilled (H10).
      execution.setVariable(CallVariables.FULFILMENT_STATUS, NOT_REALISED);
      audit.record(AuditEvent.of(execution, completion.step().id(), completion.user(), AuditEvent.Kind.DECISION,
          "H10", "the requester heard why nothing was realised (" + exit.get().meaning() + "): the "
              + (entry ? "call" : "process") + " is not fulfilled"));
      return;
    }
    Object forkOutcome = completion.variable(CallVariables.FORK_OUTCOME);
    if (!ProcessOutcome.isDelivered(forkOutcome)) {
      // The requester accepted what this process did, but the fork realised nothing: not fulfilled (H10).
      execution.setVariable(CallVariables.FULFILMENT_STATUS, NOT_REALISED);
      audit.record(AuditEvent.of(execution, completion.step().id(), completion.user(), AuditEvent.Kind.DECISION,
          "H10", "the delivery was accepted, but the fork ended " + forkOutcome + ": nothing was realised, so the "
              + (entry ? "call" : "process") + " is not fulfilled"));
      return;
    }
    execution.setVariable(CallVariables.FULFILMENT_STATUS, entry ? WORKFLOW_FULFILLED : PROCESS_FULFILLED);
    if (entry) {
      register.fulfilled(execution.getProcessBusinessKey(), UsmClock.now());
    }
  }

  /** A workflow that ends cancelled was ended by an administrator (the guard put the act on the trail). */
  private void workflowEnded(DelegateExecution workflow) {
    if (workflow.isCanceled()) {
      register.ended(workflow.getProcessBusinessKey(), CallStatus.CANCELLED, new CallRecord.Cancellation(UsmClock.now(),
          EngineContext.authenticatedUser(workflow), EngineContext.deleteReason(workflow)));
    }
  }

  private void closed(DelegateExecution execution) {
    register.closed(execution.getProcessBusinessKey(), UsmClock.now());
  }

  private static boolean isEntryProcess(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariable(CallVariables.ENTRY_PROCESS));
  }
}
