package org.usm.intake;

/**
 * The call register changed a call's status, published in the transaction of the change so that what
 * depends on it (the status report to an organisation that handed the call over) is stored with it or
 * not at all. {@code reason} says why where the status alone does not (a cancellation's reason).
 */
public record CallStatusChanged(String trackingNumber, CallStatus status, String reason) {}
