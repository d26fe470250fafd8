package org.usm.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.ParsedActivity;
import org.usm.engine.StepCompletionListener;
import org.usm.engine.TaskEvents;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowPattern;

/**
 * The customer's verdict where the coordinator reviews (DESIGN §14): each review step opens with the verdict
 * variables of its own delivery ({@code No verdict yet} in the call's entry process; in a secondary process, where
 * the customer's verdict is asked), the verdict, once given, shows on the open review's form, name and description,
 * and a review that decides otherwise than the customer is a decision on the trail (rule H10).
 */
@Component
@Order(42)
public class VerdictAtReview extends StepCompletionListener {

  private final AuditTrail audit;
  // The bindings read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<ServiceBindings> bindings;

  public VerdictAtReview(AuditTrail audit, ObjectProvider<ServiceBindings> bindings) {
    this.audit = audit;
    this.bindings = bindings;
  }

  @Override
  protected boolean reactsTo(Step step) {
    return step.kind() == StepKind.REVIEW;
  }

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    super.parsedUserTask(userTask);
    Step.byId(userTask.id()).filter(this::reactsTo).ifPresent(step -> userTask.onTaskCreated(this::opened));
  }

  /** A new delivery: no verdict on it yet; the verdict on an earlier delivery stays in the register and the trail. */
  private void opened(DelegateTask task) {
    DelegateExecution process = task.getExecution().getProcessInstance();
    process.removeVariable(CallVariables.CUSTOMER_ACCEPTED);
    process.removeVariable(CallVariables.CUSTOMER_COMMENT);
    Language language = bindings.getObject().languageOf(process);
    process.setVariable(CallVariables.CUSTOMER_VERDICT, Boolean.TRUE.equals(
        process.getVariable(CallVariables.ENTRY_PROCESS)) ? CustomerVerdict.NO_VERDICT.in(language)
        : CustomerVerdict.AT_CALL_REVIEW.in(language, CustomerVerdict.reviewOf(WorkflowPattern.valueOf(
            (String) process.getVariable(CallVariables.PATTERN))).displayName()));
  }

  /**
   * The variables the open review's form reads, set on the review's process; and what its task says in the
   * Tasklist list (its name) and beside its form (its description), in the language of the call's service.
   */
  static Map<String, Object> variables(CallRecord.Confirmation verdict, Language language) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CallVariables.CUSTOMER_ACCEPTED, verdict.accepted());
    variables.put(CallVariables.CUSTOMER_COMMENT, verdict.comment());
    variables.put(CallVariables.CUSTOMER_VERDICT, CustomerVerdict.inWords(verdict, language));
    return variables;
  }

  /** {@code R6 Review delivery & feedback · INC-2026-000042 · Verhuizing · NOT ACCEPTED by the customer}. */
  static String taskName(String name, CallRecord.Confirmation verdict, Language language) {
    return name + " · " + (verdict.accepted() ? CustomerVerdict.ACCEPTED : CustomerVerdict.NOT_ACCEPTED).in(language);
  }

  /** The verdict in words first, then what the task said before (the call's description). */
  static String taskDescription(String description, CallRecord.Confirmation verdict, Language language) {
    String words = CustomerVerdict.inWords(verdict, language);
    return description == null || description.isBlank() ? words : words + "\n\n" + description;
  }

  /** H10: the coordinator's review differs from the customer's verdict on the same delivery, on record. */
  @Override
  protected void completed(TaskEvents.Completion completion) {
    Object customer = completion.variable(CallVariables.CUSTOMER_ACCEPTED);
    Object coordinator = completion.variable(CallVariables.REQUESTER_ACCEPTED);
    if (!(customer instanceof Boolean customerAccepted) || customerAccepted.equals(coordinator)) {
      return;
    }
    String comment = Optional.ofNullable(completion.variable(CallVariables.CUSTOMER_COMMENT)).map(c -> ": " + c)
        .orElse("");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerAccepted", customerAccepted);
    data.put(CallVariables.REQUESTER_ACCEPTED, coordinator);
    audit.record(AuditEvent.of(completion.execution(), completion.step().id(), completion.user(),
        AuditEvent.Kind.DECISION, "H10", customerAccepted
            ? "the review did not accept the delivery although the customer did" + comment
            : "the review accepted the delivery although the customer did not" + comment
                + "; the coordinator overruled the customer's verdict").withData(data));
  }
}
