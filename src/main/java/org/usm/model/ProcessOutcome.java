package org.usm.model;

/**
 * How a universal process ended, as a fork hands it back to its caller (rule H9): the called process sets
 * it at its end event and the call activity maps it explicitly into the caller as
 * {@link CallVariables#FORK_OUTCOME}, where the next step's form shows it and the call's status reads it.
 */
public enum ProcessOutcome {
  /** The process ran to its closing end event: what it was asked for was delivered and accepted. */
  DELIVERED("delivered"),
  /**
   * The process ran to its end through an exit its coordinator decided (a change rejected at C3, no
   * agreement at A5, ...), and was evaluated: nothing was realised (DESIGN §12).
   */
  NOT_REALISED("not realised");

  private final String label;

  ProcessOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The outcome of a process that ran to its end, after an exit or not. */
  public static ProcessOutcome ofRun(boolean exitTaken) {
    return exitTaken ? NOT_REALISED : DELIVERED;
  }

  public static boolean isDelivered(Object label) {
    return label == null || DELIVERED.label.equals(label);
  }
}
