package org.usm.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product's own rows of a call (call register, audit trail, step completions) follow the engine's
 * time to live for the call: once the engine's history cleanup has removed the history of an ended
 * call's workflow (its removal time is the end of the call plus the workflow's {@code historyTimeToLive}),
 * this removes the product's rows of that call too. A running call is never touched, and no second time
 * to live is declared: the models' one is the only one. The registers of agreements and managed
 * components describe services, not calls, and are kept.
 */
@Configuration
@EnableScheduling
public class CallRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CallRetention.class);

  /** Ended calls whose workflow history the engine has removed. */
  private static final String EXPIRED_CALLS = """
      SELECT c.tracking_number FROM usm_call c
      WHERE c.status IN ('closed', 'cancelled', 'withdrawn', 'reclassified')
        AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = c.process_instance_id)""";

  private final JdbcTemplate jdbc;

  public CallRetention(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Hourly inside the history cleanup window (application.yaml), after the engine's own cleanup has run. */
  @Scheduled(cron = "${usm.retention.cron:0 45 22-23,0-5 * * *}")
  @Transactional
  public int removeExpiredCalls() {
    jdbc.update("DELETE FROM usm_audit_event WHERE tracking_number IN (" + EXPIRED_CALLS + ")");
    jdbc.update("DELETE FROM usm_step_completion WHERE tracking_number IN (" + EXPIRED_CALLS + ")");
    jdbc.update("DELETE FROM usm_step_claim WHERE tracking_number IN (" + EXPIRED_CALLS + ")");
    // What crossed to other installations for the call: finished, so nothing is left to send.
    jdbc.update("DELETE FROM usm_link_outbox WHERE tracking_number IN (" + EXPIRED_CALLS + ") AND done_at IS NOT NULL");
    jdbc.update("DELETE FROM usm_linked_call WHERE tracking_number IN (" + EXPIRED_CALLS + ")");
    jdbc.update("DELETE FROM usm_inbound_call WHERE tracking_number IN (" + EXPIRED_CALLS + ")");
    int calls = jdbc.update("DELETE FROM usm_call WHERE tracking_number IN (" + EXPIRED_CALLS + ")");
    if (calls > 0) {
      LOG.info("Retention: removed {} ended call(s) whose history the engine removed", calls);
    }
    return calls;
  }
}
