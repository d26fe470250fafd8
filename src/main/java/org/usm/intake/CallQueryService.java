package org.usm.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.usm.engine.Actor;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;
import org.usm.security.SystemAccess;
import org.usm.steering.SlaSteering;
import org.springframework.beans.factory.ObjectProvider;

/** Reads a call for the people allowed to see it: register row, open steps and links. */
@Service
public class CallQueryService {

  private final CallRegister register;
  private final ServiceCatalog catalog;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final Clock clock;
  private final ObjectProvider<HandedOverCalls> handedOver;

  public CallQueryService(CallRegister register, ServiceCatalog catalog, TaskService taskService,
      RuntimeService runtimeService, RepositoryService repositoryService, IdentityService identityService,
      HistoryService historyService, Clock clock, ObjectProvider<HandedOverCalls> handedOver) {
    this.historyService = historyService;
    this.clock = clock;
    this.handedOver = handedOver;
    this.register = register;
    this.catalog = catalog;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  public CallView find(String trackingNumber) {
    CallRecord call = readable(trackingNumber);
    ServiceDefinition service = catalog.find(call.serviceId()).orElseThrow(() -> notFound(trackingNumber));
    return SystemAccess.run(identityService, () -> view(call, service));
  }

  /**
   * The call a process instance of the engine belongs to (any of its processes, running or ended), for the
   * people allowed to see the call: Tasklist links a task to its instance, which coordinators and operators
   * may not open in Cockpit, while the call is theirs to read. 404 when there is no such call or the user
   * may not read it.
   */
  public CallView findByProcessInstance(String processInstanceId) {
    HistoricProcessInstance instance = SystemAccess.run(identityService, () -> historyService
        .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
    if (instance == null || instance.getBusinessKey() == null) {
      throw new CallRejectedException(CallRejectedException.Reason.NOT_FOUND, "processInstanceId",
          "no call has process instance " + processInstanceId);
    }
    return find(instance.getBusinessKey());
  }

  /** Paging parameters of the call list, besides the filters of {@link CallSelection}. */
  public static final List<String> PAGING = List.of("page", "size");
  /**
   * {@code party=me}: the calls the user is the requester of, whoever registered them (My calls on the service
   * desk page), whatever else the user may read.
   */
  public static final String PARTY = "party";
  public static final String PARTY_ME = "me";
  public static final int DEFAULT_PAGE_SIZE = 25;
  public static final int MAX_PAGE_SIZE = 200;

  /** The calls the user may read that the parameters select, finished ones included, newest first. */
  public CallPage list(Map<String, String> parameters) {
    parameters = withParty(parameters);
    CallSelection selection = visible(CallSelection.parse(parameters, PAGING));
    int page = number(parameters, "page", 0, 0, Integer.MAX_VALUE);
    int size = number(parameters, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    ZoneId zone = clock.getZone();
    long total = register.count(selection, zone);
    List<CallPage.Summary> calls = register.list(selection, zone, (long) page * size, size).stream()
        .map(call -> new CallPage.Summary(call.trackingNumber(), call.type(), call.serviceId(),
            catalog.find(call.serviceId()).map(ServiceDefinition::name).orElse(call.serviceId()), call.pattern(),
            call.predictedPattern(), call.status().label(), call.summary(), call.requester(), call.registeredAt(),
            call.slaDueAt(), call.slaBreachedAt(), call.closedAt()))
        .toList();
    return new CallPage(page, size, total, calls);
  }

  /** The parameters with {@code party=me} read as the user's own requester filter. */
  private Map<String, String> withParty(Map<String, String> parameters) {
    if (!parameters.containsKey(PARTY)) {
      return parameters;
    }
    String party = parameters.get(PARTY);
    if (!PARTY_ME.equals(party)) {
      throw CallSelection.invalid(PARTY, PARTY + " must be '" + PARTY_ME + "' (got '" + party + "')");
    }
    if (parameters.containsKey("requester")) {
      throw CallSelection.invalid(PARTY, PARTY + "=" + PARTY_ME + " selects the calls you requested: give no "
          + "requester with it");
    }
    Actor user = Actor.current(identityService).orElseThrow(() -> CallSelection.invalid(PARTY,
        PARTY + "=" + PARTY_ME + " needs a logged-in user"));
    Map<String, String> own = new java.util.LinkedHashMap<>(parameters);
    own.remove(PARTY);
    own.put("requester", user.userId());
    return own;
  }

  /**
   * The selection within what the current user may read: every call for auditors and administrators
   * (and the product itself), else the calls of the services the user works on or owns, and their own.
   */
  public CallSelection visible(CallSelection selection) {
    Actor user = Actor.current(identityService).orElse(null);
    if (user == null || CallAccess.readsAllCalls(user.groupIds())) {
      return selection;
    }
    return selection.visibleTo(user.userId(), catalog.all().stream()
        .filter(service -> CallAccess.readsCallsOf(user.userId(), user.groupIds(), service))
        .map(ServiceDefinition::id).collect(Collectors.toSet()));
  }

  /**
   * Whether the current user reads the calls of the service as a whole (auditors, administrators, its owner
   * and the teams that work it), as its figures show them; a requester reads only their own calls.
   */
  public boolean readsAllCallsOf(String serviceId) {
    Actor user = Actor.current(identityService).orElse(null);
    return user == null || CallAccess.readsAllCalls(user.groupIds()) || catalog.find(serviceId)
        .filter(service -> CallAccess.readsCallsOf(user.userId(), user.groupIds(), service)).isPresent();
  }

  private static int number(Map<String, String> parameters, String name, int fallback, int min, int max) {
    String text = parameters.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below, naming the parameter
    }
    throw CallSelection.invalid(name, name + " must be a whole number from " + min + " to " + max + " (got '"
        + text + "')");
  }

  /**
   * The call, for a user who may read it (CallAccess.mayRead); else not found, as for a call that does not
   * exist: whether a call exists is itself not for everyone to know.
   */
  public CallRecord readable(String trackingNumber) {
    if (!TrackingNumber.isWellFormed(trackingNumber)) {
      throw new CallRejectedException(CallRejectedException.Reason.INVALID, "trackingNumber",
          "a tracking number looks like INC-2026-000042 (got '" + trackingNumber + "')");
    }
    CallRecord call = register.find(trackingNumber).orElseThrow(() -> notFound(trackingNumber));
    ServiceDefinition service = catalog.find(call.serviceId()).orElseThrow(() -> notFound(trackingNumber));
    Actor user = Actor.current(identityService).orElse(null);
    if (user != null && !CallAccess.mayRead(user.userId(), user.groupIds(), service, call)) {
      throw notFound(trackingNumber);
    }
    return call;
  }

  private CallView view(CallRecord call, ServiceDefinition service) {
    HandedOverCalls links = handedOver.getIfAvailable();
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
        call.description(),
        call.reference(),
        call.requester(),
        call.raisedBy(),
        call.pattern(),
        call.predictedPattern(),
        call.status().label(),
        call.outcome(),
        call.reclassifiedAs(),
        call.registeredAt(),
        call.slaDueAt(),
        call.slaBreachedAt(),
        root != null ? root.getId() : call.processInstanceId(),
        root != null ? repositoryService.getProcessDefinition(root.getProcessDefinitionId()).getKey()
            : WorkflowPattern.valueOf(call.pattern()).keyFor(call.serviceId()),
        openSteps,
        new CallView.LinkedCalls(call.parentTrackingNumber(), register.startedBy(call.trackingNumber())),
        links == null ? List.of() : links.of(call.trackingNumber()),
        links == null ? null : links.reportsPending(call.trackingNumber()),
        root != null && root.isSuspended(),
        call.cancellation(),
        call.concernedComponents(),
        call.changedComponents(),
        call.confirmation());
  }

  private CallView.OpenStep openStep(Task task) {
    String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    String process = UsmProcess.isUniversalProcessKey(processKey) ? UsmProcess.byKey(processKey).id() : "workflow";
    List<String> groups = SlaSteering.groupsOf(taskService, task.getId());
    return new CallView.OpenStep(task.getTaskDefinitionKey(), task.getName(), process, task.getId(),
        task.getAssignee(), groups, task.getCreateTime().toInstant(),
        task.getDueDate() == null ? null : Instant.ofEpochMilli(task.getDueDate().getTime()));
  }

  private static CallRejectedException notFound(String trackingNumber) {
    return new CallRejectedException(CallRejectedException.Reason.NOT_FOUND, "trackingNumber",
        "no call " + trackingNumber);
  }
}
