package org.usm.intake;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.usm.engine.Actor;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;
import org.usm.security.SystemAccess;

/** Reads a call for the people allowed to see it: register row, open steps and links. */
@Service
public class CallQueryService {

  private final CallRegister register;
  private final ServiceCatalog catalog;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  public CallQueryService(CallRegister register, ServiceCatalog catalog, TaskService taskService,
      RuntimeService runtimeService, RepositoryService repositoryService, IdentityService identityService) {
    this.register = register;
    this.catalog = catalog;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  public CallView find(String trackingNumber) {
    if (!TrackingNumber.isWellFormed(trackingNumber)) {
      throw new CallRejectedException(CallRejectedException.Reason.INVALID, "trackingNumber",
          "a tracking number looks like INC-2026-000042 (got '" + trackingNumber + "')");
    }
    CallRecord call = register.find(trackingNumber).orElseThrow(() -> notFound(trackingNumber));
    ServiceDefinition service = catalog.find(call.serviceId()).orElseThrow(() -> notFound(trackingNumber));
    Actor user = Actor.current(identityService).orElse(null);
    if (user != null && !CallAccess.mayRead(user.userId(), user.groupIds(), service, call)) {
      // Not found rather than forbidden: whether a call exists is itself not for everyone to know.
      throw notFound(trackingNumber);
    }
    return SystemAccess.run(identityService, () -> view(call, service));
  }

  private CallView view(CallRecord call, ServiceDefinition service) {
    // The active root instance is the workflow the call follows now; a closed call has none.
    ProcessInstance root = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(call.trackingNumber())
        .rootProcessInstances()
        .singleResult();
    List<CallView.OpenStep> openSteps = taskService.createTaskQuery()
        .processInstanceBusinessKey(call.trackingNumber())
        .orderByTaskCreateTime().asc()
        .list().stream()
        .map(this::openStep)
        .toList();
    return new CallView(
        call.trackingNumber(),
        call.type(),
        call.serviceId(),
        service.name(),
        call.summary(),
        call.requester(),
        call.pattern(),
        call.predictedPattern(),
        call.status().label(),
        call.registeredAt(),
        call.slaDueAt(),
        call.slaBreachedAt(),
        root != null ? root.getId() : call.processInstanceId(),
        root != null ? repositoryService.getProcessDefinition(root.getProcessDefinitionId()).getKey()
            : WorkflowPattern.valueOf(call.pattern()).keyFor(call.serviceId()),
        openSteps,
        new CallView.LinkedCalls(call.parentTrackingNumber(), register.startedBy(call.trackingNumber())),
        root != null && root.isSuspended(),
        call.cancellation(),
        call.concernedComponents(),
        call.changedComponents());
  }

  private CallView.OpenStep openStep(Task task) {
    String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    String process = UsmProcess.isUniversalProcessKey(processKey) ? UsmProcess.byKey(processKey).id() : "workflow";
    return new CallView.OpenStep(task.getTaskDefinitionKey(), task.getName(), process, task.getId(),
        task.getAssignee(), task.getDueDate() == null ? null : Instant.ofEpochMilli(task.getDueDate().getTime()));
  }

  private static CallRejectedException notFound(String trackingNumber) {
    return new CallRejectedException(CallRejectedException.Reason.NOT_FOUND, "trackingNumber",
        "no call " + trackingNumber);
  }
}
