package org.usm.design;

import java.util.List;
import org.usm.definition.Violation;

/**
 * A designer's request the product refuses: the HTTP status, the field at fault and, for a definition
 * that breaks rules, every violation with its field path.
 */
public class DesignRefusal extends RuntimeException {

  private final int status;
  private final String field;
  private final List<Violation> violations;

  public DesignRefusal(int status, String field, String message) {
    this(status, field, message, List.of());
  }

  public DesignRefusal(int status, String field, String message, List<Violation> violations) {
    super(message);
    this.status = status;
    this.field = field;
    this.violations = List.copyOf(violations);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  public List<Violation> violations() {
    return violations;
  }
}
