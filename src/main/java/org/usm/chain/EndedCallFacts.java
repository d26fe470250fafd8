package org.usm.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.usm.intake.CallStatus;
import org.usm.intake.CallStatusChanged;

/**
 * As a call ends (closed, cancelled or withdrawn), writes its step completions onto its register row
 * ({@link CallStepFacts}), in the transaction of the end: what the figures read of an ended call never changes.
 */
@Component
public class EndedCallFacts {

  private static final Set<CallStatus> ENDS = Set.of(CallStatus.CLOSED, CallStatus.CANCELLED, CallStatus.WITHDRAWN);

  private final JdbcTemplate jdbc;

  public EndedCallFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  public void callEnded(CallStatusChanged change) {
    if (!ENDS.contains(change.status())) {
      return;
    }
    String trackingNumber = change.trackingNumber();
    Instant registeredAt = jdbc.queryForObject("SELECT registered_at FROM usm_call WHERE tracking_number = ?",
        Timestamp.class, trackingNumber).toInstant();
    List<ChainAggregation.StepFacts> steps = jdbc.query("SELECT process_key, process_instance_id, step, group_id, "
        + "opened_at, claimed_at, completed_at FROM usm_step_completion WHERE tracking_number = ? "
        + "AND opened_at IS NOT NULL ORDER BY id", (rs, row) -> new ChainAggregation.StepFacts(trackingNumber,
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), ChainFigures.instant(rs, 5),
            ChainFigures.instant(rs, 6), ChainFigures.instant(rs, 7)), trackingNumber);
    CallStepFacts.encode(steps, registeredAt).ifPresent(facts -> jdbc.update(
        "UPDATE usm_call SET step_facts = ? WHERE tracking_number = ?", facts, trackingNumber));
  }
}
