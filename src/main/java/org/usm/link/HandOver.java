package org.usm.link;

import static org.usm.intake.CallRejectedException.Reason.FORBIDDEN;
import static org.usm.intake.CallRejectedException.Reason.INVALID;
import static org.usm.intake.CallRejectedException.Reason.NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.clock.UsmClock;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.engine.Actor;
import org.usm.intake.CallClassifier;
import org.usm.intake.CallQueryService;
import org.usm.intake.CallRecord;
import org.usm.intake.CallRejectedException;
import org.usm.intake.CallRequestValidator;
import org.usm.intake.CallRequest;
import org.usm.intake.CallView;
import org.usm.model.CallType;
import org.usm.model.Level;
import org.usm.model.Priority;
import org.usm.model.Step;
import org.usm.security.SystemAccess;

/**
 * A step hands part of its work to a link of the call's service (DESIGN §11): checked first (the user holds
 * the step, the link exists and takes the type), then stored in one transaction with its trail entry, its
 * line on the step's form and, for an external link, its delivery in the outbox; an internal link
 * registers the provider's call in that same transaction. An external delivery is tried once at once,
 * then in the background until the provider answers.
 */
@Service
public class HandOver {

  /** {@code POST /api/calls/{trackingNumber}/linked-calls}; {@code step} only when the user holds several. */
  public record Request(String link, String type, String summary, String description, String impact, String urgency,
      String step) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CallQueryService calls;
  private final ServiceCatalog catalog;
  private final LinkedCallStore store;
  private final LinkOutbox outbox;
  private final InboundLinks inbound;
  private final LinkReports reports;
  private final LinkDispatcher dispatcher;
  private final LinkViews views;
  private final AuditTrail audit;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final CallClassifier classifier;
  private final LinkSettings settings;
  private final Environment environment;
  private final TransactionTemplate transaction;

