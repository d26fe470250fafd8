package org.usm.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.model.WorkflowPattern;
import org.usm.testing.UsmApi;

/**
 * Retention: a call that ended more than its time to live ago is removed completely, from the engine's
 * history and from the product's own tables, by the engine's history cleanup and the product's
 * retention; a running call of the same age is kept whole.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RetentionTest {

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CallRetention retention;

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Test
  void aClosedCallPastItsTimeToLiveIsRemovedCompletelyAndARunningOneIsKept() {
    UsmApi api = new UsmApi(rest);
    String closed = api.register("servicedesk", Map.of("serviceId", "verhuizing", "type", "service-request",
        "summary", "Uittreksel BRP", "requester", "inwoner-4711"));
    api.drive(closed, WorkflowPattern.WF5);
    String running = api.register("servicedesk", Map.of("serviceId", "verhuizing", "type", "incident",
        "summary", "Adres niet gewijzigd", "requester", "inwoner-4711"));
    assertThat(api.callBody("auditor", closed)).containsEntry("status", "closed");
    assertThat(productRows(closed)).isPositive();

    // 731 days on: the history of the closed call has passed its time to live of 730 days.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 731L * 24 * 3600 * 1000));
    assertThat(retention.removeExpiredCalls()).as("nothing goes before the engine removed the history").isZero();
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    for (int run = 0; run < 10 && historyOf(closed) > 0; run++) {
      managementService.executeJob(cleanup.getId());
    }
    assertThat(retention.removeExpiredCalls()).isEqualTo(1);

    assertThat(historyOf(closed)).isZero();
    assertThat(productRows(closed)).isZero();
    assertThat(historyOf(running)).isPositive();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(running).count()).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usm_call WHERE tracking_number = ?", Integer.class, running))
        .isOne();
  }

  private long historyOf(String trackingNumber) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count();
  }

  private int productRows(String trackingNumber) {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM usm_call WHERE tracking_number = ?) "
        + "+ (SELECT COUNT(*) FROM usm_audit_event WHERE tracking_number = ?) "
        + "+ (SELECT COUNT(*) FROM usm_step_completion WHERE tracking_number = ?)", Integer.class,
        trackingNumber, trackingNumber, trackingNumber);
  }
}
