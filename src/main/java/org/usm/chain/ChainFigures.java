package org.usm.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.intake.CallQueryService;
import org.usm.intake.CallRejectedException;
import org.usm.intake.CallSelection;

/**
 * Chain-wide figures per service and pattern over a period (the book's chain measurement: lead time,
 * predictability, reliability), from the call register, the step completions and the trail, added up by
 * {@link ChainAggregation}. Beside them the teams' own figures, so that green team figures next to red chain
 * results (the watermelon effect) show on one page.
 */
@Service
public class ChainFigures {

  /** The period when none is asked for: the last 90 days, today included. */
  static final int DEFAULT_PERIOD_DAYS = 90;

  /**
   * The figures of one service and pattern (and period, with an interval); rates from 0 to 1, durations in
   * minutes; null without data. The lead time and SLA run to the closure, the fulfilment figures to the
   * moment the customer accepted the delivery (DESIGN §13).
   */
  public record Row(String serviceId, String serviceName, String pattern,
      @JsonInclude(JsonInclude.Include.NON_NULL) String period, int calls, int finished,
      Double leadTimeMedianMinutes, Double leadTimeP90Minutes, int slaMet, Double slaMetRate, int fulfilled,
      Double fulfilmentLeadTimeMedianMinutes, Double fulfilmentLeadTimeP90Minutes, int slaMetAtFulfilment,
      Double slaMetAtFulfilmentRate, boolean chainMissesSla, int reworked, Double reworkRate,
      Double firstTimeRightRate, Double handoverWaitMedianMinutes, Double handoffWaitMedianMinutes,
      Double stepTimeMedianMinutes, List<TeamRow> teams, int reroutes, Double rerouteRate,
      Map<String, Integer> refusalsByRule, int improvementFindings) {}

  /**
   * One team's work on one step: how many it completed, the median wait until somebody took the step up
   * (queue) and from then to its completion (work); {@code greenWhileChainRed} when the team is quick on its
   * own terms while the chain misses its SLA (the watermelon effect, book l.487–511).
   */
  public record TeamRow(String group, String step, int steps, Double queueTimeMedianMinutes,
      Double workTimeMedianMinutes, boolean greenWhileChainRed) {}

  /**
   * The figures of one link of a service (DESIGN §11): the calls handed to it, how many the provider
   * finished (fulfilled, refused or closed), the lead time from hand-over to that answer, and how many came
   * within the link's agreed handling time.
   */
  public record LinkRow(String serviceId, String link, String linkName, int calls, int finished,
      Double leadTimeMedianMinutes, int withinAgreement, Double withinAgreementRate, int breached) {}

  /** The figures of a period: {@code interval} (week or month) when its rows are cut per period. */
  public record Figures(LocalDate from, LocalDate to, @JsonInclude(JsonInclude.Include.NON_NULL) String interval,
      List<Row> rows, List<LinkRow> links) {}

  /** The parameter that cuts the figures per week or month. */
  public static final String INTERVAL = "interval";

  private final JdbcTemplate jdbc;
  private final CallQueryService calls;
  private final ServiceCatalog catalog;
  private final Clock clock;

