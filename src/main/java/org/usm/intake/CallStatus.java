package org.usm.intake;

/** The status of a call as the requester and the auditor read it (REFERENCE §5.3, DESIGN §3). */
public enum CallStatus {
  REGISTERED("registered"),
  IN_PROGRESS("in progress"),
  FULFILLED("fulfilled"),
  CLOSED("closed"),
  RE_ROUTED("re-routed"),
  /** An administrator ended the call's workflow before it closed (an intervention, on the call's trail). */
  CANCELLED("cancelled"),
  /** Its requester, a coordinator of its service or an administrator withdrew it before fulfilment (DESIGN §12). */
  WITHDRAWN("withdrawn"),
  /**
   * An accept step found the call registered as the wrong type: a call of the right type goes on in its place
   * (DESIGN §12). It stays so when its evaluation closes it.
   */
  RECLASSIFIED("reclassified");

  private final String label;

  CallStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static CallStatus fromLabel(String label) {
    for (CallStatus status : values()) {
      if (status.label.equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown call status " + label);
  }
}
