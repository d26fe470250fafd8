package org.usm.chain;

import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.clock.UsmClock;
import org.usm.engine.ModelListener;
import org.usm.engine.ParsedActivity;
import org.usm.model.Step;

/**
 * Notes when somebody first took up each USM step: the end of its queue time and the start of its work time
 * (DESIGN §13). In the transaction of the claim or assignment itself; the completion copies it to its record.
 * A step given back and taken up again keeps its first moment: the team had it from then.
 */
@Component
public class StepClaims implements ModelListener {

  private final JdbcTemplate jdbc;

  public StepClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void parsedUserTask(ParsedActivity userTask) {
    if (Step.byId(userTask.id()).isEmpty()) {
      return;
    }
    userTask.onTaskAssigned(task -> {
      if (task.getAssignee() == null) {
        return;
      }
      String step = task.getExecution().getActivityInstanceId();
      Integer noted = jdbc.queryForObject("SELECT COUNT(*) FROM usm_step_claim WHERE activity_instance_id = ?",
          Integer.class, step);
      if (noted == 0) {
        jdbc.update("INSERT INTO usm_step_claim (activity_instance_id, tracking_number, claimed_at) VALUES (?, ?, ?)",
            step, task.getExecution().getProcessBusinessKey(), Timestamp.from(UsmClock.now()));
      }
    });
  }
}
