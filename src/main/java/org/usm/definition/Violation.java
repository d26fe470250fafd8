package org.usm.definition;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One broken rule in a service definition: the field (a dotted path) and the rule it breaks. */
public record Violation(String field, @JsonProperty("error") String rule) {

  @Override
  public String toString() {
    return "field '" + field + "': " + rule;
  }
}
