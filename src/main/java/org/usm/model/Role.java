package org.usm.model;

/**
 * Who works a user task, per USM process: the coordinator steers the process (accepts, decides routes,
 * reviews, evaluates); operators of the solution teams build, test, analyse and execute.
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
