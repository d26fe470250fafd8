// The Service report: one service for its owner and auditors (DESIGN §13; book l.2319–2327, l.487–511): the
// customer's lead time to fulfilment beside the teams' own queue and work times (the watermelon view, drawn),
// the trend per month or week, rework, re-routes and refusals, the links; printable for a monthly review and
// as CSV. Only GET requests.
import { h, clear, fill, failureBox, loading, table, field, select, onFilterSubmit } from '../dom.js';
import { getJson } from '../http.js';
import { parseRoute, reportHash, kpisUrl, pickFilters, REPORT_FILTERS } from '../util/route.js';
import {
  formatDuration, formatRate, formatCount, formatRefusals, ratePercent, chartDuration, chartDurationUnit, unitSymbol, day,
  DASH,
} from '../util/format.js';
import { barChart, chartBox, drawInto, COLORS } from '../charts.js';
import { linkLabel } from '../util/links.js';
import { watermelonBars, greenWhileChainRed } from '../util/figures.js';
import { t } from '../texts.js';

const INTERVALS = ['month', 'week'];

function toolbar(filters, services, onSubmit, csvUrl) {
  const form = h('form', { class: 'usm-filters usm-report-tools', 'data-testid': 'usm-report-filters' },
    field(t('field.service'), select('serviceId', services.map((s) => [s.serviceId, s.serviceName]), filters.serviceId,
      'usm-report-service')),
    field(t('from'), h('input', { type: 'date', name: 'from', value: filters.from, class: 'form-control', 'data-testid': 'usm-filter-from' })),
    field(t('to'), h('input', { type: 'date', name: 'to', value: filters.to, class: 'form-control', 'data-testid': 'usm-filter-to' })),
    field(t('report.trendPer'), select('interval', INTERVALS.map((i) => [i, t(`report.${i}`)]), filters.interval || 'month', 'usm-report-interval')),
    h('div', { class: 'usm-filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-default btn-primary', 'data-testid': 'usm-filter-apply' }, t('show')),
      h('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'usm-report-print', onclick: () => window.print() },
        t('report.print')),
      h('a', { href: csvUrl, class: 'btn btn-default', download: '', 'data-testid': 'usm-report-csv' }, t('report.csv'))));
  return onFilterSubmit(form, REPORT_FILTERS, onSubmit);
}

function patternTable(rows, testid, first) {
  return table(testid, [first, 'kpi.calls', 'kpi.fulfilled', 'kpi.toFulfilmentMedian', 'kpi.toFulfilmentP90',
    'kpi.slaMetAtFulfilment', 'kpi.toClosureMedian', 'kpi.slaMetAtClosure', 'kpi.reworkRate', 'kpi.firstTimeRight',
    'kpi.handoffWaitMedian', 'kpi.reroutes', 'kpi.refusalsByRule', 'kpi.improvementFindings'].map((key) => t(key)),
  rows.map((row) => h('tr', { 'data-testid': `${testid}-row`, class: row.chainMissesSla ? 'usm-red' : '' },
    h('td', null, first === 'kpi.period' ? row.period ?? DASH : row.pattern ?? DASH),
    h('td', { class: 'usm-num' }, formatCount(row.calls)),
    h('td', { class: 'usm-num' }, formatCount(row.fulfilled)),
    h('td', { class: 'usm-num' }, formatDuration(row.fulfilmentLeadTimeMedianMinutes)),
    h('td', { class: 'usm-num' }, formatDuration(row.fulfilmentLeadTimeP90Minutes)),
    h('td', { class: 'usm-num' }, formatRate(row.slaMetAtFulfilmentRate)),
    h('td', { class: 'usm-num' }, formatDuration(row.leadTimeMedianMinutes)),
    h('td', { class: 'usm-num' }, formatRate(row.slaMetRate)),
    h('td', { class: 'usm-num' }, formatRate(row.reworkRate)),
    h('td', { class: 'usm-num' }, formatRate(row.firstTimeRightRate)),
    h('td', { class: 'usm-num' }, formatDuration(row.handoffWaitMedianMinutes)),
    h('td', { class: 'usm-num' }, formatCount(row.reroutes)),
    h('td', null, formatRefusals(row.refusalsByRule)),
    h('td', { class: 'usm-num' }, formatCount(row.improvementFindings)))));
}