  public HandOver(CallQueryService calls, ServiceCatalog catalog, LinkedCallStore store, LinkOutbox outbox,
      InboundLinks inbound, LinkReports reports, LinkDispatcher dispatcher, LinkViews views, AuditTrail audit,
      TaskService taskService, RepositoryService repositoryService, IdentityService identityService,
      DecisionService decisionService, LinkSettings settings, Environment environment,
      PlatformTransactionManager transactions) {
    this.calls = calls;
    this.catalog = catalog;
    this.store = store;
    this.outbox = outbox;
    this.inbound = inbound;
    this.reports = reports;
    this.dispatcher = dispatcher;
    this.views = views;
    this.audit = audit;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.classifier = new CallClassifier(decisionService);
    this.settings = settings;
    this.environment = environment;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Hands the work over; the answer says whether the provider registered it already (201) or not yet (202). */
  public CallView.Link handOver(String trackingNumber, Request request) {
    Actor user = Actor.current(identityService).orElseThrow(() ->
        new CallRejectedException(FORBIDDEN, null, "hand-overs are made by the user who holds the step"));
    CallRecord call = calls.readable(trackingNumber);
    if (request == null) {
      throw new CallRejectedException(INVALID, "body", "a JSON object with link, type and summary is required");
    }
    ServiceDefinition service = catalog.find(call.serviceId()).orElseThrow();
    Task task = heldStep(call, user, request.step());
    ServiceDefinition.Link link = link(service, request.link());
    CallType type = type(link, request.type());
    String summary = CallRequestValidator.limited("summary", CallRequestValidator.required("summary",
        request.summary()), CallRequestValidator.MAX_SUMMARY);
    String description = CallRequestValidator.optional("description", request.description(),
        CallRequestValidator.MAX_DESCRIPTION);
    Level impact = CallRequestValidator.level("impact", request.impact(), Level.MEDIUM);
    Level urgency = CallRequestValidator.level("urgency", request.urgency(), Level.MEDIUM);
    Priority priority = SystemAccess.run(identityService, () -> classifier.priority(type, impact, urgency));

    Instant now = UsmClock.now();
    String secret = link.isExternal() ? secret() : null;
    LinkedCall linked = new LinkedCall(UUID.randomUUID().toString(), trackingNumber,
        SystemAccess.run(identityService, () -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()))
            .getKey(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(), service.id(), link.id(),
        link.name(), link.service(), link.isExternal(), type.id(), priority.name(), summary, user.userId(), now,
        now.plus(link.handlingTime(type, priority)), null, LinkStatus.REQUESTED, now, null,
        secret == null ? null : hash(secret), null, null, null);
    Long delivery = transaction.execute(status -> {
      store.add(linked);
      Map<String, Object> data = LinkReports.data(linked);
      data.put("type", type.id());
      data.put("status", LinkStatus.REQUESTED.label());
      data.put("dueAt", linked.dueAt().toString());
      audit.record(new AuditEvent(now, trackingNumber, linked.processKey(), linked.processInstanceId(), linked.step(),
          user.userId(), AuditEvent.Kind.LINKED_CALL, null, "handed part of " + linked.step() + " to link '" + link.id()
              + "' (" + link.name() + "): " + type.id() + " '" + summary + "', due " + linked.dueAt()).withData(data));
      CallRequest providerCall = new CallRequest(link.service(), type.id(), summary,
          link.isExternal() ? link.user() : user.userId(), impact.value(), urgency.value(), null, null, null,
          description, trackingNumber);
      if (!link.isExternal()) {
        String registered = registerInternal(linked, providerCall);
        reports.apply(linked.id(), LinkStatus.REGISTERED, registered, null, "internal");
        return null;
      }
      reports.showOnStep(linked);
      return outbox.add(LinkOutbox.Kind.DELIVERY, linked.id(), trackingNumber, InboundLinks.json(delivery(providerCall,
          linked, secret)), now);
    });
    if (delivery != null) {
      dispatcher.send(delivery); // at once; if the provider does not answer now, the background tries again
    }
    return views.view(store.find(linked.id()).orElseThrow());
  }

  /** The provider's intake refusing the call (a retired service, say) refuses the hand-over, by its link. */
  private String registerInternal(LinkedCall linked, CallRequest providerCall) {
    try {
      return inbound.registerInternal(linked, providerCall);
    } catch (CallRejectedException refused) {
      throw new CallRejectedException(refused.reason(), "link", "link '" + linked.linkId() + "': service '"
          + linked.providerServiceId() + "' does not take the call: " + refused.getMessage());
    }
  }

  /** The open USM step of the call the user holds (is assigned); the one named when they hold several. */
  private Task heldStep(CallRecord call, Actor user, String stepId) {
    List<Task> held = SystemAccess.run(identityService, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(call.trackingNumber()).taskAssignee(user.userId()).list()).stream()
        .filter(task -> Step.byId(task.getTaskDefinitionKey()).filter(Step::isUserTask).isPresent())
        .filter(task -> stepId == null || stepId.equals(task.getTaskDefinitionKey()))
        .toList();
    if (held.isEmpty()) {
      throw new CallRejectedException(FORBIDDEN, "step", "only the user who holds an open step of "
          + call.trackingNumber() + " may hand part of it to a link" + (stepId == null ? "" : " (" + stepId + ")")
          + ": claim the step in Tasklist first");
    }
    if (held.size() > 1) {
      throw new CallRejectedException(INVALID, "step", "you hold several open steps of " + call.trackingNumber() + " ("
          + held.stream().map(Task::getTaskDefinitionKey).collect(Collectors.joining(", ")) + "): name one as step");
    }
    return held.get(0);
  }

  private static ServiceDefinition.Link link(ServiceDefinition service, String linkId) {
    if (linkId == null || linkId.isBlank()) {
      throw new CallRejectedException(INVALID, "link", "link is required: one of " + linkIds(service));
    }
    return service.link(linkId).orElseThrow(() -> new CallRejectedException(NOT_FOUND, "link", "service '"
        + service.id() + "' has no link '" + linkId + "' (its links: " + linkIds(service) + ")"));
  }

  private static String linkIds(ServiceDefinition service) {
    return service.links().isEmpty() ? "none"
        : service.links().stream().map(ServiceDefinition.Link::id).collect(Collectors.joining(", "));
  }

  private static CallType type(ServiceDefinition.Link link, String typeId) {
    CallType type = typeId == null ? null : CallType.fromId(typeId).orElse(null);
    if (type == null || !link.takes(type)) {
      throw new CallRejectedException(INVALID, "type", "link '" + link.id() + "' takes calls of type "
          + String.join(", ", link.callTypes()) + (typeId == null ? "; type is required" : ", not '" + typeId + "'"));
    }
    return type;
  }

  /** The provider's intake request: the call, this call's number as its reference, and where to report. */
  private Map<String, Object> delivery(CallRequest call, LinkedCall linked, String secret) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serviceId", call.serviceId());
    body.put("type", call.type());
    body.put("summary", call.summary());
    if (call.description() != null) {
      body.put("description", call.description());
    }
    body.put("requester", call.requester());
    body.put("impact", call.impact());
    body.put("urgency", call.urgency());
    body.put("reference", call.reference());
    body.put("callback", Map.of("url", publicUrl() + "/api/linked-calls/" + linked.id() + "/status", "secret", secret));
    return body;
  }

  private String publicUrl() {
    if (settings.publicUrl() != null && !settings.publicUrl().isBlank()) {
      return settings.publicUrl().replaceAll("/+$", "");
    }
    return "http://localhost:" + environment.getProperty("local.server.port",
        environment.getProperty("server.port", "8080"));
  }

  /** A secret for one linked call: 256 random bits, URL-safe. */
  static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
