package org.usm.intake;

import static org.usm.intake.CallRejectedException.Reason.CONFLICT;
import static org.usm.intake.CallRejectedException.Reason.INVALID;
import static org.usm.intake.CallRejectedException.Reason.NOT_FOUND;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.usm.definition.ServiceDefinition;
import org.usm.model.CallType;
import org.usm.model.Level;
import org.usm.model.WorkflowPattern;

/**
 * Intake's rules for a new call (DESIGN §3, rules H2 and H12). Plain Java: the first broken rule is
 * reported with its field, before anything is numbered, started or stored.
 */
public final class CallRequestValidator {

  public static final int MAX_SUMMARY = 500;
  public static final int MAX_REQUESTER = 255;
  public static final int MAX_DESCRIPTION = 4000;
  static final int MAX_REFERENCE = 100;

  private final Function<String, Optional<ServiceDefinition>> services;
  private final BiPredicate<String, LocalDate> hasActiveAgreement;

  /**
   * @param services finds a service definition by id
   * @param hasActiveAgreement whether the agreements register holds an agreement in force for the service
   */
  public CallRequestValidator(Function<String, Optional<ServiceDefinition>> services,
      BiPredicate<String, LocalDate> hasActiveAgreement) {
    this.services = services;
    this.hasActiveAgreement = hasActiveAgreement;
  }

  public NewCall validate(CallRequest request, LocalDate today) {
    if (request == null) {
      throw new CallRejectedException(INVALID, "body", "a JSON object with serviceId, type, summary and requester is required");
    }
    String serviceId = required("serviceId", request.serviceId());
    ServiceDefinition service = services.apply(serviceId).orElseThrow(() ->
        new CallRejectedException(NOT_FOUND, "serviceId", "unknown service '" + serviceId + "'"));
    String typeId = required("type", request.type());
    CallType type = CallType.fromId(typeId).orElseThrow(() -> new CallRejectedException(INVALID, "type",
        "must be one of " + Arrays.stream(CallType.values()).map(CallType::id).collect(Collectors.joining(", "))
            + " (got '" + typeId + "')"));
    String summary = limited("summary", required("summary", request.summary()), MAX_SUMMARY);
    String requester = limited("requester", required("requester", request.requester()), MAX_REQUESTER);
    Level impact = level("impact", request.impact(), Level.MEDIUM);
    Level urgency = level("urgency", request.urgency(), Level.MEDIUM);
    Level effect = null;
    Level likelihood = null;
    if (type == CallType.RISK) {
      effect = level("effect", request.effect(), impact);
      likelihood = level("likelihood", request.likelihood(), urgency);
    } else {
      onlyForRisks("effect", request.effect());
      onlyForRisks("likelihood", request.likelihood());
    }
    String description = optional("description", request.description(), MAX_DESCRIPTION);
    String reference = optional("reference", request.reference(), MAX_REFERENCE);
    WorkflowPattern pattern = pattern(request.pattern(), type);
    if (type == CallType.RFC && !hasActiveAgreement.test(serviceId, today)) {
      throw new CallRejectedException(CONFLICT, "serviceId", "rule H2: service '" + serviceId
          + "' has no active agreement, so a change cannot be requested; submit a wish to agree on the service first");
    }
    return new NewCall(service, type, summary, requester, impact, urgency, effect, likelihood, pattern, description,
        reference);
  }

  /**
   * The requester of a call is a user who exists (DESIGN §7): the requester rules (SOD-3, SOD-4, SOD-8) and the
   * requester's access to their own call rest on a real user id. Intake asks it only of a user who may register
   * (H12), so that nobody else learns from intake which users exist.
   *
   * @param isUser whether the identity service knows a user of that id
   */
  public static void requireExistingRequester(NewCall call, Predicate<String> isUser) {
    if (!isUser.test(call.requester())) {
      throw new CallRejectedException(INVALID, "requester", "rule H12: requester '" + call.requester()
          + "' is not a user: name the user the call is for (yourself, or the person the service desk registers it "
          + "for); the requester rules (SOD-3, SOD-4, SOD-8) and the requester's access to their own call rest on a "
          + "real user id");
    }
  }

  /** The text stripped, or null when blank; refused by field when longer than {@code max}. */
  public static String optional(String field, String value, int max) {
    return value == null || value.isBlank() ? null : limited(field, value.strip(), max);
  }

  /** The text stripped; refused by field when blank. */
  public static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CallRejectedException(INVALID, field, field + " is required");
    }
    return value.strip();
  }

  public static String limited(String field, String value, int max) {
    if (value.length() > max) {
      throw new CallRejectedException(INVALID, field, field + " must be at most " + max + " characters");
    }
    return value;
  }

  /** The level, {@code fallback} when none is given; refused by field when it is not high, medium or low. */
  public static Level level(String field, String value, Level fallback) {
    if (value == null) {
      return fallback;
    }
    return Level.fromValue(value).orElseThrow(() -> new CallRejectedException(INVALID, field,
        field + " must be high, medium or low (got '" + value + "')"));
  }

  private static void onlyForRisks(String field, String value) {
    if (value != null) {
      throw new CallRejectedException(INVALID, field, field + " is only given for calls of type risk");
    }
  }

  private static WorkflowPattern pattern(String value, CallType type) {
    if (value == null) {
      return WorkflowPattern.defaultFor(type);
    }
    WorkflowPattern pattern = WorkflowPattern.fromName(value).orElseThrow(() ->
        new CallRejectedException(INVALID, "pattern", "pattern must be one of WF1 to WF8 (got '" + value + "')"));
    if (pattern.callType() != type) {
      throw new CallRejectedException(INVALID, "pattern", "pattern " + pattern.name() + " handles calls of type "
          + pattern.callType().id() + ", not " + type.id());
    }
    return pattern;
  }
}
