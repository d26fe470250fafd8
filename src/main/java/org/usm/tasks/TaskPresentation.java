package org.usm.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedActivity;
import org.usm.instantiation.ServiceBinding;
import org.usm.instantiation.ServiceBindings;
import org.usm.intake.CallTexts;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.model.CallVariables;
import org.usm.model.Priority;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowElements;
import org.usm.sla.StepDeadlines;

/**
 * Makes every task of a call scannable in Tasklist, as it is created: a name that says the step, the
 * call and the service in the service's language ({@code R3 Analyseren · INC-2026-000042 · Verhuizing
 * doorgeven}; the code and the tracking number in every language), the call's priority
 * as task priority, due and follow-up dates from the service's agreed handling time, and as description
 * what the call says beyond its summary (its description, the reference of the organisation that handed it
 * over).
 */
@Component
@Order(80)
public class TaskPresentation implements ModelListener {

  /** Prefix of the name of the workflow coordinator's escalation task. */
  public static final Phrase SLA_BREACH_TITLE = new Phrase("SLA breached", "SLA overschreden");

  // The bindings read deployed definitions, and the engine is built with this listener: resolved late.
  private final ObjectProvider<ServiceBindings> bindings;
  private final Clock clock;
  private final CallTexts texts;

  public TaskPresentation(ObjectProvider<ServiceBindings> bindings, Clock clock, CallTexts texts) {
    this.bindings = bindings;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    Optional<Step> step = Step.byId(userTask.id());
    if (step.isPresent()) {
      userTask.onTaskCreated(task -> present(task, step.get()::displayName, step.get().kind()));
    } else if (WorkflowElements.STEER_SLA_BREACH.equals(userTask.id())) {
      userTask.onTaskCreated(task -> present(task, SLA_BREACH_TITLE::in, null));
    }
  }

  /** {@code R3 Analyseren · INC-2026-000042 · Verhuizing doorgeven} */
  public static String taskName(String title, String trackingNumber, String serviceName) {
    return title + " · " + trackingNumber + " · " + serviceName;
  }

  /**
   * @param title the task's title in a language: the service's, so that its people read their tasks in it
   * @param kind the step's kind, or null for the escalation of a breached call
   */
  private void present(DelegateTask task, Function<Language, String> title, StepKind kind) {
    ServiceBinding binding = bindings.getObject().of(task.getExecution());
    task.setName(taskName(title.apply(binding.language()), task.getExecution().getProcessBusinessKey(),
        binding.serviceName()));
    Priority priority = Priority.fromName((String) task.getVariable(CallVariables.PRIORITY)).orElse(Priority.P3);
    task.setPriority(priority.taskPriority());
    // The call's first task is created before intake writes the register row; intake describes that one.
    texts.of(task.getExecution().getProcessBusinessKey()).filter(t -> !t.isEmpty())
        .ifPresent(t -> task.setDescription(t.asTaskDescription(binding.language())));
    Object callDue = task.getVariable(CallVariables.SLA_DUE_DATE);
    if (callDue instanceof Date due) {
      Duration handlingTime = binding.handlingTime(priority);
      StepDeadlines.Deadline deadline = kind == null
          ? StepDeadlines.escalation(clock.instant(), handlingTime)
          : StepDeadlines.of(kind, clock.instant(), due.toInstant(), handlingTime);
      task.setDueDate(Date.from(deadline.due()));
      if (deadline.followUp() != null) {
        task.setFollowUpDate(Date.from(deadline.followUp()));
      }
    }
  }
}
