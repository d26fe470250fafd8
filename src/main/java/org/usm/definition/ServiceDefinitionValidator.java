package org.usm.definition;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.usm.language.Language;
import org.usm.model.CallType;
import org.usm.model.Priority;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Predicate;

/**
 * The rules a service definition must keep before its workflows may be deployed. Plain Java, so the
 * rules are testable without an engine; every violation names the field and the rule.
 */
public final class ServiceDefinitionValidator {

  /** Service ids become part of process keys ({@code usm-wf3-<id>}), so they are kept short and plain. */
  public static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9-]{1,40}");

  private static final Pattern COMPONENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  /** The ids of users and groups: the engine's whitelist for them ({@code generalResourceWhitelistPattern}). */
  public static final Pattern PRINCIPAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private ServiceDefinitionValidator() {}

  /**
   * Checks one definition.
   *
   * @param expectedId the id the definition must carry (its file name), or null when not read from a file
   */
  public static List<Violation> validate(ServiceDefinition definition, String expectedId) {
    List<Violation> violations = new ArrayList<>();
    checkIdentity(definition, expectedId, violations);
    checkRoles(definition.roles(), violations);
    checkSteps(definition, violations);
    checkSla(definition.sla(), violations);
    checkComponents(definition.components(), violations);
    checkAgreement(definition.agreement(), violations);
    checkLinks(definition, violations);
    return violations;
  }

  /** A link's id is part of the API ({@code "link": "afval"}), so it is kept plain as a service id. */
  public static final Pattern LINK_ID = SERVICE_ID;

  /** The name of an environment variable or property that holds a link's password. */
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

  /**
   * The links of the service on their own: each names one internal service or one external installation
   * with its account and the name of its password, the call types it takes and an agreed handling time
   * for each of them and each priority. Whether the linked service exists and the password is set is
   * known only where the definition is stored: {@link #checkLinkTargets}.
   */
  private static void checkLinks(ServiceDefinition d, List<Violation> out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < d.links().size(); i++) {
      ServiceDefinition.Link link = d.links().get(i);
      String field = "links[" + i + "]";
      checkIdAndName(field, link.id(), LINK_ID, seen, link.name(), out);
      if (isBlank(link.service())) {
        out.add(new Violation(field + ".service", "is required: the id of the service the link hands work to"));
      } else if (!SERVICE_ID.matcher(link.service()).matches()) {
        out.add(new Violation(field + ".service", "must be a service id matching " + SERVICE_ID.pattern()
            + " (got '" + link.service() + "')"));
      } else if (!link.isExternal() && link.service().equals(d.id())) {
        out.add(new Violation(field + ".service", "names this service itself: a link hands work to another "
            + "service or organisation"));
      }
      if (link.isExternal()) {
        checkExternal(field, link, out);
      } else {
        if (link.user() != null) {
          out.add(new Violation(field + ".user", "is only given for an external link (with url)"));
        }
        if (link.passwordFrom() != null) {
          out.add(new Violation(field + ".passwordFrom", "is only given for an external link (with url)"));
        }
      }
      checkLinkAgreement(field, link, out);
    }
  }

  private static void checkExternal(String field, ServiceDefinition.Link link, List<Violation> out) {
    try {
      URI url = new URI(link.url());
      if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
          || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
        out.add(new Violation(field + ".url", "must be the http(s) address of the other installation, such as "
            + "https://itsm.leverancier.example, without credentials, query or fragment (got '" + link.url() + "')"));
      }
    } catch (URISyntaxException e) {
      out.add(new Violation(field + ".url", "is not a URL (got '" + link.url() + "')"));
    }
    if (isBlank(link.user())) {
      out.add(new Violation(field + ".user", "is required for an external link: the account this product uses at "
          + "the other installation"));
    }
    if (isBlank(link.passwordFrom())) {
      out.add(new Violation(field + ".passwordFrom", "is required for an external link: the name of the "
          + "environment variable or property that holds the account's password (never the password itself)"));
    } else if (!SECRET_NAME.matcher(link.passwordFrom()).matches()) {
      out.add(new Violation(field + ".passwordFrom", "must be the name of an environment variable or property, "
          + "such as USM_LINK_IT_LEVERANCIER_PASSWORD (got '" + link.passwordFrom() + "')"));
    }
  }

  /** The call types the link takes, and its agreement: a handling time per type it takes and priority. */
  private static void checkLinkAgreement(String field, ServiceDefinition.Link link, List<Violation> out) {
    if (isEmpty(link.callTypes())) {
      out.add(new Violation(field + ".callTypes", "must list at least one call type the link takes"));
    } else {
      for (int i = 0; i < link.callTypes().size(); i++) {
        if (CallType.fromId(link.callTypes().get(i)).isEmpty()) {
          out.add(new Violation(field + ".callTypes[" + i + "]", "is not a call type (wish, rfc, incident, "
              + "service-request, risk) (got '" + link.callTypes().get(i) + "')"));
        }
      }
    }
    Map<String, Map<String, String>> times = link.handlingTimes() == null ? Map.of() : link.handlingTimes();
    for (String type : times.keySet()) {
      if (link.callTypes() == null || !link.callTypes().contains(type)) {
        out.add(new Violation(field + ".handlingTimes." + type, "is a call type the link does not take (callTypes: "
            + (link.callTypes() == null ? "none" : String.join(", ", link.callTypes())) + ")"));
      }
    }
    if (link.callTypes() != null) {
      link.callTypes().stream().filter(type -> CallType.fromId(type).isPresent()).forEach(type -> {
        Map<String, String> perPriority = times.get(type);
        if (perPriority == null) {
          out.add(new Violation(field + ".handlingTimes." + type, "is required: the link's agreed handling time "
              + "for each priority P1-P4 of the call types it takes"));
        } else {
          checkHandlingTimes(field + ".handlingTimes." + type, perPriority, out);
        }
      });
    }
  }

  /**
   * The links' targets, checked where the definition is stored: an internal link names a service this
   * product runs and takes calls for, an external link's password is set where {@code passwordFrom} says.
   *
   * @param activeService whether this product runs the service and it takes new calls
   * @param secretSet whether the environment variable or property of that name holds a value
   */
  public static List<Violation> checkLinkTargets(ServiceDefinition d,
      Predicate<String> activeService, Predicate<String> secretSet) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < d.links().size(); i++) {
      ServiceDefinition.Link link = d.links().get(i);
      if (link.isExternal()) {
        if (!isBlank(link.passwordFrom()) && !secretSet.test(link.passwordFrom())) {
          out.add(new Violation("links[" + i + "].passwordFrom", "names '" + link.passwordFrom() + "', which is not "
              + "set: set that environment variable (or property) to the account's password before the link is used"));
        }
      } else if (!isBlank(link.service()) && !activeService.test(link.service())) {
        out.add(new Violation("links[" + i + "].service", "names service '" + link.service() + "', which this "
            + "product does not run or which is retired: an internal link hands work to an active service"));
      }
    }
    return out;
  }

  private static void checkIdentity(ServiceDefinition d, String expectedId, List<Violation> out) {
    if (isBlank(d.id())) {
      out.add(new Violation("id", "is required"));
    } else if (!SERVICE_ID.matcher(d.id()).matches()) {
      out.add(new Violation("id", "must match " + SERVICE_ID.pattern() + " (got '" + d.id() + "')"));
    } else if (expectedId != null && !expectedId.equals(d.id())) {
      out.add(new Violation("id", "must equal the file name '" + expectedId + "' (got '" + d.id() + "')"));
    }
    if (isBlank(d.name())) {
      out.add(new Violation("name", "is required"));
    }
    if (d.language() != null && Language.of(d.language()).isEmpty()) {
      out.add(new Violation("language", "must be one of " + Language.codes() + " (got '" + d.language() + "')"));
    }
    if (isBlank(d.owner())) {
      out.add(new Violation("owner", "is required: every service has one owner of the whole chain"));
    }
    if (d.customers() == null || d.customers().isEmpty()) {
      out.add(new Violation("customers", "must name at least one customer group"));
    }
    if (d.facility() == null
        || (isEmpty(d.facility().goods()) && isEmpty(d.facility().actions()))) {
      out.add(new Violation("facility", "must list at least one good or action"));
    }
    if (d.support() == null || isEmpty(d.support().channels())) {
      out.add(new Violation("support.channels", "must list at least one support channel"));
    }
  }

  /**
   * A service may narrow who works a step to some of the groups of the step's role in its process (the who
   * is local practice, book ch. 5.3 and 12.3), never beyond them: so no coordinator ever executes and no
   * operator decides (ch. 14.6), and the duties rules hold as for every step.
   */
  private static void checkSteps(ServiceDefinition d, List<Violation> out) {
    d.stepGroups().forEach((stepId, groups) -> {
      String field = "steps." + stepId;
      Step step = Step.byId(stepId).filter(Step::isUserTask).orElse(null);
      if (step == null) {
        out.add(new Violation(field, "is not a USM user task step, such as C5_TestAndRelease"));
        return;
      }
      ServiceDefinition.RoleBinding binding = d.roles() == null ? null : d.roles().get(step.process().id());
      if (binding == null) {
        return; // reported at roles
      }
      Role role = step.role().orElseThrow();
      List<String> allowed = role == Role.COORDINATOR ? List.of(binding.coordinators())
          : binding.operators() == null ? List.of() : binding.operators();
      if (isEmpty(groups)) {
        out.add(new Violation(field, "must name at least one group"));
        return;
      }
      for (int i = 0; i < groups.size(); i++) {
        String group = groups.get(i);
        if (!allowed.contains(group)) {
          out.add(new Violation(field + "[" + i + "]", "'" + group + "' is not one of the " + role.bindingName()
              + " of " + step.process().id() + " (" + String.join(", ", allowed) + "): a service narrows who works "
              + step.id() + " to some of them, " + (role == Role.OPERATOR
                  ? "and coordinators organise the work of operators but never do it themselves"
                  : "and operators do not decide what coordinators decide")));
        }
      }
    });
  }

  private static void checkRoles(Map<String, ServiceDefinition.RoleBinding> roles, List<Violation> out) {
    if (roles == null) {
      out.add(new Violation("roles", "is required: a binding for each of the five USM processes"));
      return;
    }
    for (String name : roles.keySet()) {
      if (java.util.Arrays.stream(UsmProcess.values()).noneMatch(p -> p.id().equals(name))) {
        out.add(new Violation("roles." + name, "is not a USM process (agree, change, recover, operate, improve)"));
      }
    }
    for (UsmProcess process : UsmProcess.values()) {
      String field = "roles." + process.id();
      ServiceDefinition.RoleBinding binding = roles.get(process.id());
      if (binding == null) {
        out.add(new Violation(field, "is required: every USM process needs its coordinators and operators"));
        continue;
      }
      checkGroup(field + ".coordinators", binding.coordinators(), out);
      if (binding.operators() != null && binding.operators().contains(binding.coordinators())) {
        out.add(new Violation(field + ".operators", "must not list the coordinators group '" + binding.coordinators()
            + "': coordinators organise the work of operators but do not do it themselves (book ch. 14.6)"));
      }
      if (isEmpty(binding.operators())) {
        out.add(new Violation(field + ".operators", "must list at least one operators group"));
      } else {
        for (int i = 0; i < binding.operators().size(); i++) {
          checkGroup(field + ".operators[" + i + "]", binding.operators().get(i), out);
        }
      }
    }
  }

  private static void checkGroup(String field, String group, List<Violation> out) {
    if (isBlank(group)) {
      out.add(new Violation(field, "is required"));
    } else if (!PRINCIPAL_ID.matcher(group).matches()) {
      out.add(new Violation(field, "must be a group id matching " + PRINCIPAL_ID.pattern() + " (got '" + group + "')"));
    }
  }

  private static void checkSla(Map<String, Map<String, String>> sla, List<Violation> out) {
    if (sla == null) {
      out.add(new Violation("sla", "is required: handling times per call type and priority"));
      return;
    }
    for (String type : sla.keySet()) {
      if (CallType.fromId(type).isEmpty()) {
        out.add(new Violation("sla." + type, "is not a call type (wish, rfc, incident, service-request, risk)"));
      }
    }
    for (CallType type : CallType.values()) {
      Map<String, String> times = sla.get(type.id());
      if (times == null) {
        out.add(new Violation("sla." + type.id(), "is required: a handling time for each priority P1-P4"));
        continue;
      }
      checkHandlingTimes("sla." + type.id(), times, out);
    }
  }

  /** A handling time for each priority P1-P4 and no other key, none shorter than a higher priority's. */
  private static void checkHandlingTimes(String field, Map<String, String> times, List<Violation> out) {
    for (String priority : times.keySet()) {
      if (Priority.fromName(priority).isEmpty()) {
        out.add(new Violation(field + "." + priority, "is not a priority (P1, P2, P3, P4)"));
      }
    }
    Duration previous = null;
    for (Priority priority : Priority.values()) {
      String at = field + "." + priority.name();
      Duration time = parseDuration(at, times.get(priority.name()), out);
      if (time != null && previous != null && time.compareTo(previous) < 0) {
        out.add(new Violation(at, "must not be shorter than the handling time of the higher priority before it"));
      }
      previous = time != null ? time : previous;
    }
  }

  private static Duration parseDuration(String field, String value, List<Violation> out) {
    if (isBlank(value)) {
      out.add(new Violation(field, "is required: an ISO-8601 duration such as PT4H or P2D"));
      return null;
    }
    try {
      Duration duration = Duration.parse(value);
      if (duration.isNegative() || duration.isZero()) {
        out.add(new Violation(field, "must be a positive duration (got '" + value + "')"));
        return null;
      }
      return duration;
    } catch (DateTimeParseException e) {
      out.add(new Violation(field, "must be an ISO-8601 duration such as PT4H or P2D (got '" + value + "')"));
      return null;
    }
  }

  private static void checkComponents(List<ServiceDefinition.Component> components, List<Violation> out) {
    if (components == null || components.isEmpty()) {
      out.add(new Violation("components", "must list the managed infrastructure components the service starts with"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < components.size(); i++) {
      ServiceDefinition.Component c = components.get(i);
      checkIdAndName("components[" + i + "]", c.id(), COMPONENT_ID, seen, c.name(), out);
    }
  }

  /** An entry of a list (a component, a link): an id of the pattern, unique within the service, and a name. */
  private static void checkIdAndName(String field, String id, Pattern pattern, Set<String> seen, String name,
      List<Violation> out) {
    if (isBlank(id)) {
      out.add(new Violation(field + ".id", "is required"));
    } else if (!pattern.matcher(id).matches()) {
      out.add(new Violation(field + ".id", "must match " + pattern.pattern() + " (got '" + id + "')"));
    } else if (!seen.add(id)) {
      out.add(new Violation(field + ".id", "must be unique within the service (got '" + id + "' twice)"));
    }
    if (isBlank(name)) {
      out.add(new Violation(field + ".name", "is required"));
    }
  }

  private static void checkAgreement(ServiceDefinition.Agreement agreement, List<Violation> out) {
    if (agreement == null) {
      out.add(new Violation("agreement", "is required: the service agreement in force (use a wish to change it)"));
      return;
    }
    if (isBlank(agreement.id())) {
      out.add(new Violation("agreement.id", "is required"));
    }
    if (isBlank(agreement.title())) {
      out.add(new Violation("agreement.title", "is required"));
    }
    if (agreement.validFrom() == null) {
      out.add(new Violation("agreement.validFrom", "is required (a date such as 2026-01-01)"));
    } else if (agreement.validUntil() != null && agreement.validUntil().isBefore(agreement.validFrom())) {
      out.add(new Violation("agreement.validUntil", "must not be before agreement.validFrom"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
