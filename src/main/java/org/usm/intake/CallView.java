package org.usm.intake;

import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A call as {@code GET /api/calls/{trackingNumber}} shows it; {@code suspended} when an administrator
 * suspended its workflow, {@code cancellation} (who, when, why) when one cancelled it; the managed
 * components the call concerns (H12) and those its change modifies (H1); the calls its steps handed to
 * links ({@code links}), and for a call handed over to this installation its {@code reference} there and
 * its status reports to that installation while they are not yet through ({@code linkReports}); for a call an
 * accept step reclassified, the call that goes on in its place ({@code reclassifiedAs}), which names this one as
 * the call it came from ({@code linkedCalls.from}); the customer's latest verdict on a delivery
 * ({@code confirmation}: accepted, comment, at, by), null while none is given (DESIGN §14).
 */
public record CallView(
    String trackingNumber,
    String type,
    String serviceId,
    String serviceName,
    String summary,
    @JsonInclude(JsonInclude.Include.NON_NULL) String description,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reference,
    String requester,
    @JsonInclude(JsonInclude.Include.NON_NULL) String raisedBy,
    String pattern,
    String predictedPattern,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) String outcome,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reclassifiedAs,
    Instant registeredAt,
    Instant slaDueDate,
    Instant slaBreachedAt,
    String processInstanceId,
    String processDefinitionKey,
    List<OpenStep> openSteps,
    LinkedCalls linkedCalls,
    List<Link> links,
    @JsonInclude(JsonInclude.Include.NON_NULL) Delivery linkReports,
    boolean suspended,
    CallRecord.Cancellation cancellation,
    List<String> concernedComponents,
    List<String> changedComponents,
    CallRecord.Confirmation confirmation) {

  /**
   * A user task of the call that is waiting to be worked: who holds it ({@code assignee}, null while
   * nobody does), the groups it is given to, and since when it is open.
   */
  public record OpenStep(String step, String name, String process, String taskId, String assignee,
      List<String> groups, Instant since, Instant due) {}

  /**
   * A call a step handed to a link of the service (DESIGN §11): the link, the provider's tracking number
   * and status as last reported, the step that waits for it (rule L1) and the link's agreement
   * ({@code dueAt}); {@code delivery} while the hand-over or a report is not yet through to the other side.
   */
  public record Link(String id, String link, String linkName, String type, String summary, String trackingNumber,
      String status, String message, String step, String requestedBy, Instant requestedAt, Instant dueAt,
      Instant breachedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Delivery delivery) {}

  /**
   * What is still on its way to the other installation: {@code pending} while it is tried, {@code failing}
   * after several failed attempts (an administrator's retry sends it at once).
   */
  public record Delivery(String state, int attempts, String lastError, Instant nextAttemptAt) {}

  /** The call this one came from and the calls it started (rule H8). */
  public record LinkedCalls(String from, List<String> started) {}
}
