package org.usm.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.usm.definition.ServiceCatalog;
import org.usm.definition.ServiceDefinition;
import org.usm.intake.CallQueryService;
import org.usm.intake.CallSelection;
import org.usm.model.Step;
import org.usm.model.StepKind;
import org.usm.model.WorkflowPattern;

/**
 * Chain-wide figures per service and pattern over a period (the book's chain measurement: lead time,
 * predictability, reliability), from the call register, the step completions and the trail. Beside them
 * the teams' own figure, how long a step takes once opened, so that green team figures next to red chain
 * results (the watermelon effect) show on one page.
 */
@Service
public class ChainFigures {

  /** The period when none is asked for: the last 90 days, today included. */
  static final int DEFAULT_PERIOD_DAYS = 90;

  /** The figures of one service and pattern; rates from 0 to 1, durations in minutes; null without data. */
  public record Row(String serviceId, String serviceName, String pattern, int calls, int finished,
      Double leadTimeMedianMinutes, Double leadTimeP90Minutes, int slaMet, Double slaMetRate,
      Double handoverWaitMedianMinutes, Double stepTimeMedianMinutes, int reroutes, Double rerouteRate,
      Map<String, Integer> refusalsByRule, int improvementFindings) {}

  /**
   * The figures of one link of a service (DESIGN §11): the calls handed to it, how many the provider
   * finished (fulfilled, refused or closed), the lead time from hand-over to that answer, and how many came
   * within the link's agreed handling time.
   */
  public record LinkRow(String serviceId, String link, String linkName, int calls, int finished,
      Double leadTimeMedianMinutes, int withinAgreement, Double withinAgreementRate, int breached) {}

  public record Figures(LocalDate from, LocalDate to, List<Row> rows, List<LinkRow> links) {}

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
    CallSelection asked = CallSelection.parsePeriod(parameters);
    LocalDate to = asked.registeredTo() != null ? asked.registeredTo() : LocalDate.now(clock);
    LocalDate from = asked.registeredFrom() != null ? asked.registeredFrom() : to.minusDays(DEFAULT_PERIOD_DAYS - 1);
    CallSelection selection = calls.visible(asked.during(from, to));

    Map<String, Group> groups = new TreeMap<>();
    Map<String, Group> byCall = new HashMap<>();
    query(selection, "SELECT c.tracking_number, c.service_id, c.pattern, c.predicted_pattern, c.registered_at, "
        + "c.sla_due_at, c.sla_breached_at, c.closed_at FROM usm_call c WHERE ", "", rs -> {
          String serviceId = rs.getString(2);
          String pattern = rs.getString(3);
          Group group = groups.computeIfAbsent(serviceId + " " + pattern, key -> new Group(serviceId, pattern));
          byCall.put(rs.getString(1), group);
          group.add(rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
              rs.getTimestamp(7) != null, rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
        });
    query(selection, "SELECT s.tracking_number, s.process_key, s.step, s.opened_at, s.completed_at "
        + "FROM usm_step_completion s JOIN usm_call c ON c.tracking_number = s.tracking_number WHERE ",
        " AND s.opened_at IS NOT NULL", rs -> byCall.get(rs.getString(1)).completed(rs.getString(2), rs.getString(3),
            Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant())));
    query(selection, "SELECT e.tracking_number, e.rule_id FROM usm_audit_event e "
        + "JOIN usm_call c ON c.tracking_number = e.tracking_number WHERE ", " AND e.kind = 'REFUSAL'",
        rs -> byCall.get(rs.getString(1)).refusalsByRule.merge(String.valueOf(rs.getString(2)), 1, Integer::sum));
    query(selection, "SELECT r.parent_tracking_number FROM usm_call r "
        + "JOIN usm_call c ON c.tracking_number = r.parent_tracking_number WHERE ", " AND r.call_type = 'risk' "
        // A call reclassified as a risk is that risk, not a finding of its evaluation.
        + "AND (c.reclassified_as IS NULL OR c.reclassified_as <> r.tracking_number)",
        rs -> byCall.get(rs.getString(1)).improvementFindings++);
    Map<String, LinkGroup> links = new TreeMap<>();
    query(selection, "SELECT l.service_id, l.link_id, l.link_name, l.requested_at, l.due_at, l.finished_at, "
        + "l.breached_at FROM usm_linked_call l JOIN usm_call c ON c.tracking_number = l.tracking_number WHERE ", "",
        rs -> {
          String serviceId = rs.getString(1);
          String link = rs.getString(2);
          String linkName = rs.getString(3);
          links.computeIfAbsent(serviceId + " " + link, key -> new LinkGroup(serviceId, link, linkName)).add(
              rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
              rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) != null);
        });
    return new Figures(from, to, groups.values().stream().map(Group::row).toList(),
        links.values().stream().map(LinkGroup::row).toList());
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
          withinAgreement, finished == 0 ? null : Group.rate(withinAgreement, finished), breached);
    }
  }

  private void query(CallSelection selection, String select, String more,
      org.springframework.jdbc.core.RowCallbackHandler row) {
    List<Object> args = new ArrayList<>();
    String where = selection.where("c", clock.getZone(), args);
    jdbc.query(select + where + more, row, args.toArray());
  }

  /** The calls of one service and pattern, as the queries meet them. */
  private final class Group {

    private final String serviceId;
    private final WorkflowPattern pattern;
    private int calls;
    private int reroutes;
    private int slaMet;
    private int improvementFindings;
    private final List<Duration> leadTimes = new ArrayList<>();
    private final List<Duration> handoverWaits = new ArrayList<>();
    private final List<Duration> stepTimes = new ArrayList<>();
    private final Map<String, Integer> refusalsByRule = new TreeMap<>();

    Group(String serviceId, String pattern) {
      this.serviceId = serviceId;
      this.pattern = WorkflowPattern.valueOf(pattern);
    }

    void add(String predictedPattern, Instant registeredAt, Instant slaDueAt, boolean breached, Instant closedAt) {
      calls++;
      if (!pattern.name().equals(predictedPattern)) {
        reroutes++;
      }
      if (closedAt != null) {
        leadTimes.add(Duration.between(registeredAt, closedAt));
        if (!breached && !closedAt.isAfter(slaDueAt)) {
          slaMet++;
        }
      }
    }

    /**
     * A step's time from opened to completed; the accept step of a process the entry process handed work
     * to is the wait at that handover (until the receiving coordinators took the work up).
     */
    void completed(String processKey, String stepId, Duration taken) {
      stepTimes.add(taken);
      Step.byId(stepId).filter(step -> step.kind() == StepKind.ACCEPT)
          .filter(step -> !pattern.entryProcess().key().equals(processKey))
          .ifPresent(step -> handoverWaits.add(taken));
    }

    Row row() {
      int finished = leadTimes.size();
      return new Row(serviceId, catalog.find(serviceId).map(ServiceDefinition::name).orElse(serviceId),
          pattern.name(), calls, finished, Durations.medianMinutes(leadTimes),
          Durations.percentileMinutes(leadTimes, 90), slaMet, finished == 0 ? null : rate(slaMet, finished),
          Durations.medianMinutes(handoverWaits), Durations.medianMinutes(stepTimes), reroutes,
          rate(reroutes, calls), refusalsByRule, improvementFindings);
    }

    private static Double rate(int part, int whole) {
      return Math.round(1000.0 * part / whole) / 1000.0;
    }
  }
}
