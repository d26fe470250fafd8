package org.usm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.usm.definition.Violation;

/**
 * The body of every refusal of the product's API: what is wrong, the field at fault, and for a service
 * definition every violation with its field path.
 */
public record ApiError(String error, String field,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Violation> violations) {

  public ApiError(String error, String field) {
    this(error, field, List.of());
  }
}
