package org.usm.link;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.engine.EngineContext;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import org.usm.language.Phrase;
import org.usm.model.CallVariables;
import org.usm.security.SystemAccess;

/**
 * What the consumer does with what a provider reports on a linked call, however it arrives (pushed to the
 * callback, pulled, or straight from an internal link): moves the linked call on when the report is news,
 * puts it on the call's trail ({@code LINKED_CALL}, {@code data.status}) and on the form of the step that
 * waits for it; and marks a linked call late against the link's agreement ({@code SLA_BREACH}).
 */
@Service
public class LinkReports {

  private final LinkedCallStore store;
  private final AuditTrail audit;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ServiceBindings bindings;

  private static final Phrase LATE = new Phrase(" · late against the link's agreement (due %s)",
      " · te laat volgens de afspraak met de schakel (uiterlijk %s)");

  public LinkReports(LinkedCallStore store, AuditTrail audit, TaskService taskService,
      IdentityService identityService, ServiceBindings bindings) {
    this.bindings = bindings;
    this.store = store;
    this.audit = audit;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /**
   * Applies a report; answers whether it moved the linked call on. A report that is no news (repeated,
   * late, out of order) only notes that the provider was heard.
   *
   * @param via how the report came: {@code push}, {@code pull}, {@code delivery} or {@code internal}
   */
  @Transactional
  public boolean apply(String linkedCallId, LinkStatus status, String providerTrackingNumber, String message,
      String via) {
    Instant now = UsmClock.now();
    for (int attempt = 0; attempt < 3; attempt++) {
      LinkedCall call = store.find(linkedCallId).orElse(null);
      if (call == null) {
        return false;
      }
      if (!call.status().canMoveTo(status)) {
        store.heard(call.id(), providerTrackingNumber, now);
        return false;
      }
      if (store.moved(call, status, providerTrackingNumber, message, now)) {
        LinkedCall moved = store.find(linkedCallId).orElseThrow();
        Map<String, Object> data = data(moved);
        data.put("status", status.label());
        data.put("via", via);
        if (message != null) {
          data.put("message", message);
        }
        audit.record(event(moved, now, AuditEvent.Kind.LINKED_CALL, moved.describe() + ", reported by the provider ("
            + via + ")").withData(data));
        if (status.isFinished() && moved.isLateAt(now)) {
          breach(moved, now);
        }
        showOnStep(moved);
        return true;
      }
    }
    throw new IllegalStateException("linked call " + linkedCallId + " keeps changing under this report");
  }

  /** The linked call is late against the link's agreement: on the consumer's trail once, naming the link. */
  @Transactional
  public void breach(LinkedCall call, Instant now) {
    if (store.breached(call.id(), now)) {
      Map<String, Object> data = data(call);
      data.put("dueAt", call.dueAt().toString());
      audit.record(event(call, now, AuditEvent.Kind.SLA_BREACH, "link '" + call.linkId() + "' (" + call.linkName()
          + ") late against its agreement: " + (call.providerTrackingNumber() == null ? "the linked call"
              : call.providerTrackingNumber()) + " was due " + call.dueAt() + ", " + call.status().label() + " at "
          + (call.finishedAt() != null ? call.finishedAt() : now)).withData(data));
      showOnStep(call);
    }
  }

  /**
   * The linked calls of the step's task, on its form ({@code linkedCalls}): what the person who handed the
   * work over sees when the provider answers. A task that is gone (completed, cancelled) shows nothing.
   */
  public void showOnStep(LinkedCall call) {
    List<LinkedCall> ofTask = store.ofCall(call.trackingNumber()).stream()
        .filter(other -> other.taskId().equals(call.taskId())).toList();
    SystemAccess.run(identityService, () -> EngineContext.asProduct(() -> {
      if (taskService.createTaskQuery().taskId(call.taskId()).count() == 1) {
        // In the language of the call's service: its people read it on the step's form.
        Language language = bindings.ofWorkflow(String.valueOf(taskService.getVariable(call.taskId(),
            CallVariables.WORKFLOW_DEFINITION_ID))).language();
        taskService.setVariableLocal(call.taskId(), CallVariables.LINKED_CALLS, ofTask.stream()
            .map(other -> "- " + other.describe(language)
                + (other.breachedAt() != null ? LATE.in(language, other.dueAt()) : ""))
            .collect(Collectors.joining("\n")));
      }
      return null;
    }));
  }

  static Map<String, Object> data(LinkedCall call) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("linkedCall", call.id());
    data.put("link", call.linkId());
    data.put("trackingNumber", call.providerTrackingNumber());
    return data;
  }

  static AuditEvent event(LinkedCall call, Instant at, AuditEvent.Kind kind, String message) {
    return new AuditEvent(at, call.trackingNumber(), call.processKey(), call.processInstanceId(), call.step(), null,
        kind, null, message);
  }
}
