package org.usm.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Call priority, the outcome of the classify steps (impact x urgency, or effect x likelihood for risks).
 * P1 is the most urgent. SLA handling times in a service definition are given per priority.
 */
public enum Priority {
  P1(100),
  P2(75),
  P3(50),
  P4(25);

  private final int taskPriority;

  Priority(int taskPriority) {
    this.taskPriority = taskPriority;
  }

  /** The Camunda task priority that Tasklist sorts by. */
  public int taskPriority() {
    return taskPriority;
  }

  public static Optional<Priority> fromName(String name) {
    return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
  }
}
