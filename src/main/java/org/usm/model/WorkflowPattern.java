package org.usm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eight USM workflow patterns (REFERENCE §5). Each is a BPMN template in {@code bpmn/workflows/}
 * instantiated per service as {@code usm-wf<N>-<serviceId>}. A pattern is its entry process plus the
 * route taken at that process's fork.
 */
public enum WorkflowPattern {
  WF1(1, "Changes to agreements", UsmProcess.AGREE, null),
  WF2(2, "Changes to managed resources", UsmProcess.CHANGE, null),
  WF3(3, "Incidents with changes to managed resources", UsmProcess.RECOVER, UsmProcess.CHANGE),
  WF4(4, "Incidents without changes to managed resources", UsmProcess.RECOVER, UsmProcess.OPERATE),
  WF5(5, "Operations", UsmProcess.OPERATE, null),
  WF6(6, "Risks with changes to agreements", UsmProcess.IMPROVE, UsmProcess.AGREE),
  WF7(7, "Risks with changes to managed resources", UsmProcess.IMPROVE, UsmProcess.CHANGE),
  WF8(8, "Risks handled by operations", UsmProcess.IMPROVE, UsmProcess.OPERATE);

  private final int number;
  private final String title;
  private final UsmProcess entryProcess;
  private final UsmProcess routedTo;

  WorkflowPattern(int number, String title, UsmProcess entryProcess, UsmProcess routedTo) {
    this.number = number;
    this.title = title;
    this.entryProcess = entryProcess;
    this.routedTo = routedTo;
  }

  public int number() {
    return number;
  }

  public String title() {
    return title;
  }

  public UsmProcess entryProcess() {
    return entryProcess;
  }

  public CallType callType() {
    return entryProcess.trigger();
  }

  /**
   * The process the entry process forks to when the route is a decision (R4 for incidents, I4 for
   * risks); empty where the fork is fixed (Agree realises through Change, Change deploys through
   * Operate) or where there is none (Operate).
   */
  public Optional<UsmProcess> decidedRoute() {
    return Optional.ofNullable(routedTo);
  }

  /** The process definition key of this pattern instantiated for a service: {@code usm-wf4-verhuizing}. */
  public String keyFor(String serviceId) {
    return "usm-wf" + number + "-" + serviceId;
  }

  /** The name of this pattern instantiated for a service: {@code WF4 Incidents without ... · Verhuizing}. */
  public String nameFor(String serviceName) {
    return name() + " " + title + " · " + serviceName;
  }

  /** The classpath location of the template. */
  public String templateResource() {
    return "bpmn/workflows/usm-wf" + number + ".bpmn";
  }

  /** The process definition key of the template itself, which is never deployed raw. */
  public String templateKey() {
    return "usm-wf" + number + "-template";
  }

  /**
   * The USM steps a call of this pattern passes, in order: the entry process with the whole secondary
   * process inserted at its fork (REFERENCE §5.1). The classify, fork and register steps are included.
   */
  public List<Step> path() {
    return expand(entryProcess, routedTo);
  }

  private static List<Step> expand(UsmProcess process, UsmProcess decidedRoute) {
    List<Step> path = new ArrayList<>();
    for (Step step : Step.of(process)) {
      path.add(step);
      if (step.kind() == StepKind.FORK) {
        UsmProcess child = decidedRoute != null ? decidedRoute : fixedFork(process);
        path.addAll(expand(child, null));
      }
    }
    return path;
  }

  private static UsmProcess fixedFork(UsmProcess process) {
    return switch (process) {
      case AGREE -> UsmProcess.CHANGE;
      case CHANGE -> UsmProcess.OPERATE;
      default -> throw new IllegalStateException(process + " has no fixed fork");
    };
  }

  public static Optional<WorkflowPattern> fromName(String name) {
    return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
  }

  /** The pattern whose entry process and route match, for example Recover routed to Change is WF3. */
  public static WorkflowPattern of(UsmProcess entryProcess, UsmProcess route) {
    return Arrays.stream(values())
        .filter(p -> p.entryProcess == entryProcess && (p.routedTo == null || p.routedTo == route))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pattern for " + entryProcess + " -> " + route));
  }

  /** The pattern intake predicts for a call type when the requester names none. */
  public static WorkflowPattern defaultFor(CallType type) {
    return switch (type) {
      case WISH -> WF1;
      case RFC -> WF2;
      case INCIDENT -> WF4;
      case SERVICE_REQUEST -> WF5;
      case RISK -> WF8;
    };
  }
}
