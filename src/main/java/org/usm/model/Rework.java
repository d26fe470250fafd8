package org.usm.model;

import java.util.function.Function;

/**
 * When work of a call goes back, the rework the owners' figures count (DESIGN §13): a review at which the
 * requester did not accept the delivery (the work goes back inside the process, H10), or a failed test at
 * C5 (the change goes back to C3).
 */
public final class Rework {

  private Rework() {}

  /** Whether completing the step with these variables sends the work back. */
  public static boolean wentBack(Step step, Function<String, Object> variables) {
    if (step.kind() == StepKind.REVIEW) {
      return !Boolean.TRUE.equals(variables.apply(CallVariables.REQUESTER_ACCEPTED));
    }
    return step == Step.C5_TestAndRelease && Boolean.FALSE.equals(variables.apply(CallVariables.TEST_ACCEPTED));
  }
}
