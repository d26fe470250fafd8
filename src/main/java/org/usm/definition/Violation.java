package org.usm.definition;

/** One broken rule in a service definition: the field (a dotted path) and the rule it breaks. */
public record Violation(String field, String rule) {

  @Override
  public String toString() {
    return "field '" + field + "': " + rule;
  }
}
