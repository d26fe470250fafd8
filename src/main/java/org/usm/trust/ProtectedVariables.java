package org.usm.trust;

import static org.usm.model.CallVariables.CALL_TYPE;
import static org.usm.model.CallVariables.ENTRY_PROCESS;
import static org.usm.model.CallVariables.FORK_OUTCOME;
import static org.usm.model.CallVariables.FULFILMENT_STATUS;
import static org.usm.model.CallVariables.LINKED_CALLS;
import static org.usm.model.CallVariables.MEASURE_TYPE;
import static org.usm.model.CallVariables.OPEN_STEPS;
import static org.usm.model.CallVariables.PATTERN;
import static org.usm.model.CallVariables.PRIORITY;
import static org.usm.model.CallVariables.PROCESS_OUTCOME;
import static org.usm.model.CallVariables.RECLASSIFY_AS;
import static org.usm.model.CallVariables.RECOVERY_ROUTE;
import static org.usm.model.CallVariables.REQUESTER;
import static org.usm.model.CallVariables.SERVICE_COMPONENTS;
import static org.usm.model.CallVariables.SERVICE_ID;
import static org.usm.model.CallVariables.SERVICE_NAME;
import static org.usm.model.CallVariables.SLA_BREACHED;
import static org.usm.model.CallVariables.SLA_DUE_DATE;
import static org.usm.model.CallVariables.SOURCE_CALL;
import static org.usm.model.CallVariables.SUMMARY;
import static org.usm.model.CallVariables.TRACKING_NUMBER;
import static org.usm.model.CallVariables.WORKFLOW_DEFINITION_ID;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one declaration of the variables the product owns (DESIGN §7, rule T1): the call's context set at
 * intake, what the product derives from it, and the routes once decided. No user sets, changes or
 * deletes them through any API; only the product's own code and the engine's mappings between the
 * processes of a call write them. A route is decided by completing its step with the route as a form
 * field, and by nothing else.
 */
public final class ProtectedVariables {

  private ProtectedVariables() {}

  /** Names the product uses for its own notes between listeners; every such name starts with this. */
  public static final String INTERNAL_PREFIX = "usm";

  /** Each protected variable and why it is the product's. */
  public static final Map<String, String> DECLARED = declared();

  private static Map<String, String> declared() {
    Map<String, String> declared = new LinkedHashMap<>();
    String intake = "set at intake and fixed for the life of the call";
    declared.put(TRACKING_NUMBER, intake);
    declared.put(CALL_TYPE, intake);
    declared.put(SERVICE_ID, intake + " (the service binding)");
    declared.put(SERVICE_NAME, intake + " (the service binding)");
    declared.put(WORKFLOW_DEFINITION_ID, intake + " (the service binding: groups and SLA)");
    declared.put(SUMMARY, intake);
    declared.put(REQUESTER, intake + "; separation of duties applies to the requester");
    declared.put(SOURCE_CALL, "the link to the call that started this one");
    declared.put(PATTERN, "the pattern the call follows, changed only by a route decision");
    declared.put(ENTRY_PROCESS, "set by the product when a process of the call starts");
    declared.put(PRIORITY, "decided by the classify step's decision table");
    declared.put(SLA_DUE_DATE, "registration plus the agreed handling time of the call's priority");
    declared.put(SLA_BREACHED, "recorded by the product when the end-to-end SLA passes");
    declared.put(FULFILMENT_STATUS, "set by the product when a review accepts the delivery (H10)");
    declared.put(PROCESS_OUTCOME, "set by the product where a process ends");
    declared.put(FORK_OUTCOME, "handed back by the process a fork called");
    declared.put(RECOVERY_ROUTE, "a route is decided by completing R4, and only there");
    declared.put(MEASURE_TYPE, "a route is decided by completing I4, and only there");
    declared.put(RECLASSIFY_AS, "a call is reclassified by completing the accept step of its entry process, and only "
        + "there: the call that goes on in its place is registered with it");
    declared.put(LINKED_CALLS, "the product's record of the calls the step handed to links, as their providers "
        + "report them");
    declared.put(SERVICE_COMPONENTS, "the managed infrastructure register's components of the service, offered at "
        + "C3; the change names the ones it modifies in '" + org.usm.model.CallVariables.CHANGED_COMPONENTS + "'");
    declared.put(OPEN_STEPS, "the product's record of the call's open steps and their holders at the SLA breach");
    return Map.copyOf(declared);
  }

  public static boolean isProtected(String name) {
    return name != null && (DECLARED.containsKey(name) || name.startsWith(INTERNAL_PREFIX));
  }

  /** The first protected name among those given, in their order. */
  public static Optional<String> firstProtected(Collection<String> names) {
    return names.stream().filter(ProtectedVariables::isProtected).findFirst();
  }

  /** Why the variable is the product's, for the refusal a user reads. */
  public static String why(String name) {
    return DECLARED.getOrDefault(name, "the product's own note between its rules");
  }
}
