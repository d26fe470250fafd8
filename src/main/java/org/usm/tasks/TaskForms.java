package org.usm.tasks;

import org.usm.model.Step;

/**
 * Which Camunda Form (in {@code forms/}) each kind of user task shows. Steps of one kind share a form:
 * every accept step, every review, every evaluation; a core step has its own.
 */
public final class TaskForms {

  private TaskForms() {}

  /** The form of the workflow coordinator's task when a call's end-to-end SLA has passed. */
  public static final String STEER_SLA_BREACH = "usm-steer-sla-breach";

  public static String formOf(Step step) {
    if (step == Step.I1_IdentifyRisk) {
      return "usm-identify-risk";
    }
    return switch (step.kind()) {
      case ACCEPT -> "usm-accept";
      case REVIEW -> "usm-review";
      case EVALUATE -> "usm-evaluate";
      case CORE -> "usm-" + kebab(step.id().substring(step.id().indexOf('_') + 1));
      default -> throw new IllegalArgumentException(step.id() + " is not a user task");
    };
  }

  /** {@code PrepareRecovery} becomes {@code prepare-recovery}. */
  static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
  }
}
