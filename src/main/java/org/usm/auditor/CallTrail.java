package org.usm.auditor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.duties.StepCompletions;
import org.usm.intake.CallRecord;
import org.usm.model.RouteDecision;
import org.usm.model.Step;
import org.usm.model.WorkflowElements;
import org.usm.security.SystemAccess;
import org.usm.trust.ProtectedVariables;

/**
 * A call's whole trail (DESIGN §8), in time order: the engine's history of every instance under its
 * tracking number (the steps completed with who completed them and the fields they submitted, the
 * decision tables' inputs and outcomes, the escalation task, the operations administrators ran) merged
 * with the product's own events (handovers, returns, re-routes, refusals, register writes, linked calls,
 * SLA events, interventions) and the call register (registration, closure).
 */
@Component
public class CallTrail {

  /** Far above any call's history; engines with a query limit refuse unbounded lists. */
  static final int HISTORY_PAGE = 5_000;
  /** A completion's own variable updates are written in the completing command, moments before the task ends. */
  private static final Duration SAME_COMMAND = Duration.ofSeconds(2);
  private static final String COMPLETED = "completed";

  private final HistoryService history;
  private final IdentityService identityService;
  private final AuditTrail audit;
  private final StepCompletions completions;

  public CallTrail(HistoryService history, IdentityService identityService, AuditTrail audit,
      StepCompletions completions) {
    this.history = history;
    this.identityService = identityService;
    this.audit = audit;
    this.completions = completions;
  }

  /** The trail of a call the caller has already been allowed to read. */
  public List<TrailEntry> of(CallRecord call) {
    List<TrailEntry> entries = new ArrayList<>();
    entries.add(registered(call));
    List<HistoricProcessInstance> instances = SystemAccess.run(identityService, () -> history
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(call.trackingNumber())
        .orderByProcessInstanceStartTime().asc().listPage(0, HISTORY_PAGE));
    Map<String, List<StepCompletions.Completion>> recorded = completions.ofCall(call.trackingNumber()).stream()
        .collect(Collectors.groupingBy(c -> c.processInstanceId() + "/" + c.step(), LinkedHashMap::new,
            Collectors.toList()));
    for (HistoricProcessInstance instance : instances) {
      SystemAccess.run(identityService, () -> {
        entries.addAll(new InstanceHistory(instance, recorded).entries());
        return null;
      });
    }
    audit.ofCall(call.trackingNumber()).stream().map(TrailEntry::of).forEach(entries::add);
    closed(call, instances).ifPresent(entries::add);
    // Stable: entries of the same instant keep the order they were collected in.
    entries.sort(Comparator.comparing(TrailEntry::occurredAt));
    return entries;
  }

