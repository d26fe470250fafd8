package org.usm.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The two route decisions of USM, declared once: the step that decides (R4, I4), the variable it decides
 * in, the fork that follows (R5, I5) and the processes it may select. A route's value is the id of the
 * process it selects ({@code change}, {@code operate}, {@code agree}). Read by the rules (what may be
 * decided), by the re-route (which pattern follows), by the models through {@code usmRoutes} (which
 * process the fork calls) and checked against the forms' options by a test.
 */
public enum RouteDecision {
  RECOVERY(Step.R4_PrepareRecovery, CallVariables.RECOVERY_ROUTE, Step.R5_Recover,
      EnumSet.of(UsmProcess.CHANGE, UsmProcess.OPERATE)),
  MEASURE(Step.I4_SelectMeasure, CallVariables.MEASURE_TYPE, Step.I5_DeployMeasure,
      EnumSet.of(UsmProcess.AGREE, UsmProcess.CHANGE, UsmProcess.OPERATE));

  /**
   * The route that needs no fork (DESIGN §12): no fix needed at R4, the risk accepted at I4; an exit of the
   * process ({@link ProcessExit}), with its reason, still reviewed and evaluated.
   */
  public static final String NONE = "none";

  private final Step decidedAt;
  private final String variable;
  private final Step fork;
  private final Set<UsmProcess> targets;

  RouteDecision(Step decidedAt, String variable, Step fork, Set<UsmProcess> targets) {
    this.decidedAt = decidedAt;
    this.variable = variable;
    this.fork = fork;
    this.targets = targets;
  }

  public Step decidedAt() {
    return decidedAt;
  }

  public String variable() {
    return variable;
  }

  public Step fork() {
    return fork;
  }

  public Set<UsmProcess> targets() {
    return targets;
  }

  /** The values the deciding step offers: the ids of the target processes, and {@link #NONE}. */
  public Set<String> options() {
    Set<String> options = targets.stream().map(UsmProcess::id).collect(Collectors.toCollection(TreeSet::new));
    options.add(NONE);
    return options;
  }

  /** The process a value selects; empty for a value that is not one of {@link #options()}. */
  public Optional<UsmProcess> target(Object value) {
    return targets.stream().filter(p -> p.id().equals(value)).findFirst();
  }

  public static Optional<RouteDecision> decidedAt(Step step) {
    return Arrays.stream(values()).filter(d -> d.decidedAt == step).findFirst();
  }

  public static Optional<RouteDecision> forkedAt(Step step) {
    return Arrays.stream(values()).filter(d -> d.fork == step).findFirst();
  }
}
