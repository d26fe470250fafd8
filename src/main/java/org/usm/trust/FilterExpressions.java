package org.usm.trust;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The expressions a stored Tasklist filter may use (rule T3). A filter's expressions are evaluated on the
 * server whenever the filter is listed; any other expression could call methods on the objects it
 * reaches, so only the functions Tasklist offers are allowed: the current user, their groups, and dates
 * relative to now.
 */
public final class FilterExpressions {

  private FilterExpressions() {}

  public static final String ALLOWED = "${currentUser()}, ${currentUserGroups()}, ${now()} and ${dateTime()} "
      + "moved by plus/minus Years, Months, Weeks, Days, Hours, Minutes or Seconds";

  private static final Pattern ALLOWED_EXPRESSION = Pattern.compile(
      "\\$\\{(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,6}\\))*"
          + "(\\.toDate\\(\\))?)}");

  /** The first expression that is not allowed, if any. */
  public static Optional<String> firstForbidden(Collection<String> expressions) {
    return expressions.stream().filter(e -> e != null && !ALLOWED_EXPRESSION.matcher(e.strip()).matches()).findFirst();
  }
}
