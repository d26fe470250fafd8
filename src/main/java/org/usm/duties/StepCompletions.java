package org.usm.duties;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
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

  public void record(String trackingNumber, String processKey, String processInstanceId, Step step, String user,
      Instant at) {
    jdbc.update("""
        INSERT INTO usm_step_completion (tracking_number, process_key, process_instance_id, step, user_id, completed_at)
        VALUES (?, ?, ?, ?, ?, ?)""", trackingNumber, processKey, processInstanceId, step.id(), user, Timestamp.from(at));
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
