package org.usm.trust;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.usm.language.Phrase;

/**
 * What completing a step may carry (rules T1 and T2): the fields of the step's form, nothing else. A
 * protected variable is refused as such unless it is a field of the form, which is how a route is
 * decided (R4, I4). Plain Java, checked by the engine before the completion does anything.
 */
public final class CompletionPayload {

  private CompletionPayload() {}

  private static final Phrase PROTECTED = new Phrase("variable '%s' is protected (%s): completing %s cannot set it",
      "variabele '%s' is beschermd (%s): het afronden van %s kan haar niet zetten");
  private static final Phrase NOT_A_FIELD = new Phrase(
      "'%s' is not a field of %s (form %s); a completion carries only %s",
      "'%s' is geen veld van %s (formulier %s); een afronding bevat alleen %s");
  private static final Phrase NO_FIELDS = new Phrase("'%s' is not a field of %s (form %s); a completion carries no fields",
      "'%s' is geen veld van %s (formulier %s); een afronding bevat geen velden");

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
        return Optional.of(TrustRule.T1.refuse(name, PROTECTED, name, ProtectedVariables.why(name), step));
      }
      return Optional.of(formFields.isEmpty() ? TrustRule.T2.refuse(name, NO_FIELDS, name, step, formId)
          : TrustRule.T2.refuse(name, NOT_A_FIELD, name, step, formId, String.join(", ", new TreeSet<>(formFields))));
    }
    return Optional.empty();
  }
}
