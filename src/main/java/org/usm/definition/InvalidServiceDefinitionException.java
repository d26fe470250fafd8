package org.usm.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A service definition file that breaks one or more rules; nothing of it may be deployed. */
public class InvalidServiceDefinitionException extends RuntimeException {

  private final String source;
  private final List<Violation> violations;

  public InvalidServiceDefinitionException(String source, List<Violation> violations) {
    super("Service definition " + source + " is invalid: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.source = source;
    this.violations = List.copyOf(violations);
  }

  public String source() {
    return source;
  }

  public List<Violation> violations() {
    return violations;
  }
}
