package org.usm.intake;

import static org.usm.intake.CallRejectedException.Reason.CONFLICT;
import static org.usm.intake.CallRejectedException.Reason.FORBIDDEN;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.engine.Actor;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import org.usm.model.CallVariables;
import org.usm.model.Step;
import org.usm.security.SystemAccess;

/**
 * The customer's verdict over the call API (DESIGN §14): the rule is {@link CustomerVerdict}; this stores the
 * verdict in the call register, writes it to the trail and shows it on the open review, in one transaction.
 */
@Service
public class CallConfirmation {

  private final CallQueryService calls;
  private final CallRegister register;
  private final AuditTrail audit;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ServiceBindings bindings;
  private final ServiceCatalog catalog;

  public CallConfirmation(CallQueryService calls, CallRegister register, AuditTrail audit, TaskService taskService,
      RuntimeService runtimeService, HistoryService historyService, RepositoryService repositoryService,
      IdentityService identityService, ServiceBindings bindings, ServiceCatalog catalog) {
    this.bindings = bindings;
    this.catalog = catalog;
    this.calls = calls;
    this.register = register;
    this.audit = audit;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /**
   * The requester's verdict on the call's delivery; the call as it is then. 404 for a call the user may not read,
   * 403 for anyone but its requester, 400 by field, 409 when no delivery waits for a verdict; nothing is changed
   * by a refusal.
   */
  @Transactional
  public CallView confirm(String trackingNumber, CustomerVerdict.Request request) {
    Actor user = Actor.current(identityService).orElseThrow(() ->
        new CallRejectedException(FORBIDDEN, null, "the customer's verdict is given by the call's requester"));
    CallRecord call = calls.readable(trackingNumber);
    CustomerVerdict.Delivery delivery = SystemAccess.run(identityService, () -> delivery(call));
    Language language = catalog.find(call.serviceId()).map(ServiceDefinition::spokenLanguage)
        .orElse(Language.DEFAULT);
    CallRecord.Confirmation verdict = CustomerVerdict.decide(user.userId(), call, delivery, request, UsmClock.now(),
        language);
    if (!register.confirmed(trackingNumber, verdict)) {
      throw new CallRejectedException(CONFLICT, "trackingNumber", "the verdict on this delivery of " + trackingNumber
          + " was given at the same moment: one verdict per delivery");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("accepted", verdict.accepted());
    data.put("comment", verdict.comment());
    audit.record(new AuditEvent(verdict.at(), trackingNumber, delivery.processKey(), delivery.processInstanceId(),
        delivery.step().id(), verdict.by(), AuditEvent.Kind.CONFIRMATION, null, "the customer's verdict on the "
            + "delivery at " + delivery.step().displayName() + ": " + CustomerVerdict.inWords(verdict,
            Language.DEFAULT)).withData(data));
    if (delivery.open()) {
      SystemAccess.run(identityService, () -> showOnReview(delivery, verdict));
    }
    return calls.find(trackingNumber);
  }

  /**
   * The delivery waiting for the verdict: the open review of the call's entry process, or, once that review
   * fulfilled the call, the last one; null while the work is not delivered.
   */
  private CustomerVerdict.Delivery delivery(CallRecord call) {
    Step review = CustomerVerdict.reviewOf(call);
    Task open = taskService.createTaskQuery().processInstanceBusinessKey(call.trackingNumber())
        .taskDefinitionKey(review.id()).list().stream().findFirst().orElse(null);
    if (open != null) {
      return new CustomerVerdict.Delivery(open.getId(), review, open.getProcessInstanceId(),
          repositoryService.getProcessDefinition(open.getProcessDefinitionId()).getKey(), true);
    }
    if (call.status() != CallStatus.FULFILLED) {
      return null;
    }
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(call.trackingNumber())
        .taskDefinitionKey(review.id()).finished().orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1)
        .stream().findFirst().map(last -> new CustomerVerdict.Delivery(last.getId(), review,
            last.getProcessInstanceId(), last.getProcessDefinitionKey(), false)).orElse(null);
  }

  /**
   * The verdict on the open review's form (its variables), in the Tasklist list (its name) and its description,
   * in the language of the service the call's workflow is bound to.
   */
  private Void showOnReview(CustomerVerdict.Delivery delivery, CallRecord.Confirmation verdict) {
    Language language = bindings.ofWorkflow((String) runtimeService.getVariable(delivery.processInstanceId(),
        CallVariables.WORKFLOW_DEFINITION_ID)).language();
    runtimeService.setVariables(delivery.processInstanceId(), VerdictAtReview.variables(verdict, language));
    Task task = taskService.createTaskQuery().taskId(delivery.reviewTaskId()).singleResult();
    task.setName(VerdictAtReview.taskName(task.getName(), verdict, language));
    task.setDescription(VerdictAtReview.taskDescription(task.getDescription(), verdict, language));
    taskService.saveTask(task);
    return null;
  }
}
