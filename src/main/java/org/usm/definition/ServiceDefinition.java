package org.usm.definition;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.usm.model.CallType;
import org.usm.model.Priority;
import org.usm.model.UsmProcess;

/**
 * One service as a process designer describes it with the USM Service Model Canvas: the supported
 * facility, who steers and works each of the five processes for it, the handling times agreed per call
 * type and priority, the managed infrastructure it starts with and the agreement in force.
 *
 * <p>Read from a YAML file and checked by {@link ServiceDefinitionValidator} before anything of it is
 * deployed; the typed accessors below may assume a valid definition.
 */
public record ServiceDefinition(
    String id,
    String name,
    String description,
    String owner,
    List<String> customers,
    Facility facility,
    Support support,
    Map<String, RoleBinding> roles,
    Map<String, Map<String, String>> sla,
    List<Component> components,
    Agreement agreement,
    Map<String, List<String>> steps) {

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
