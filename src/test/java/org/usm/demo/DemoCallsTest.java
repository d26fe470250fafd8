package org.usm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.usm.chain.ChainFigures;
import org.usm.security.UsmGroups;
import org.usm.testing.UsmApi;

/**
 * The demo's month of calls: every scenario written, at the moments it would have happened (the engine's
 * history and the product's records agree), with the product's rules applied on the way.
 */
// One live context at a time: the engine REST API and the webapps find the engine by the name "default".
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "usm.demo.calls-enabled=true")
@ActiveProfiles({"demo", "test"})
class DemoCallsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired ChainFigures figures;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;

  @Test
  void everyScenarioIsWrittenInThePastAndWorkedByTheRules() {
    List<Map<String, Object>> calls = jdbc.queryForList("SELECT * FROM usm_call WHERE parent_tracking_number IS NULL");
    assertThat(calls).as("one call per scenario").hasSize(DemoCalls.SCENARIOS.size());
    assertThat(calls).as("every requester is a citizen or employee with an account in usm-requesters")
        .allSatisfy(call -> assertThat(identity.createUserQuery().userId((String) call.get("requester"))
            .memberOfGroup(UsmGroups.REQUESTERS).count()).as("requester %s", call.get("requester")).isOne());
    long closed = DemoCalls.SCENARIOS.stream().filter(s -> s.openAt() == null).count();
    assertThat(calls).filteredOn(c -> "closed".equals(c.get("status"))).hasSize((int) closed);

    Instant now = Instant.now();
    assertThat(calls).allSatisfy(call -> {
      Instant registered = ((Timestamp) call.get("registered_at")).toInstant();
      assertThat(registered).isBefore(now.minus(Duration.ofHours(12)));
      if (call.get("closed_at") != null) {
        assertThat(((Timestamp) call.get("closed_at")).toInstant()).isAfter(registered.plus(Duration.ofHours(1)))
            .isBefore(now);
      }
    });
    assertThat(history.createHistoricTaskInstanceQuery().finishedAfter(
        java.util.Date.from(now.minus(Duration.ofMinutes(30)))).count())
        .as("the engine's history carries the moments the steps were done, not the moment the demo was written")
        .isZero();

    assertThat(jdbc.queryForList("SELECT tracking_number, sla_breached_at FROM usm_call WHERE sla_breached_at > ?",
        Timestamp.from(now.minus(Duration.ofMinutes(30)))))
        .as("every breach carries the moment its call was due, not the moment the demo was written").isEmpty();
    assertThat(jdbc.queryForList("SELECT * FROM usm_step_completion")).as("each step taken up, then worked")
        .allSatisfy(step -> assertThat((Timestamp) step.get("claimed_at")).isNotNull()
            .isAfterOrEqualTo((Timestamp) step.get("opened_at")).isBeforeOrEqualTo((Timestamp) step.get("completed_at")))
        .allSatisfy(step -> assertThat(step.get("group_id")).as("the team of %s", step.get("step")).isNotNull());
    assertThat(calls).filteredOn(c -> "closed".equals(c.get("status")) && c.get("outcome") == null)
        .as("a call delivered has its moment of fulfilment").allSatisfy(call -> assertThat(call.get("fulfilled_at"))
            .isNotNull());
    assertThat(calls).as("an incident re-routed at R4").anySatisfy(call -> assertThat(call.get("pattern"))
        .isEqualTo("WF3").isNotEqualTo(call.get("predicted_pattern")));
    assertThat(calls).as("a breached SLA").anySatisfy(call -> assertThat(call.get("sla_breached_at")).isNotNull());
    assertThat(jdbc.queryForList("SELECT rule_id FROM usm_audit_event WHERE kind = 'REFUSAL'", String.class))
        .as("the builder who tried to test their own change").contains("SOD-1");
    assertThat(String.join("\n", jdbc.queryForList(
        "SELECT summary FROM usm_call WHERE parent_tracking_number IS NOT NULL AND call_type = 'risk'", String.class)))
        .as("improvement findings (and breached SLAs) started risks")
        .contains("Adressen met huisletter ontbreken in de testset van de BRP-koppeling")
        .contains("Dubbel indienen van het verhuisformulier is mogelijk")
        .as("a linked call late against its link's agreement").contains("Link 'afval' (Afvalinzameling) late");
    assertThat(jdbc.queryForList("SELECT status FROM usm_linked_call", String.class))
        .as("verhuizing handed the waste collection to afvalinzameling, which closed it").hasSize(2)
        .containsOnly("closed");
  }

  @Test
  void theChainFiguresHaveSomethingToSay() {
    ChainFigures.Figures month = figures.of(Map.of());

    assertThat(month.rows()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(month.rows()).anySatisfy(row -> {
      assertThat(row.leadTimeMedianMinutes()).isGreaterThan(60.0);
      assertThat(row.stepTimeMedianMinutes()).isLessThan(row.leadTimeMedianMinutes());
    });
    assertThat(month.rows()).anySatisfy(row -> assertThat(row.handoverWaitMedianMinutes()).isNotNull());
    assertThat(month.rows()).anySatisfy(row -> assertThat(row.slaMetRate()).isLessThan(1.0));
    assertThat(month.rows()).anySatisfy(row -> {
      assertThat(row.fulfilmentLeadTimeMedianMinutes()).isLessThan(row.leadTimeMedianMinutes());
      assertThat(row.slaMetAtFulfilmentRate()).isNotNull();
      assertThat(row.handoffWaitMedianMinutes()).isNotNull();
      assertThat(row.teams()).isNotEmpty().allSatisfy(team -> assertThat(team.queueTimeMedianMinutes()).isNotNull());
    });
    assertThat(month.rows()).as("the change whose test failed").anySatisfy(row -> assertThat(row.reworked()).isOne());
    assertThat(month.links()).singleElement().satisfies(link -> {
      assertThat(link.link()).isEqualTo("afval");
      assertThat(link.calls()).isEqualTo(2);
      assertThat(link.withinAgreement()).as("one in time, one late").isOne();
      assertThat(link.breached()).isOne();
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOwnerReadsTheMonthOfTheirChainsPerWeekOverTheApi() {
    ResponseEntity<Map<String, Object>> weekly = rest.exchange("/api/kpis?interval=week", HttpMethod.GET,
        new HttpEntity<>(UsmApi.headers("owner")), new ParameterizedTypeReference<>() {});
    assertThat(weekly.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> rows = (List<Map<String, Object>>) weekly.getBody().get("rows");
    assertThat(rows).extracting(row -> row.get("serviceId")).as("the services the owner owns")
        .containsOnly("verhuizing", "wmo-voorziening");
    assertThat(rows).extracting(row -> (String) row.get("period")).allSatisfy(period ->
        assertThat(period).matches("\\d{4}-W\\d{2}")).as("four weeks and a bit").hasSizeGreaterThan(4);
    assertThat(rows).anySatisfy(row -> {
      assertThat(row.get("fulfilmentLeadTimeMedianMinutes")).isNotNull();
      assertThat((List<Map<String, Object>>) row.get("teams")).isNotEmpty()
          .allSatisfy(team -> assertThat(team).containsKeys("group", "step", "steps", "queueTimeMedianMinutes",
              "workTimeMedianMinutes"));
    });
  }
}
