package org.usm.steering;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.usm.audit.AuditEvent;
import org.usm.audit.AuditTrail;
import org.usm.engine.EngineContext;
import org.usm.engine.RuleEnforcement;
import org.usm.engine.StepHolding;
import org.usm.instantiation.ServiceBinding;
import org.usm.instantiation.ServiceBindings;
import org.usm.model.Role;
import org.usm.model.Step;
import org.usm.security.UsmGroups;

/**
 * Applies {@link StepHolders} to every change of who holds a task of a call, and writes each assignment
 * made by someone other than the new holder to the call's trail ({@code ASSIGNMENT}). The coordinators of a
 * process steer its operators' steps: they read and assign them (never complete them: the engine does not
 * let them work the task, and SOD-ROLE would refuse it).
 */
@Component
public class StepSteering implements StepHolding {

  private final ServiceBindings bindings;
  private final AuditTrail audit;
  private final RuleEnforcement enforcement;

  public StepSteering(ServiceBindings bindings, AuditTrail audit, RuleEnforcement enforcement) {
    this.bindings = bindings;
    this.audit = audit;
    this.enforcement = enforcement;
  }

  @Override
  public Collection<String> steeringGroups(DelegateTask task) {
    Optional<Step> step = StepHolding.stepOfCall(task);
    if (step.isEmpty() || step.get().role().orElse(null) != Role.OPERATOR) {
      return List.of();
    }
    return EngineContext.asProduct(() -> binding(task).groups(step.get().process(), Role.COORDINATOR));
  }

  @Override
  public void changing(HolderChange change) {
    DelegateTask task = change.task();
    if (change.opening() || !StepHolding.isCall(task)) {
      // Opening: the groups come from the model and the service binding, nobody chose them.
      return;
    }
    DelegateExecution execution = task.getExecution();
    String step = task.getTaskDefinitionKey();
    Set<String> groups = candidateGroups(task);
    Optional<StepHolders.Refusal> refusal = switch (change.change()) {
      case ASSIGNEE, OWNER, CANDIDATE_USER -> change.next() == null ? Optional.empty()
          : StepHolders.toHold(step, change.next(), EngineContext.groupsOf(execution, change.next()), groups);
      case GROUP_ADDED -> StepHolders.toMove(step, change.next(), change.actingUser(), steers(task, change), teams(task));
      case GROUP_REMOVED -> {
        Set<String> remaining = new LinkedHashSet<>(groups);
        remaining.remove(change.previous());
        String assignee = task.getAssignee();
        yield StepHolders.toLeave(step, change.previous(), change.actingUser(), steers(task, change), remaining,
            assignee, assignee == null ? List.of() : EngineContext.groupsOf(execution, assignee));
      }
    };
    if (refusal.isPresent()) {
      throw enforcement.refuse(execution, step, change.actingUser(), refusal.get().ruleId(), field(change.change()),
          refusal.get().message());
    }
    record(change);
  }

  /** Every change of holder made by someone else is on the trail: who, to whom, which step. */
  private void record(HolderChange change) {
    String actor = change.actingUser();
    boolean own = switch (change.change()) {
      case ASSIGNEE -> actor != null && (actor.equals(change.next()) || change.next() == null && actor.equals(change.previous()));
      default -> false;
    };
    if (actor == null || own) {
      return;
    }
    String step = change.task().getTaskDefinitionKey();
    String message = switch (change.change()) {
      case ASSIGNEE -> change.next() == null ? "unassigned " + step + " from " + change.previous()
          : (change.previous() == null ? "assigned " + step + " to " : "reassigned " + step + " from "
              + change.previous() + " to ") + change.next();
      case OWNER -> change.next() == null ? "removed " + change.previous() + " as owner of " + step
          : "made " + change.next() + " owner of " + step + " (delegation)";
      case CANDIDATE_USER -> "made " + change.next() + " a candidate for " + step;
      case GROUP_ADDED -> "gave " + step + " to group " + change.next();
      case GROUP_REMOVED -> "took " + step + " from group " + change.previous();
    };
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("change", change.change().name().toLowerCase());
    data.put("from", change.previous());
    data.put("to", change.next());
    audit.record(EngineContext.asProduct(() -> AuditEvent.of(change.task().getExecution(), step, actor,
        AuditEvent.Kind.ASSIGNMENT, change.change() == Change.GROUP_ADDED || change.change() == Change.GROUP_REMOVED
            ? StepHolders.STEER_RULE : StepHolders.HOLD_RULE, message)).withData(data));
  }

  /** The teams a step may move between: the groups of its role in its process (and those the service narrowed it to). */
  private Set<String> teams(DelegateTask task) {
    Optional<Step> step = StepHolding.stepOfCall(task);
    if (step.isEmpty() || step.get().role().isEmpty()) {
      // Not a USM step (the workflow's SLA escalation): it stays with the groups the model gave it.
      return candidateGroups(task);
    }
    ServiceBinding binding = EngineContext.asProduct(() -> binding(task));
    Set<String> teams = new LinkedHashSet<>(binding.groups(step.get().process(), step.get().role().get()));
    teams.addAll(binding.groupsOf(step.get()));
    return teams;
  }

  /** Whether the acting user decides moves of the step: a coordinator of its process, or an administrator. */
  private boolean steers(DelegateTask task, HolderChange change) {
    if (change.actingUser() == null) {
      return true; // the product itself
    }
    List<String> actorGroups = EngineContext.groupsOf(task.getExecution(), change.actingUser());
    if (actorGroups.contains(UsmGroups.ADMINS)) {
      return true;
    }
    Optional<Step> step = StepHolding.stepOfCall(task);
    ServiceBinding binding = EngineContext.asProduct(() -> binding(task));
    List<String> coordinators = step.isPresent() ? binding.groups(step.get().process(), Role.COORDINATOR)
        : binding.groups(binding.pattern().entryProcess(), Role.COORDINATOR);
    return actorGroups.stream().anyMatch(coordinators::contains);
  }

  private ServiceBinding binding(DelegateTask task) {
    return bindings.of(task.getExecution());
  }

  private static Set<String> candidateGroups(DelegateTask task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private static String field(Change change) {
    return switch (change) {
      case ASSIGNEE -> "assignee";
      case OWNER -> "owner";
      case CANDIDATE_USER -> "userId";
      case GROUP_ADDED, GROUP_REMOVED -> "groupId";
    };
  }
}
