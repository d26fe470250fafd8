package org.usm.intake;

import java.time.Instant;
import java.util.List;

/**
 * A call as {@code GET /api/calls/{trackingNumber}} shows it; {@code suspended} when an administrator
 * suspended its workflow, {@code cancellation} (who, when, why) when one cancelled it; the managed
 * components the call concerns (H12) and those its change modifies (H1).
 */
public record CallView(
    String trackingNumber,
    String type,
    String serviceId,
    String serviceName,
    String summary,
    String requester,
    String pattern,
    String predictedPattern,
    String status,
    Instant registeredAt,
    Instant slaDueDate,
    Instant slaBreachedAt,
    String processInstanceId,
    String processDefinitionKey,
    List<OpenStep> openSteps,
    LinkedCalls linkedCalls,
    boolean suspended,
    CallRecord.Cancellation cancellation,
    List<String> concernedComponents,
    List<String> changedComponents) {

  /** A user task of the call that is waiting to be worked. */
  public record OpenStep(String step, String name, String process, String taskId, String assignee,
      Instant due) {}

  /** The call this one came from and the calls it started (rule H8). */
  public record LinkedCalls(String from, List<String> started) {}
}
