package org.usm.intake;

/**
 * A call that intake refuses. Carries the field at fault and the HTTP status that fits; nothing has been
 * started or stored when it is thrown.
 */
public class CallRejectedException extends RuntimeException {

  /** Why intake refuses, which decides the HTTP status. */
  public enum Reason {
    INVALID(400),
    NOT_FOUND(404),
    FORBIDDEN(403),
    CONFLICT(409),
    /** The product is starting and cannot take calls yet. */
    UNAVAILABLE(503);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;
  private final String field;

  public CallRejectedException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  public String field() {
    return field;
  }
}
