package org.usm.testing;


import java.util.Map;
import org.usm.demo.DemoCalls;
import org.usm.demo.StepDecisions;
import org.usm.model.Step;
import org.usm.model.WorkflowPattern;

/**
 * The contract's variables (DESIGN §3) that take a call of a pattern along its path without detours:
 * exactly what a client must send at each step, nothing more.
 */
public final class HappyPath {

  private HappyPath() {}

  /** The variables of the step; a step that names the service's components (C3) needs {@link #variables(Step, WorkflowPattern, String)}. */
  public static Map<String, Object> variables(Step step, WorkflowPattern pattern) {
    if (step == Step.C3_PlanAndAgree) {
      throw new IllegalArgumentException("C3 names managed components of the call's service: pass the service id");
    }
    return variables(step, pattern, null);
  }

  /** The variables of the step for a call of the service: C3 names the service's first managed component. */
  public static Map<String, Object> variables(Step step, WorkflowPattern pattern, String serviceId) {
    return StepDecisions.of(step, pattern, step == Step.C3_PlanAndAgree ? firstComponentOf(serviceId) : null, null);
  }

  /**
   * The demo user who works the step: the coordinator for coordinators' steps, the operator for operators'
   * steps, except that a change is tested and released (C5) by the tester, since whoever built or
   * executed anything for the call may not test it (separation of duties).
   */
  public static String demoUser(Step step) {
    return DemoCalls.demoUser(step);
  }


  /** Works every user task of the pattern's path in order, asserting the call waits at each. */
  public static void drive(CallDriver call, WorkflowPattern pattern) {
    for (Step step : pattern.path()) {
      if (step.isUserTask()) {
        call.complete(step, variables(step, pattern, call.serviceId()));
      }
    }
  }

  private static final Map<String, String> FIRST_COMPONENTS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The first managed component of a service shipped with the product or the tests, from its definition file. */
  public static String firstComponentOf(String serviceId) {
    if (serviceId == null) {
      throw new IllegalArgumentException("no service given");
    }
    return FIRST_COMPONENTS.computeIfAbsent(serviceId, id -> {
      org.usm.definition.ServiceDefinitionReader reader = new org.usm.definition.ServiceDefinitionReader();
      for (org.springframework.core.io.Resource resource : UsmTestEngine.resources("classpath*:services/*.yaml",
          "classpath*:test-services/*.yaml", "classpath*:cluster-services/*.yaml")) {
        if (resource.getFilename().equals(id + ".yaml")) {
          try (java.io.InputStream in = resource.getInputStream()) {
            return reader.read(resource.getFilename(), in, id).components().get(0).id();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      throw new IllegalArgumentException("no definition of service " + id);
    });
  }
}
