package org.usm.engine;

import java.util.Set;

/**
 * The names of the beans the product's models use in their expressions, and the only beans any expression
 * in the engine can reach (see {@link UsmEnginePlugin}). Each bean takes its name from here.
 */
public final class ModelBeans {

  private ModelBeans() {}

  /** Candidate groups of every USM user task: {@code ${usmRoles.ofStep(execution)}}. */
  public static final String ROLES = "usmRoles";
  /** The process a decided fork calls: {@code ${usmRoutes.calledProcess(execution)}}. */
  public static final String ROUTES = "usmRoutes";
  /** The end-to-end SLA breach of a call, in the workflow templates. */
  public static final String SLA_BREACH = "slaBreach";
  /** C8_UpdateMir's delegate. */
  public static final String UPDATE_MIR = "updateMir";

  public static final Set<String> NAMES = Set.of(ROLES, ROUTES, SLA_BREACH, UPDATE_MIR);
}