function teamTable(rows) {
  return table('usm-report-teams', [...['field.pattern', 'report.team', 'call.step', 'report.steps', 'report.queueMedian',
    'report.workMedian'].map((key) => t(key)), ''],
    rows.flatMap((row) => (row.teams ?? []).map((team) => h('tr', {
      'data-testid': 'usm-report-team', class: team.greenWhileChainRed ? 'usm-watermelon' : '',
    },
    h('td', null, row.pattern),
    h('td', null, team.group ?? DASH),
    h('td', null, team.step),
    h('td', { class: 'usm-num' }, formatCount(team.steps)),
    h('td', { class: 'usm-num' }, formatDuration(team.queueTimeMedianMinutes)),
    h('td', { class: 'usm-num' }, formatDuration(team.workTimeMedianMinutes)),
    h('td', null, team.greenWhileChainRed ? t('report.greenWhileRed') : '')))));
}

function linkTable(links) {
  return table('usm-report-links', ['call.link', 'kpi.calls', 'report.answered', 'kpi.leadTimeMedian',
    'report.withinAgreement', 'report.late'].map((key) => t(key)),
    links.map((link) => h('tr', { 'data-testid': 'usm-report-link' },
      h('td', null, linkLabel(link)),
      h('td', { class: 'usm-num' }, formatCount(link.calls)),
      h('td', { class: 'usm-num' }, formatCount(link.finished)),
      h('td', { class: 'usm-num' }, formatDuration(link.leadTimeMedianMinutes)),
      h('td', { class: 'usm-num' }, formatRate(link.withinAgreementRate)),
      h('td', { class: 'usm-num' }, formatCount(link.breached)))));
}

export function reportPage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-report-page');
  const title = h('h2', { class: 'usm-title', 'data-testid': 'usm-report-title' }, t('report.title'));
  const toolsSlot = h('div');
  const results = h('div');
  root.append(title, toolsSlot, results);

  let charts = [];
  const destroyCharts = () => {
    for (const chart of charts.splice(0)) {
      try {
        chart.destroy();
      } catch {
        // already gone
      }
    }
  };
  view.onDispose(destroyCharts);
  let request = 0;
  let shownKey = null;

  const show = (initial) => {
    const route = parseRoute(location.hash);
    if (!initial && route.view !== 'report') return;
    const asked = pickFilters(route.view === 'report' ? route.query : {}, REPORT_FILTERS);
    const key = reportHash(asked);
    if (key === shownKey) return;
    shownKey = key;
    const mine = ++request;
    destroyCharts();
    clear(results).appendChild(loading());
    const period = { from: asked.from, to: asked.to };
    getJson(kpisUrl(view.urls.usm, period)).then(async (all) => {
      // By name, so an owner of several services always lands on the same one.
      const services = [...new Map((all?.rows ?? []).map((r) => [r.serviceId, r])).values()]
        .sort((a, b) => a.serviceName.localeCompare(b.serviceName));
      const filters = { ...asked, serviceId: asked.serviceId || services[0]?.serviceId || '', interval: asked.interval || 'month' };
      const trends = filters.serviceId
        ? await getJson(kpisUrl(view.urls.usm, filters, REPORT_FILTERS)) : { rows: [] };
      if (!view.alive || mine !== request) return;
      const rows = (all?.rows ?? []).filter((r) => r.serviceId === filters.serviceId);
      const links = (all?.links ?? []).filter((l) => l.serviceId === filters.serviceId);
      const name = rows[0]?.serviceName ?? filters.serviceId;
      title.textContent = filters.serviceId ? t('report.titleOf', name) : t('report.title');
      fill(toolsSlot, () => toolbar(filters, services, (values) => {
        location.hash = reportHash(values);
      }, kpisUrl(view.urls.usm, { ...filters, interval: '', format: 'csv' }, [...REPORT_FILTERS, 'format'])));
      fill(results, () => renderReport(view, { all, rows, links, trends: trends?.rows ?? [], filters },
        (made) => {
          if (mine === request) charts = made;
          else made.forEach((c) => c.destroy());
        }));
    }).catch((error) => {
      if (!view.alive || mine !== request) return;
      clear(results).appendChild(failureBox(error));
      shownKey = null;
    });
  };

  view.onHashChange(() => show(false));
  show(true);
}

