package org.usm.demo;

import static org.usm.model.CallVariables.AGREEMENT_REACHED;
import static org.usm.model.CallVariables.CHANGED_COMPONENTS;
import static org.usm.model.CallVariables.DEPLOYMENT_PLAN;
import static org.usm.model.CallVariables.MEASURE_DESCRIPTION;
import static org.usm.model.CallVariables.MEASURE_TYPE;
import static org.usm.model.CallVariables.RECOVERY_ROUTE;
import static org.usm.model.CallVariables.REQUESTER_ACCEPTED;
import static org.usm.model.CallVariables.RFC_DESCRIPTION;
import static org.usm.model.CallVariables.SERVICE_REQUEST_DESCRIPTION;
import static org.usm.model.CallVariables.TEST_ACCEPTED;

import java.util.HashMap;
import java.util.Map;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;

/**
 * What a step must hand in to take a call of a pattern along its path without detours: exactly the
 * contract's decision variables (DESIGN §3), nothing more. The demo's calls are worked with them, and so
 * are the tests' (a client that sends exactly these can drive every path).
 */
public final class StepDecisions {

  private StepDecisions() {}

  /**
   * The variables of the step.
   *
   * @param component the managed component a change modifies (C3 names one of the service's)
   * @param text what the user writes where the step asks for a text (a specification, a request, a
   *     measure, a deployment plan); null for a plain default
   */
  public static Map<String, Object> of(Step step, WorkflowPattern pattern, String component, String text) {
    Map<String, Object> variables = new HashMap<>();
    switch (step) {
      case C3_PlanAndAgree -> {
        if (component == null) {
          throw new IllegalArgumentException("C3 names the managed components the change modifies: give one");
        }
        variables.put(CHANGED_COMPONENTS, component);
      }
      case A3_SpecifyService -> variables.put(RFC_DESCRIPTION, or(text, "Realise the agreed service change"));
      case A5_Negotiate -> variables.put(AGREEMENT_REACHED, true);
      case C5_TestAndRelease -> {
        variables.put(TEST_ACCEPTED, true);
        variables.put(DEPLOYMENT_PLAN, or(text, "Deploy on Tuesday 07:00, rollback plan attached"));
      }
      case R4_PrepareRecovery -> {
        UsmProcess route = pattern.decidedRoute().orElseThrow();
        variables.put(RECOVERY_ROUTE, route.id());
        variables.put(route == UsmProcess.CHANGE ? RFC_DESCRIPTION : SERVICE_REQUEST_DESCRIPTION,
            or(text, "Repair as analysed in R3"));
      }
      case I4_SelectMeasure -> {
        variables.put(MEASURE_TYPE, pattern.decidedRoute().orElseThrow().id());
        variables.put(MEASURE_DESCRIPTION, or(text, "Mitigate the risk found in I3"));
      }
      default -> {
        if (step.kind() == StepKind.REVIEW) {
          variables.put(REQUESTER_ACCEPTED, true);
        }
      }
    }
    return variables;
  }

  private static String or(String text, String fallback) {
    return text == null ? fallback : text;
  }
}
