package org.usm.instantiation;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.usm.definition.ServiceDefinition;
import org.usm.language.Language;
import org.usm.model.Priority;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.model.UsmProcess;
import org.usm.model.WorkflowPattern;

/**
 * What an instantiated workflow binds of its service: the names, the language its users read, the groups
 * per USM process role and the handling time per priority for the pattern's call type. Stored as extension properties of the
 * workflow's process definition, so each deployed version keeps the bindings it was deployed with and a
 * running call never sees a later change of the service definition.
 */
public record ServiceBinding(
    String serviceId,
    String serviceName,
    Language language,
    WorkflowPattern pattern,
    Map<UsmProcess, Map<Role, List<String>>> groups,
    Map<Priority, Duration> handlingTimes,
    Map<Step, List<String>> stepGroups) {

  static final String PREFIX = "usm.";
  /** After the prefix: the groups a step is narrowed to, {@code usm.step.C5_TestAndRelease = testers}. */
  static final String STEP = "step.";
  /** After the prefix: the service's language; workflows deployed before services had one lack it (English). */
  static final String LANGUAGE = "language";

  public static ServiceBinding of(WorkflowPattern pattern, ServiceDefinition service) {
    Map<UsmProcess, Map<Role, List<String>>> groups = new EnumMap<>(UsmProcess.class);
    for (UsmProcess process : UsmProcess.values()) {
      ServiceDefinition.RoleBinding binding = service.roleBinding(process);
      Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
      byRole.put(Role.COORDINATOR, List.of(binding.coordinators()));
      byRole.put(Role.OPERATOR, List.copyOf(binding.operators()));
      groups.put(process, byRole);
    }
    Map<Priority, Duration> times = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      times.put(priority, service.handlingTime(pattern.callType(), priority));
    }
    Map<Step, List<String>> steps = new EnumMap<>(Step.class);
    service.stepGroups().forEach((stepId, names) -> steps.put(Step.valueOf(stepId), List.copyOf(names)));
    return new ServiceBinding(service.id(), service.name(), service.spokenLanguage(), pattern, groups, times, steps);
  }

  /** The groups of the role in the process. */
  public List<String> groups(UsmProcess process, Role role) {
    return groups.get(process).get(role);
  }

  /** Who works the step: the groups the service narrowed it to, else the groups of its role in its process. */
  public List<String> groupsOf(Step step) {
    List<String> narrowed = stepGroups.get(step);
    return narrowed != null ? narrowed : groups(step.process(), step.role().orElseThrow());
  }

  public Duration handlingTime(Priority priority) {
    return handlingTimes.get(priority);
  }

  /** The binding as extension properties: {@code usm.recover.coordinators = pd-coordinatoren}. */
  public Map<String, String> toProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(PREFIX + "serviceId", serviceId);
    properties.put(PREFIX + "serviceName", serviceName);
    properties.put(PREFIX + LANGUAGE, language.code());
    properties.put(PREFIX + "pattern", pattern.name());
    groups.forEach((process, byRole) -> byRole.forEach((role, names) ->
        properties.put(PREFIX + process.id() + "." + role.bindingName(), String.join(",", names))));
    handlingTimes.forEach((priority, time) ->
        properties.put(PREFIX + "sla." + priority.name(), time.toString()));
    stepGroups.forEach((step, names) -> properties.put(PREFIX + STEP + step.id(), String.join(",", names)));
    return properties;
  }

  public static ServiceBinding fromProperties(Map<String, String> properties) {
    Map<UsmProcess, Map<Role, List<String>>> groups = new EnumMap<>(UsmProcess.class);
    for (UsmProcess process : UsmProcess.values()) {
      Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        byRole.put(role, Arrays.asList(required(properties, process.id() + "." + role.bindingName()).split(",")));
      }
      groups.put(process, byRole);
    }
    Map<Priority, Duration> times = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      times.put(priority, Duration.parse(required(properties, "sla." + priority.name())));
    }
    Map<Step, List<String>> steps = new EnumMap<>(Step.class);
    properties.forEach((name, value) -> {
      if (name.startsWith(PREFIX + STEP)) {
        steps.put(Step.valueOf(name.substring((PREFIX + STEP).length())), Arrays.asList(value.split(",")));
      }
    });
    return new ServiceBinding(
        required(properties, "serviceId"),
        required(properties, "serviceName"),
        Optional.ofNullable(properties.get(PREFIX + LANGUAGE)).map(code -> Language.of(code).orElseThrow(
            () -> new IllegalStateException("workflow definition has an unknown language " + code)))
            .orElse(Language.DEFAULT),
        WorkflowPattern.valueOf(required(properties, "pattern")),
        groups,
        times,
        steps);
  }

  private static String required(Map<String, String> properties, String name) {
    String value = properties.get(PREFIX + name);
    if (value == null) {
      throw new IllegalStateException("workflow definition lacks the service binding " + PREFIX + name);
    }
    return value;
  }
}
