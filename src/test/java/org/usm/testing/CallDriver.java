package org.usm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.usm.definition.ServiceDefinition;
import org.usm.instantiation.ServiceBindings;
import org.usm.intake.CallClassifier;
import org.usm.intake.CallRequest;
import org.usm.intake.CallRequestValidator;
import org.usm.intake.NewCall;
import org.usm.model.CallType;
import org.usm.model.Priority;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * Drives one call through the engine as intake and the people in Tasklist would: starts the service's
 * workflow with the call's context, finds each step's task by business key and completes it with the
 * contract's variables.
 */
public final class CallDriver {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final ProcessEngine engine;
  private final String serviceId;
  private final String trackingNumber;
  private final ProcessInstance root;

  private CallDriver(ProcessEngine engine, String serviceId, String trackingNumber, ProcessInstance root) {
    this.engine = engine;
    this.serviceId = serviceId;
    this.trackingNumber = trackingNumber;
    this.root = root;
  }

  /** Registers a call of the pattern's type for the service, as intake does. */
  public static CallDriver start(ProcessEngine engine, String serviceId, WorkflowPattern pattern) {
    ServiceDefinition service = UsmTestEngine.service(serviceId);
    CallType type = pattern.callType();
    NewCall call = new CallRequestValidator(id -> java.util.Optional.ofNullable(UsmTestEngine.service(id)),
        (id, day) -> true)
        .validate(new CallRequest(serviceId, type.id(), "Test call for " + pattern.name(), "inwoner-4711",
            "high", "medium", null, null, pattern.name()), java.time.LocalDate.now());
    ProcessDefinition workflow = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(pattern.keyFor(service.id())).latestVersion().singleResult();
    Priority priority = new CallClassifier(engine.getDecisionService()).priority(call);
    Instant slaDue = Instant.now().plus(
        new ServiceBindings(engine.getRepositoryService()).ofWorkflow(workflow.getId()).handlingTime(priority));
    String trackingNumber = String.format("%s-2026-%06d", type.trackingPrefix(), SEQUENCE.incrementAndGet());
    ProcessInstance root = engine.getRuntimeService().createProcessInstanceById(workflow.getId())
        .businessKey(trackingNumber)
        .setVariables(call.variables(trackingNumber, priority, workflow.getId(), slaDue, null))
        .execute();
    return new CallDriver(engine, serviceId, trackingNumber, root);
  }

  public String serviceId() {
    return serviceId;
  }

  public ProcessInstance root() {
    return root;
  }

  public String trackingNumber() {
    return trackingNumber;
  }

  /** The one open task of the call at this step; fails when the call is not waiting there. */
  public Task task(Step step) {
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(step.id())
        .list();
    assertThat(tasks).as("open tasks of %s at %s (open: %s)", trackingNumber, step.id(), openSteps()).hasSize(1);
    return tasks.get(0);
  }

  public CallDriver complete(Step step) {
    return complete(step, Map.of());
  }

  /** Completes the step as the demo user who works it (HappyPath), so that every duties rule applies. */
  public CallDriver complete(Step step, Map<String, Object> variables) {
    return completeAs(HappyPath.demoUser(step), step, variables);
  }

  public CallDriver completeAs(String demoUser, Step step, Map<String, Object> variables) {
    String taskId = task(step).getId();
    engine.getIdentityService().setAuthentication(demoUser, UsmTestEngine.groupsOf(demoUser));
    try {
      engine.getTaskService().complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return this;
  }

  /** The steps with an open task, by element id. */
  public List<String> openSteps() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingNumber).list()
        .stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** The process instance of the call running the given USM process (the most recent one). */
  public ProcessInstance instanceOf(String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(processKey)
        .list().stream().reduce((a, b) -> b).orElseThrow();
  }

  /**
   * The USM steps the call passed, in order, across all its processes: each call activity is followed by
   * the steps of the process it called, as REFERENCE §5.1 expands a workflow.
   */
  public List<Step> passedSteps() {
    return passedSteps(engine.getHistoryService(), root.getId());
  }

  /** The USM steps passed by the call whose root process instance is given, as {@link #passedSteps()}. */
  public static List<Step> passedSteps(HistoryService history, String processInstanceId) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).orderPartiallyByOccurrence().asc().list();
    List<Step> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      Step.byId(activity.getActivityId()).ifPresent(steps::add);
      if (activity.getCalledProcessInstanceId() != null) {
        steps.addAll(passedSteps(history, activity.getCalledProcessInstanceId()));
      }
    }
    return steps;
  }
}
