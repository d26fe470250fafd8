package org.usm.model;

import java.util.Arrays;
import java.util.Optional;

/** The call types of USM: four customer-facing support requests plus the risk that triggers Improve. */
public enum CallType {
  WISH("wish", "WSH"),
  RFC("rfc", "RFC"),
  INCIDENT("incident", "INC"),
  SERVICE_REQUEST("service-request", "SRQ"),
  RISK("risk", "RSK");

  private final String id;
  private final String trackingPrefix;

  CallType(String id, String trackingPrefix) {
    this.id = id;
    this.trackingPrefix = trackingPrefix;
  }

  /** The value used in the intake API and in service definitions, for example {@code service-request}. */
  public String id() {
    return id;
  }

  /** The prefix of tracking numbers of this call type, for example {@code INC}. */
  public String trackingPrefix() {
    return trackingPrefix;
  }

  public static Optional<CallType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  public static Optional<CallType> fromTrackingPrefix(String prefix) {
    return Arrays.stream(values()).filter(t -> t.trackingPrefix.equals(prefix)).findFirst();
  }
}
