package org.usm.model;

/**
 * Who works a user task, per USM process: the coordinator steers the process (accepts, decides routes,
 * reviews, evaluates); operators of the solution teams build and execute; the steps that specify,
 * plan, analyse or test are the work of the process's whole team, coordinators and operators.
 */
public enum Role {
  COORDINATOR("coordinators"),
  OPERATOR("operators"),
  /** Coordinators and operators of the process together; not a binding of its own. */
  TEAM(null);

  private final String bindingName;

  Role(String bindingName) {
    this.bindingName = bindingName;
  }

  /** The name of this role in a service definition's role bindings; null for {@link #TEAM}. */
  public String bindingName() {
    return bindingName;
  }

  /** The roles a service definition binds groups to. */
  public static java.util.List<Role> bound() {
    return java.util.List.of(COORDINATOR, OPERATOR);
  }
}
