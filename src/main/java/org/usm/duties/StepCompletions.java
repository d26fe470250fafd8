package org.usm.duties;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.model.Step;

/**
 * The record of who completed which step of a call, the facts separation of duties is checked against.
 * Written in the transaction of the completion itself, so a completion and its record exist together or
 * not at all; no process variable is involved, so no user can change it.
 */
@Component
public class StepCompletions {

  private final JdbcTemplate jdbc;

  public StepCompletions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A completion: who completed the step, for which of its groups, when its task was opened, when somebody
   * first took it up (noted by the activity instance of the step, if it was claimed or assigned) and when it
   * was completed.
   */
  public void record(String trackingNumber, String processKey, String processInstanceId, String activityInstanceId,
      Step step, String user, String group, Instant openedAt, Instant completedAt) {
    jdbc.update("""
        INSERT INTO usm_step_completion (tracking_number, process_key, process_instance_id, step, user_id, group_id,
          opened_at, claimed_at, completed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT claimed_at FROM usm_step_claim WHERE activity_instance_id = ?), ?)""",
        trackingNumber, processKey, processInstanceId, step.id(), user, group, Timestamp.from(openedAt),
        activityInstanceId, Timestamp.from(completedAt));
  }

  /** One completion of a step, as recorded. */
  public record Completion(String processInstanceId, String step, String userId, Instant openedAt,
      Instant completedAt) {}

  /** Every completion of every step of the call, in the order they happened. */
  public List<Completion> ofCall(String trackingNumber) {
    return jdbc.query("SELECT process_instance_id, step, user_id, opened_at, completed_at FROM usm_step_completion "
        + "WHERE tracking_number = ? ORDER BY id", (rs, row) -> new Completion(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5).toInstant()), trackingNumber);
  }

  /** Everybody who completed each step of the call, in any of its processes, rework included. */
  public Map<Step, Set<String>> completersOf(String trackingNumber) {
    Map<Step, Set<String>> completers = new EnumMap<>(Step.class);
    jdbc.query("SELECT step, user_id FROM usm_step_completion WHERE tracking_number = ? AND user_id IS NOT NULL",
        rs -> {
          String user = rs.getString(2);
          Step.byId(rs.getString(1)).ifPresent(step -> completers.computeIfAbsent(step, s -> new HashSet<>()).add(user));
        }, trackingNumber);
    return completers;
  }
}
