package org.usm.trust;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What completing a step may carry (rules T1 and T2): the fields of the step's form, nothing else. A
 * protected variable is refused as such unless it is a field of the form, which is how a route is
 * decided (R4, I4). Plain Java, checked by the engine before the completion does anything.
 */
public final class CompletionPayload {

  private CompletionPayload() {}

  /**
   * @param step the step being completed, for the message (for example {@code C5_TestAndRelease})
   * @param formId the form the step shows
   * @param formFields the fields of that form
   * @param submitted the names of the variables sent with the completion
   */
  public static Optional<TrustRule.Refusal> check(String step, String formId, Set<String> formFields,
      Collection<String> submitted) {
    for (String name : submitted) {
      if (formFields.contains(name)) {
        continue;
      }
      if (ProtectedVariables.isProtected(name)) {
        return Optional.of(TrustRule.T1.refuse(name, "variable '" + name + "' is protected ("
            + ProtectedVariables.why(name) + "): completing " + step + " cannot set it"));
      }
      return Optional.of(TrustRule.T2.refuse(name, "'" + name + "' is not a field of " + step + " (form " + formId
          + "); a completion carries only " + (formFields.isEmpty() ? "no fields" : String.join(", ", new TreeSet<>(formFields)))));
    }
    return Optional.empty();
  }
}
