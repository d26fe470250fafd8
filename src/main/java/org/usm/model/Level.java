package org.usm.model;

import java.util.Arrays;
import java.util.Optional;

/** The three-point scale of impact, urgency, effect and likelihood. */
public enum Level {
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String value;

  Level(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<Level> fromValue(String value) {
    return Arrays.stream(values()).filter(l -> l.value.equals(value)).findFirst();
  }
}