function renderReport(view, { all, rows, links, trends, filters }, setCharts) {
  if (!rows.length) {
    return h('p', { class: 'usm-empty', 'data-testid': 'usm-report-empty' },
      filters.serviceId ? t('report.emptyOf', filters.serviceId) : t('report.empty'));
  }
  const interval = INTERVALS.includes(filters.interval) ? filters.interval : INTERVALS[0];
  const warned = greenWhileChainRed(rows);
  const watermelons = rows.map((row) => ({ row, box: chartBox(
    t('report.chartWatermelon', row.pattern), `usm-report-chart-${row.pattern}`,
    { wide: true, height: 60 + 28 * ((row.teams ?? []).length + 1) }) }));
  const trendLead = chartBox(t(`report.chartTrendLead.${interval}`),
    'usm-report-chart-trend', { wide: true, height: 240 });
  const trendSla = chartBox(t(`report.chartTrendSla.${interval}`), 'usm-report-chart-trend-sla',
    { wide: true, height: 240 });
  const container = h('div', { 'data-testid': 'usm-report' },
    h('p', { class: 'usm-muted', 'data-testid': 'usm-report-period' },
      t('report.periodNote', t('period', day(all?.from), day(all?.to)))),
    warned.length ? h('p', { class: 'usm-warning', 'data-testid': 'usm-report-watermelon' },
      t('report.watermelon', warned.join(', '))) : null,
    h('h3', null, t('report.chainAndTeams')),
    h('p', { class: 'usm-note' }, t('report.chainNote')),
    h('div', { class: 'usm-charts' }, ...watermelons.map((w) => w.box.box)),
    h('h3', null, t('report.perPattern')),
    h('div', { class: 'usm-table-scroll' }, patternTable(rows, 'usm-report-patterns', 'field.pattern')),
    h('h3', null, t(`report.trend.${interval}`)),
    h('div', { class: 'usm-charts' }, trendLead.box, trendSla.box),
    h('div', { class: 'usm-table-scroll' }, patternTable(trends, 'usm-report-trend', 'kpi.period')),
    h('h3', null, t('report.teams')),
    h('div', { class: 'usm-table-scroll' }, teamTable(rows)),
    h('h3', null, t('report.links')),
    links.length ? linkTable(links) : h('p', { class: 'usm-muted' }, t('report.noLinks')));

  view.whenAttached(() => {
    if (!view.alive) return;
    const made = [];
    const attempt = (box, build) => drawInto(box, build, made);
    for (const { row, box } of watermelons) {
      const bars = watermelonBars(row);
      const { unit, divisor } = chartDurationUnit(bars.flatMap((b) => [b.chain, b.queue, b.work]));
      attempt(box, () => barChart(box.canvas, {
        labels: bars.map((b) => (b.marked ? `⚠ ${b.label}` : b.label)),
        horizontal: true,
        stacked: true,
        yTitle: t(`unit.${unit}`),
        unit: unitSymbol(unit),
        datasets: [
          { label: t('report.customerLeadTime'), data: bars.map((b) => chartDuration(b.chain ?? null, divisor)), color: COLORS.chain },
          { label: t('report.queue'), data: bars.map((b) => chartDuration(b.queue ?? null, divisor)), color: COLORS.queue },
          { label: t('report.work'), data: bars.map((b) => chartDuration(b.work ?? null, divisor)), color: COLORS.work },
        ],
      }));
    }
    // One bar per pattern in each period: a trend reads left to right.
    const periods = [...new Set(trends.map((r) => r.period))];
    const patterns = [...new Set(trends.map((r) => r.pattern))];
    const palette = [COLORS.chain, COLORS.queue, COLORS.work, COLORS.p90, COLORS.refusals];
    const perPattern = (pick) => patterns.map((pattern, i) => ({
      label: pattern,
      color: palette[i % palette.length],
      data: periods.map((period) => {
        const row = trends.find((r) => r.period === period && r.pattern === pattern);
        return row ? pick(row) : null;
      }),
    }));
    const { unit, divisor } = chartDurationUnit(trends.map((r) => r.fulfilmentLeadTimeMedianMinutes));
    attempt(trendLead, () => barChart(trendLead.canvas, {
      labels: periods,
      yTitle: t(`unit.${unit}`),
      unit: unitSymbol(unit),
      datasets: perPattern((r) => chartDuration(r.fulfilmentLeadTimeMedianMinutes, divisor)),
    }));
    attempt(trendSla, () => barChart(trendSla.canvas, {
      labels: periods,
      yMax: 100,
      percent: true,
      datasets: perPattern((r) => ratePercent(r.slaMetAtFulfilmentRate)),
    }));
    setCharts(made);
  });
  return container;
}
