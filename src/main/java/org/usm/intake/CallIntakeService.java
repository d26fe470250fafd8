package org.usm.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usm.engine.Actor;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceVersions;
import org.usm.instantiation.ServiceBinding;
import org.usm.instantiation.ServiceBindings;
import org.usm.language.Language;
import org.usm.model.Priority;
import org.usm.register.AgreementRegister;
import org.usm.security.SystemAccess;
import org.camunda.bpm.engine.TaskService;

/**
 * Registers calls: checks the request, numbers the call, starts the service's workflow for the predicted
 * pattern with the tracking number as business key, and records the call. All in one transaction: a
 * refused or failed intake leaves no call, no process instance and no register row behind.
 */
@Service
public class CallIntakeService {

  private final BiPredicate<String, LocalDate> hasActiveAgreement;
  private final TrackingNumbers trackingNumbers;
  private final CallRegister register;
  private final ServiceBindings bindings;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final CallClassifier classifier;
  private final IdentityService identityService;
  private final Clock clock;
  private final ServiceCatalog catalog;
  private final TaskService taskService;

  public CallIntakeService(ServiceCatalog catalog, TrackingNumbers trackingNumbers, CallRegister register,
      AgreementRegister agreements, ServiceBindings bindings, RepositoryService repositoryService, RuntimeService runtimeService,
      DecisionService decisionService, IdentityService identityService, Clock clock,
      TaskService taskService) {
    this.catalog = catalog;
    this.taskService = taskService;
    this.hasActiveAgreement = (serviceId, day) -> agreements.activeOn(serviceId, day).isPresent();
    this.trackingNumbers = trackingNumbers;
    this.register = register;
    this.bindings = bindings;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.classifier = new CallClassifier(decisionService);
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The intake API's answer to a registered call, with the priority intake gave it (P1–P4). */
  public record RegisteredCall(String trackingNumber, String pattern, String processInstanceId,
      String processDefinitionKey, String priority) {}

  @Transactional
  public RegisteredCall register(CallRequest request) {
    return register(request, null);
  }

  /**
   * Registers a call; {@code parentTrackingNumber} links a call that another call started, such as a
   * risk raised at an evaluate step (rule H8).
   */
  @Transactional
  public RegisteredCall register(CallRequest request, String parentTrackingNumber) {
    return register(request, parentTrackingNumber, null);
  }

  /**
   * Registers a risk the improvement loop raised from a finding of the call {@code parentTrackingNumber};
   * {@code finder} found it (DESIGN §12: the requester rules do not bar the finder).
   */
  @Transactional
  public RegisteredCall registerFinding(CallRequest request, String parentTrackingNumber, String finder) {
    return register(request, parentTrackingNumber, finder);
  }

  /**
   * Registers the call that goes on in place of {@code replaced}, which an accept step found registered as the
   * wrong type (DESIGN §12): started by it, and still naming the finder of a risk the improvement loop raised.
   */
  @Transactional
  public RegisteredCall registerReclassified(CallRequest request, CallRecord replaced) {
    return register(request, replaced.trackingNumber(), replaced.raisedBy());
  }

  private RegisteredCall register(CallRequest request, String parentTrackingNumber, String raisedBy) {
    Actor user = Actor.current(identityService).orElse(null);
    // The service's current version, read once: its definition validates the call, its state refuses it.
    Optional<ServiceVersions.ServiceVersion> current = request == null || request.serviceId() == null
        ? Optional.empty() : catalog.current(request.serviceId());
    NewCall call = new CallRequestValidator(id -> current.filter(v -> v.serviceId().equals(id)).map(catalog::definitionOf),
        hasActiveAgreement).validate(request, LocalDate.now(clock));
    current.filter(v -> v.state() == ServiceVersions.State.RETIRED).ifPresent(v -> {
      throw new CallRejectedException(CallRejectedException.Reason.CONFLICT, "serviceId", "service '"
          + call.service().id() + "' is retired (since " + v.changedAt() + "): it takes no new calls");
    });
    if (user != null && !CallAccess.mayRegister(user.groupIds(), call.service())) {
      throw new CallRejectedException(CallRejectedException.Reason.FORBIDDEN, "serviceId", "rule H12: user '"
          + user.userId() + "' may not register calls for service '" + call.service().id() + "'");
    }
    if (user != null && !CallAccess.mayNameRequester(user.userId(), user.groupIds(), call.service(), call.requester())) {
      throw new CallRejectedException(CallRejectedException.Reason.FORBIDDEN, "requester", "rule H12: user '"
          + user.userId() + "' registers calls only for themselves (requester '" + user.userId() + "'), not for '"
          + call.requester() + "': the service desk registers a call on someone else's behalf");
    }
    return SystemAccess.run(identityService, () -> {
      // As the product: naming a requester needs no right to read the engine's users.
      CallRequestValidator.requireExistingRequester(call,
          requester -> identityService.createUserQuery().userId(requester).count() > 0);
      return start(call, user, parentTrackingNumber, raisedBy);
    });
  }

  /** The tasks the workflow opened at once were created before the register row their description comes from. */
  private void describeFirstTasks(String trackingNumber, CallTexts.Texts texts, Language language) {
    if (!texts.isEmpty()) {
      taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).list().forEach(task -> {
        task.setDescription(texts.asTaskDescription(language));
        taskService.saveTask(task);
      });
    }
  }

  private RegisteredCall start(NewCall call, Actor user, String parentTrackingNumber, String raisedBy) {
    String key = call.pattern().keyFor(call.service().id());
    ProcessDefinition workflow = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult();
    if (workflow == null) {
      throw new IllegalStateException("workflow " + key + " is not deployed");
    }
    Priority priority = classifier.priority(call);
    // Milliseconds, as the engine keeps dates: the register, the variables and the SLA timer agree exactly.
    Instant registeredAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ServiceBinding binding = bindings.ofWorkflow(workflow.getId());
    Instant slaDue = registeredAt.plus(binding.handlingTime(priority));
    String trackingNumber = trackingNumbers.next(call.type()).toString();

    ProcessInstance instance = runtimeService.createProcessInstanceById(workflow.getId())
        .businessKey(trackingNumber)
        .setVariables(call.variables(trackingNumber, priority, workflow.getId(), slaDue, parentTrackingNumber))
        .execute();
    register.add(new CallRecord(trackingNumber, call.service().id(), call.type().id(), call.pattern().name(),
        CallStatus.REGISTERED, call.summary(), call.requester(), user == null ? null : user.userId(),
        registeredAt, slaDue, instance.getId(), parentTrackingNumber, call.pattern().name(), null, null, List.of(),
        List.of(), null, call.description(), call.reference(), null, raisedBy, null, null));
    describeFirstTasks(trackingNumber, new CallTexts.Texts(call.description(), call.reference()), binding.language());
    return new RegisteredCall(trackingNumber, call.pattern().name(), instance.getId(), key, priority.name());
  }
}
