package org.usm.definition;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.usm.language.Language;
import org.usm.model.CallType;
import org.usm.model.Priority;
import org.usm.model.UsmProcess;
import java.util.Optional;

/**
 * One service as a process designer describes it with the USM Service Model Canvas: the supported
 * facility, who steers and works each of the five processes for it, the handling times agreed per call
 * type and priority, the managed infrastructure it starts with and the agreement in force.
 *
 * <p>Read from a YAML file and checked by {@link ServiceDefinitionValidator} before anything of it is
 * deployed; the typed accessors below may assume a valid definition. {@code language} ({@code nl}, {@code en})
 * is the language the service's users read: task names, forms and refusals of its calls follow it.
 */
public record ServiceDefinition(
    String id,
    String name,
    String description,
    String language,
    String owner,
    List<String> customers,
    Facility facility,
    Support support,
    Map<String, RoleBinding> roles,
    Map<String, Map<String, String>> sla,
    List<Component> components,
    Agreement agreement,
    Map<String, List<String>> steps,
    List<Link> links) {

  /** What the service makes available: goods and actions (USM: a service is a supported facility). */
  public record Facility(List<String> goods, List<String> actions) {}

  /** The help customers get when they use the facility. */
  public record Support(List<String> channels, String hours) {}

  /** For one USM process: the group whose coordinators steer it and the groups whose operators work in it. */
  public record RoleBinding(String coordinators, List<String> operators) {}

  /** A managed infrastructure component (MIC) of the service: the starting content of its MIR. */
  public record Component(String id, String name, String type) {}

  /** The service agreement in force when the service is taken into use. */
  public record Agreement(String id, String title, LocalDate validFrom, LocalDate validUntil) {

    public boolean isActiveOn(LocalDate day) {
      return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
  }

  /**
   * Another service or organisation that contributes to this one (a link of the chain, book l.1662,
   * l.2274): an internal link names another service of this product, an external link another
   * organisation's installation at {@code url}, with the account this product uses there and the name of
   * the environment variable or property that holds its password (never the password itself). The link
   * takes the call types it lists, within the handling times agreed with it (its OLA or UC).
   */
  public record Link(String id, String name, String service, String url, String user, String passwordFrom,
      List<String> callTypes, Map<String, Map<String, String>> handlingTimes) {

    public boolean isExternal() {
      return url != null;
    }

    public boolean takes(CallType type) {
      return callTypes != null && callTypes.contains(type.id());
    }

    /** The agreed time from hand-over to fulfilment of a linked call of this type and priority. */
    public Duration handlingTime(CallType type, Priority priority) {
      return Duration.parse(handlingTimes.get(type.id()).get(priority.name()));
    }
  }

  public ServiceDefinition {
    links = links == null ? List.of() : links; // a service without links names none
  }

  /** The language the service's users read: its {@code language}, {@link Language#DEFAULT} where it names none. */
  public Language spokenLanguage() {
    return language == null ? Language.DEFAULT : Language.of(language).orElseThrow(
        () -> new IllegalStateException("service " + id + " has language '" + language + "', not one of "
            + Language.codes()));
  }

  public Optional<Link> link(String linkId) {
    return links.stream().filter(link -> link.id().equals(linkId)).findFirst();
  }

  /**
   * Who works a step where the service narrows it (the who is local practice, book ch. 5.3 and 12.3): by
   * step id, a subset of the groups of the step's role in its process. Empty where the role's groups work it.
   */
  public Map<String, List<String>> stepGroups() {
    return steps == null ? Map.of() : steps;
  }

  /** Every group that coordinates or operates one of the service's processes, each once, in file order. */
  public List<String> workingGroups() {
    Set<String> groups = new LinkedHashSet<>();
    roles.values().forEach(binding -> {
      groups.add(binding.coordinators());
      groups.addAll(binding.operators());
    });
    return List.copyOf(groups);
  }

  public RoleBinding roleBinding(UsmProcess process) {
    return roles.get(process.id());
  }

  /** The agreed handling time of a call of this type and priority, from registration to closure. */
  public Duration handlingTime(CallType type, Priority priority) {
    return Duration.parse(sla.get(type.id()).get(priority.name()));
  }
}
