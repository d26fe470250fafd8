package org.usm.steering;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who holds a step and who moves it (DESIGN §12). Coordinators organise, direct and check the operators'
 * work, along the process and along the team (book l.1551, l.3130, l.3139–3144); operators execute. So a
 * step goes only to a member of its groups, whoever hands it (the engine lets anyone who may update a task
 * name any user); and moving it to another team of its process is its coordinators' decision. Plain Java:
 * the engine adapter supplies the facts.
 */
public final class StepHolders {

  private StepHolders() {}

  /** A step goes only to members of its groups: as assignee, owner (delegation) or candidate. */
  public static final String HOLD_RULE = "SOD-HOLD";
  /** The process's coordinators move a step to another of its teams; a step keeps a team. */
  public static final String STEER_RULE = "SOD-STEER";

  /**
   * The SLA escalation's steering names an open step of the call and what happens to it: a form's input, so
   * a 400 naming the field (who may do it is SOD-HOLD's and SOD-STEER's).
   */
  public static final String ESCALATION_RULE = "STEER-1";

  /** A refusal: the rule and the message the user reads. */
  public record Refusal(String ruleId, String message) {}

  /** SOD-HOLD: {@code user} may hold the step only as a member of one of the step's groups. */
  public static Optional<Refusal> toHold(String step, String user, Collection<String> userGroups,
      Collection<String> stepGroups) {
    if (userGroups.stream().anyMatch(stepGroups::contains)) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(HOLD_RULE, step + " goes only to a member of its groups " + sorted(stepGroups)
        + "; " + user + " is not one: a step is worked by the team the service gives it, and coordinators steer "
        + "it to someone in that team"));
  }

  /**
   * SOD-STEER: the group joins the step only when it is one of the step's teams in its process, and when
   * a coordinator of the process (or an administrator) decides it.
   */
  public static Optional<Refusal> toMove(String step, String group, String actingUser, boolean actorSteers,
      Collection<String> teams) {
    if (!teams.contains(group)) {
      return Optional.of(new Refusal(STEER_RULE, step + " moves only to a team its process gives the step "
          + sorted(teams) + ", not to '" + group + "'"));
    }
    if (!actorSteers) {
      return Optional.of(new Refusal(STEER_RULE, "moving " + step + " to another team is a decision of its "
          + "process's coordinators; " + (actingUser == null ? "nobody" : actingUser) + " is not one of them"));
    }
    return Optional.empty();
  }

  /**
   * SOD-STEER: a group leaves the step only by its coordinators' decision, only when another group keeps it,
   * and only when its holder is a member of a group that keeps it.
   */
  public static Optional<Refusal> toLeave(String step, String group, String actingUser, boolean actorSteers,
      Collection<String> remainingGroups, String assignee, Collection<String> assigneeGroups) {
    if (!actorSteers) {
      return Optional.of(new Refusal(STEER_RULE, "taking " + step + " from group '" + group + "' is a decision of "
          + "its process's coordinators; " + (actingUser == null ? "nobody" : actingUser) + " is not one of them"));
    }
    if (remainingGroups.isEmpty()) {
      return Optional.of(new Refusal(STEER_RULE, step + " keeps a team: give it to the new group first, then take it "
          + "from '" + group + "'"));
    }
    if (assignee != null && assigneeGroups.stream().noneMatch(remainingGroups::contains)) {
      return Optional.of(new Refusal(STEER_RULE, step + " is held by " + assignee + ", who is not in the groups that "
          + "keep it " + sorted(remainingGroups) + ": assign it to one of their members (or unassign it) first"));
    }
    return Optional.empty();
  }

  private static List<String> sorted(Collection<String> groups) {
    return groups.stream().sorted().toList();
  }
}