  private static TrailEntry registered(CallRecord call) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", call.type());
    data.put("serviceId", call.serviceId());
    data.put("summary", call.summary());
    data.put("requester", call.requester());
    data.put("predictedPattern", call.predictedPattern());
    data.put("slaDueDate", call.slaDueAt().toString());
    if (call.parentTrackingNumber() != null) {
      data.put("startedBy", call.parentTrackingNumber());
    }
    return new TrailEntry(call.registeredAt(), AuditEvent.Kind.REGISTERED, null, null, call.processInstanceId(),
        call.registeredBy(), call.parentTrackingNumber() != null ? "H8" : "H12",
        "registered " + call.type() + " for service " + call.serviceId() + ", requested by " + call.requester()
            + (call.parentTrackingNumber() != null ? ", started by " + call.parentTrackingNumber() : "")
            + "; intake predicted " + call.predictedPattern(),
        data);
  }

  private static java.util.Optional<TrailEntry> closed(CallRecord call, List<HistoricProcessInstance> instances) {
    Instant at = call.closedAt();
    if (at == null && "closed".equals(call.status().label())) {
      // Closed before the register kept the moment: the root workflow's end.
      at = instances.stream().filter(i -> i.getSuperProcessInstanceId() == null && i.getEndTime() != null)
          .map(i -> i.getEndTime().toInstant()).findFirst().orElse(null);
    }
    return java.util.Optional.ofNullable(at).map(when -> new TrailEntry(when, AuditEvent.Kind.CLOSED,
        WorkflowElements.CALL_CLOSED, null, call.processInstanceId(), null, null, "the call is closed", null));
  }

  /** The history of one process instance of the call, as trail entries. */
  private final class InstanceHistory {

    private final HistoricProcessInstance instance;
    private final Map<String, List<StepCompletions.Completion>> recorded;
    private final Map<String, UserOperationLogEntry> completionOperations = new HashMap<>();
    private final List<UserOperationLogEntry> interventions = new ArrayList<>();

    InstanceHistory(HistoricProcessInstance instance, Map<String, List<StepCompletions.Completion>> recorded) {
      this.instance = instance;
      this.recorded = recorded;
    }

    List<TrailEntry> entries() {
      List<TrailEntry> entries = new ArrayList<>();
      for (UserOperationLogEntry operation : history.createUserOperationLogQuery()
          .processInstanceId(instance.getId()).listPage(0, HISTORY_PAGE)) {
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(operation.getOperationType())
            && operation.getTaskId() != null) {
          completionOperations.put(operation.getTaskId(), operation);
        } else if (!UserOperationLogEntry.CATEGORY_TASK_WORKER.equals(operation.getCategory())) {
          interventions.add(operation);
        }
      }
      Map<String, List<HistoricVariableUpdate>> updates = history.createHistoricDetailQuery()
          .processInstanceId(instance.getId()).variableUpdates().disableBinaryFetching()
          .disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().listPage(0, HISTORY_PAGE).stream()
          .map(HistoricVariableUpdate.class::cast)
          .filter(update -> update.getActivityInstanceId() != null)
          .collect(Collectors.groupingBy(HistoricDetail::getActivityInstanceId));
      Map<String, Integer> seen = new HashMap<>();
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
          .finished().orderByHistoricTaskInstanceEndTime().asc().listPage(0, HISTORY_PAGE)) {
        int round = seen.merge(task.getTaskDefinitionKey(), 1, Integer::sum) - 1;
        task(task, round, updates.getOrDefault(task.getActivityInstanceId(), List.of()), entries);
      }
      for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
          .processInstanceId(instance.getId()).includeInputs().includeOutputs().disableBinaryFetching()
          .disableCustomObjectDeserialization().listPage(0, HISTORY_PAGE)) {
        entries.add(decision(decision));
      }
      interventions.stream().collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId,
          LinkedHashMap::new, Collectors.toList())).values().forEach(operation -> entries.add(intervention(operation)));
      return entries;
    }

    private void task(HistoricTaskInstance task, int round, List<HistoricVariableUpdate> updates,
        List<TrailEntry> entries) {
      boolean completed = COMPLETED.equals(task.getDeleteReason());
      if (WorkflowElements.STEER_SLA_BREACH.equals(task.getTaskDefinitionKey())) {
        entries.add(entry(task.getStartTime().toInstant(), AuditEvent.Kind.ESCALATION, task.getTaskDefinitionKey(),
            null, "the breached call was escalated to the workflow's coordinators: " + task.getName(), null));
        if (completed) {
          String user = completer(task, null);
          entries.add(entry(task.getEndTime().toInstant(), AuditEvent.Kind.ESCALATION, task.getTaskDefinitionKey(),
              user, "escalation handled by " + (user == null ? "an unknown user" : user),
              submitted(task, updates)));
        }
        return;
      }
      if (!completed) {
        return; // ended by a cancellation or interruption: on the trail as the intervention that did it
      }
      List<StepCompletions.Completion> rounds = recorded.getOrDefault(instance.getId() + "/"
          + task.getTaskDefinitionKey(), List.of());
      StepCompletions.Completion record = round < rounds.size() ? rounds.get(round) : null;
      String user = completer(task, record);
      String title = Step.byId(task.getTaskDefinitionKey()).map(Step::displayName).orElse(task.getName());
      entries.add(entry(task.getEndTime().toInstant(), AuditEvent.Kind.STEP_COMPLETED, task.getTaskDefinitionKey(),
          user, title + " completed by " + (user == null ? "an unknown user" : user)
              + (round > 0 ? " (round " + (round + 1) + ")" : ""), submitted(task, updates)));
    }

    /** Who completed the task: the product's record, else the engine's operation log, else the assignee. */
    private String completer(HistoricTaskInstance task, StepCompletions.Completion record) {
      if (record != null && record.userId() != null) {
        return record.userId();
      }
      UserOperationLogEntry operation = completionOperations.get(task.getId());
      return operation != null && operation.getUserId() != null ? operation.getUserId() : task.getAssignee();
    }

    /**
     * The fields the completion submitted: the variables written in the task's activity by the completing
     * command (the engine's operation id of the completion, else the last command that wrote there, when
     * it ran as the task ended), without the product's own variables except the route the step decides.
     */
    private Map<String, Object> submitted(HistoricTaskInstance task, List<HistoricVariableUpdate> updates) {
      if (updates.isEmpty()) {
        return Map.of();
      }
      UserOperationLogEntry operation = completionOperations.get(task.getId());
      HistoricVariableUpdate last = updates.get(updates.size() - 1); // in the order they occurred
      String operationId = operation != null ? operation.getOperationId()
          : last.getTime().toInstant().isBefore(task.getEndTime().toInstant().minus(SAME_COMMAND)) ? null
          : last.getUserOperationId();
      Map<String, Object> fields = new LinkedHashMap<>();
      updates.stream()
          .filter(update -> operationId != null && operationId.equals(update.getUserOperationId()))
          .filter(update -> !ProtectedVariables.isProtected(update.getVariableName())
              || decidedHere(task, update.getVariableName()))
          .forEach(update -> fields.put(update.getVariableName(), plain(update.getValue())));
      return fields;
    }

    /** A route is the product's variable, decided by a user at its own step (R4, I4): a submitted field there. */
    private static boolean decidedHere(HistoricTaskInstance task, String variable) {
      return Step.byId(task.getTaskDefinitionKey()).flatMap(RouteDecision::decidedAt)
          .filter(route -> route.variable().equals(variable)).isPresent();
    }

    private TrailEntry decision(HistoricDecisionInstance decision) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        inputs.put(Objects.requireNonNullElse(input.getClauseName(), input.getClauseId()), plain(input.getValue()));
      }
      Map<String, Object> outputs = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        outputs.put(Objects.requireNonNullElse(output.getVariableName(), output.getClauseId()),
            plain(output.getValue()));
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("decision", decision.getDecisionDefinitionKey());
      data.put("inputs", inputs);
      data.put("outputs", outputs);
      return entry(decision.getEvaluationTime().toInstant(), AuditEvent.Kind.DECISION, decision.getActivityId(),
          decision.getUserId(), "decision table " + decision.getDecisionDefinitionKey() + ": " + describe(inputs)
              + " → " + describe(outputs), data);
    }

    private TrailEntry intervention(List<UserOperationLogEntry> operation) {
      UserOperationLogEntry first = operation.get(0);
      Map<String, Object> changes = new LinkedHashMap<>();
      for (UserOperationLogEntry property : operation) {
        if (property.getProperty() != null) {
          changes.put(property.getProperty(), property.getOrgValue() == null ? property.getNewValue()
              : property.getOrgValue() + " → " + property.getNewValue());
        }
      }
      changes.put("operationType", first.getOperationType());
      changes.put("entityType", first.getEntityType());
      return entry(first.getTimestamp().toInstant(), AuditEvent.Kind.INTERVENTION, null, first.getUserId(),
          "engine operation log: " + first.getOperationType() + " " + first.getEntityType() + " by "
              + first.getUserId(), changes);
    }

    private TrailEntry entry(Instant at, AuditEvent.Kind kind, String step, String user, String message,
        Map<String, Object> data) {
      return new TrailEntry(at, kind, step, instance.getProcessDefinitionKey(), instance.getId(), user, null, message,
          data);
    }
  }

  /** A value as JSON and CSV show it: strings, numbers and booleans as they are, anything else as text. */
  private static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return value instanceof java.util.Date date ? date.toInstant().toString() : value.toString();
  }

  private static String describe(Map<String, Object> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