  public ChainFigures(JdbcTemplate jdbc, CallQueryService calls, ServiceCatalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.calls = calls;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The figures of the calls the parameters select that the user may read. */
  public Figures of(Map<String, String> parameters) {
    Map<String, String> filters = new HashMap<>(parameters);
    String intervalText = filters.remove(INTERVAL);
    Optional<ChainPeriod> interval = ChainPeriod.parse(intervalText);
    if (intervalText != null && !intervalText.isBlank() && interval.isEmpty()) {
      throw new CallRejectedException(CallRejectedException.Reason.INVALID, INTERVAL,
          INTERVAL + " must be " + ChainPeriod.names() + " (got '" + intervalText + "')");
    }
    CallSelection asked = CallSelection.parsePeriod(filters);
    if (asked.serviceId() != null && !calls.readsAllCallsOf(asked.serviceId())) {
      throw new CallRejectedException(CallRejectedException.Reason.FORBIDDEN, "serviceId", "the figures of service '"
          + asked.serviceId() + "' are for its owner, the teams that work it and auditors");
    }
    LocalDate to = asked.registeredTo() != null ? asked.registeredTo() : LocalDate.now(clock);
    LocalDate from = asked.registeredFrom() != null ? asked.registeredFrom() : to.minusDays(DEFAULT_PERIOD_DAYS - 1);
    CallSelection selection = calls.visible(asked.during(from, to));

    ChainAggregation chain = new ChainAggregation(interval, clock.getZone(),
        serviceId -> catalog.find(serviceId).map(ServiceDefinition::name).orElse(serviceId));
    query(selection, "SELECT c.tracking_number, c.service_id, c.pattern, c.predicted_pattern, c.registered_at, "
        + "c.sla_due_at, c.sla_breached_at, c.fulfilled_at, c.closed_at, c.rework_count, c.step_facts "
        + "FROM usm_call c WHERE ", "", rs -> {
          ChainAggregation.CallFacts call = new ChainAggregation.CallFacts(rs.getString(1), rs.getString(2),
              rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6), rs.getTimestamp(7) != null,
              instant(rs, 8), instant(rs, 9), rs.getInt(10));
          chain.call(call);
          String facts = rs.getString(11);
          if (facts != null) {
            chain.endedCallSteps(call, facts);
          }
        });
    // The steps of the calls that have not ended, as recorded.
    query(selection, "SELECT s.tracking_number, s.process_key, s.process_instance_id, s.step, s.group_id, "
        + "s.opened_at, s.claimed_at, s.completed_at FROM usm_step_completion s "
        + "JOIN usm_call c ON c.tracking_number = s.tracking_number WHERE ",
        " AND c.step_facts IS NULL AND s.opened_at IS NOT NULL",
        rs -> chain.step(new ChainAggregation.StepFacts(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8))));
    query(selection, "SELECT e.tracking_number, e.rule_id FROM usm_audit_event e "
        + "JOIN usm_call c ON c.tracking_number = e.tracking_number WHERE ", " AND e.kind = 'REFUSAL'",
        rs -> chain.refusal(rs.getString(1), String.valueOf(rs.getString(2))));
    query(selection, "SELECT r.parent_tracking_number FROM usm_call r "
        + "JOIN usm_call c ON c.tracking_number = r.parent_tracking_number WHERE ", " AND r.call_type = 'risk' "
        // A call reclassified as a risk is that risk, not a finding of its evaluation.
        + "AND (c.reclassified_as IS NULL OR c.reclassified_as <> r.tracking_number)",
        rs -> chain.improvementFinding(rs.getString(1)));
    Map<String, LinkGroup> links = new TreeMap<>();
    query(selection, "SELECT l.service_id, l.link_id, l.link_name, l.requested_at, l.due_at, l.finished_at, "
        + "l.breached_at FROM usm_linked_call l JOIN usm_call c ON c.tracking_number = l.tracking_number WHERE ", "",
        rs -> {
          String serviceId = rs.getString(1);
          String link = rs.getString(2);
          String linkName = rs.getString(3);
          links.computeIfAbsent(serviceId + " " + link, key -> new LinkGroup(serviceId, link, linkName)).add(
              instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getTimestamp(7) != null);
        });
    return new Figures(from, to, interval.map(p -> p.name().toLowerCase(Locale.ROOT)).orElse(null),
        chain.rows(), links.values().stream().map(LinkGroup::row).toList());
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  /** The calls handed to one link of a service, as the query meets them. */
  private static final class LinkGroup {

    private final String serviceId;
    private final String link;
    private final String linkName;
    private int calls;
    private int withinAgreement;
    private int breached;
    private final List<Duration> leadTimes = new ArrayList<>();

    LinkGroup(String serviceId, String link, String linkName) {
      this.serviceId = serviceId;
      this.link = link;
      this.linkName = linkName;
    }

    void add(Instant requestedAt, Instant dueAt, Instant finishedAt, boolean late) {
      calls++;
      if (late) {
        breached++;
      }
      if (finishedAt != null) {
        leadTimes.add(Duration.between(requestedAt, finishedAt));
        if (!finishedAt.isAfter(dueAt)) {
          withinAgreement++;
        }
      }
    }

    LinkRow row() {
      int finished = leadTimes.size();
      return new LinkRow(serviceId, link, linkName, calls, finished, Durations.medianMinutes(leadTimes),
          withinAgreement, ChainAggregation.rate(withinAgreement, finished), breached);
    }
  }

  private void query(CallSelection selection, String select, String more,
      org.springframework.jdbc.core.RowCallbackHandler row) {
    List<Object> args = new ArrayList<>();
    String where = selection.where("c", clock.getZone(), args);
    jdbc.query(select + where + more, row, args.toArray());
  }
}
