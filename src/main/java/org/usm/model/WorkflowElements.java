package org.usm.model;

/** Element ids shared by the eight workflow templates in {@code bpmn/workflows/}. */
public final class WorkflowElements {

  private WorkflowElements() {}

  public static final String CALL_REGISTERED = "WF_CallRegistered";
  /** The call activity that runs the pattern's entry process. */
  public static final String ENTRY_PROCESS = "WF_EntryProcess";
  /** The non-interrupting timer on the entry process: the call's end-to-end SLA. */
  public static final String SLA_BREACHED = "WF_SlaBreached";
  /** The workflow coordinator's escalation task when the end-to-end SLA has passed. */
  public static final String STEER_SLA_BREACH = "WF_SteerSlaBreach";
  public static final String SLA_BREACH_RECORDED = "WF_SlaBreachRecorded";
  public static final String CALL_CLOSED = "WF_CallClosed";
}
