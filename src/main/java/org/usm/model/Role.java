package org.usm.model;

/**
 * Who works a user task, per USM process (book ch. 14.6): coordinators organise the work (accept,
 * plan, decide routes and agreements, review, evaluate) and do not execute it; operators of the solution
 * teams execute it (specify, build, test, analyse, execute, determine causes). Each step's role is
 * declared once, in {@link Step}, and justified in docs/usm-mapping.md.
 */
public enum Role {
  COORDINATOR("coordinators"),
  OPERATOR("operators");

  private final String bindingName;

  Role(String bindingName) {
    this.bindingName = bindingName;
  }

  /** The name of this role in a service definition's role bindings. */
  public String bindingName() {
    return bindingName;
  }
}
