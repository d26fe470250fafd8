package org.usm.model;

import java.util.Set;

/**
 * Names of the process variables of a call. One place for every name that BPMN expressions, Java code,
 * forms and tests share.
 */
public final class CallVariables {

  private CallVariables() {}

  // The call's context: set at intake, carried into every process of the call (rule H9).
  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String SERVICE_ID = "serviceId";
  public static final String SERVICE_NAME = "serviceName";
  /** The tracking number of the call that started this one, for example the call whose evaluation raised a risk. */
  public static final String SOURCE_CALL = "sourceCall";
  public static final String CALL_TYPE = "callType";
  public static final String SUMMARY = "summary";
  public static final String REQUESTER = "requester";
  public static final String PATTERN = "pattern";
  /** The instantiated workflow definition whose service bindings (groups, SLA) the call follows. */
  public static final String WORKFLOW_DEFINITION_ID = "workflowDefinitionId";
  public static final String SLA_DUE_DATE = "slaDueDate";
  /** True in the entry process of the workflow, false in a secondary process started at a fork. */
  public static final String ENTRY_PROCESS = "entryProcess";

  /** Set when the end-to-end SLA of the call has passed before the call closed. */
  public static final String SLA_BREACHED = "slaBreached";
  /** How a secondary process ended ({@link ProcessOutcome}), set by the product at its end event. */
  public static final String PROCESS_OUTCOME = "processOutcome";
  /** The outcome of the fork that just returned, mapped explicitly from the called process's {@link #PROCESS_OUTCOME}. */
  public static final String FORK_OUTCOME = "forkOutcome";
  /** {@code workflow fulfilled} in the entry process, {@code process fulfilled} in a secondary one (H10). */
  public static final String FULFILMENT_STATUS = "fulfilmentStatus";

  // Classification.
  public static final String IMPACT = "impact";
  public static final String URGENCY = "urgency";
  public static final String EFFECT = "effect";
  public static final String LIKELIHOOD = "likelihood";
  public static final String PRIORITY = "priority";

  /**
   * The call's context as every call activity carries it into the process it calls ({@code camunda:in}, checked by
   * ModelFilesTest): copies of the caller's values, so the history keeps them where the call set them and records a
   * copy only once a called process changes it ({@code org.usm.engine.CallHistoryLevel}).
   */
  public static final Set<String> CALL_CONTEXT = Set.of(TRACKING_NUMBER, SERVICE_ID, SERVICE_NAME,
      SOURCE_CALL, SUMMARY, REQUESTER, IMPACT, URGENCY, PRIORITY, PATTERN, WORKFLOW_DEFINITION_ID, SLA_DUE_DATE);

  // Decisions and handover payloads (DESIGN §3).
  public static final String AGREEMENT_REACHED = "agreementReached";
  public static final String TEST_ACCEPTED = "testAccepted";
  public static final String DEPLOYMENT_PLAN = "deploymentPlan";
  public static final String RECOVERY_ROUTE = "recoveryRoute";
  public static final String RFC_DESCRIPTION = "rfcDescription";
  public static final String SERVICE_REQUEST_DESCRIPTION = "serviceRequestDescription";
  public static final String MEASURE_TYPE = "measureType";
  public static final String MEASURE_DESCRIPTION = "measureDescription";
  public static final String REQUESTER_ACCEPTED = "requesterAccepted";

  // The customer's verdict on the delivery (DESIGN §14): set by the product on the review step's process when the
  // requester gives it over the call API, reset when a review opens; the review's coordinator reads them.
  /** The customer accepted the delivery (true) or not (false); absent while no verdict is given. */
  public static final String CUSTOMER_ACCEPTED = "customerAccepted";
  /** The customer's comment with the verdict; absent while none is given. */
  public static final String CUSTOMER_COMMENT = "customerComment";
  /** The customer's verdict in words, as the review step's form shows it ({@code No verdict yet} until given). */
  public static final String CUSTOMER_VERDICT = "customerVerdict";
  public static final String IMPROVEMENT_FINDINGS = "improvementFindings";
  /** Required at C3: the ids of the service's managed components the change modifies (rule H1). */
  public static final String CHANGED_COMPONENTS = "changedComponents";
  /**
   * On the C3 task only (task-local): the service's managed components as the register holds them when the task
   * opens, a line each with id and name, so that the coordinator chooses the ids of {@link #CHANGED_COMPONENTS}.
   */
  public static final String SERVICE_COMPONENTS = "serviceComponents";
  /**
   * Optional at C3, default true: false rejects the change (DESIGN §12), with {@link #REJECTION_REASON};
   * nothing is built, tested or deployed, and C9 evaluates the call.
   */
  public static final String PLAN_APPROVED = "planApproved";
  /** Required when C3 rejects the change: why. */
  public static final String REJECTION_REASON = "rejectionReason";
  /** Required when R4 decides that no fix is needed (route {@code none}): why. */
  public static final String RESOLUTION = "resolution";
  /** Required when I4 accepts the risk (measure {@code none}): why. */
  public static final String RATIONALE = "rationale";
  /** Optional at O3, default true: false means the request cannot be done; O4 is skipped (DESIGN §12). */
  public static final String FEASIBLE = "feasible";
  /** Required when O3 finds the request not feasible: why. */
  public static final String NOT_FEASIBLE_REASON = "reason";
  /**
   * Optional at the accept step of the call's entry process: the call type the call should have been registered
   * as (DESIGN §12). A call of that type is registered for the same service and requester, linked both ways,
   * and this call goes straight to its evaluation, with {@link #RECLASSIFICATION_REASON}.
   */
  public static final String RECLASSIFY_AS = "reclassifyAs";
  /** Required when an accept step reclassifies the call: why it is of another type. */
  public static final String RECLASSIFICATION_REASON = "reclassificationReason";
  /** Optional at accept steps: the ids of the service's managed components the call concerns (rule H12). */
  public static final String CONCERNED_COMPONENTS = "concernedComponents";
  /** Optional, at A5: the id of the agreement reached; generated from the tracking number when absent. */
  public static final String AGREEMENT_ID = "agreementId";

  /**
   * On a step's task: the calls the step handed to links of the service and what their providers last
   * reported, one a line (rule L1); set by the product, shown on the step's form.
   */
  public static final String LINKED_CALLS = "linkedCalls";

  /**
   * On the SLA escalation's task: the call's open steps as the breach found them, with who holds them,
   * their groups and since when, one a line; set by the product, shown on the escalation's form.
   */
  public static final String OPEN_STEPS = "openSteps";
  /** The escalation's steering: the open step (its code) the coordinator steers, if any. */
  public static final String STEER_STEP = "steerStep";
  /** The escalation's steering: the member of the step's groups it is assigned to. */
  public static final String STEER_ASSIGNEE = "steerAssignee";
  /** The escalation's steering: the team of the step's process it moves to. */
  public static final String STEER_GROUP = "steerGroup";
  /** The escalation's steering: the step is taken from whoever holds it, back to its groups. */
  public static final String STEER_UNASSIGN = "steerUnassign";
}
