// The Chain page: KPIs per service and pattern over a period, as a table and as bar charts.
import { h, clear, fill, errorBox, loading, table, field, select, messageOf, onFilterSubmit } from '../dom.js';
import { getJson } from '../http.js';
import { parseRoute, chainHash, kpisUrl, pickFilters, CHAIN_FILTERS } from '../util/route.js';
import {
  formatDuration, formatRate, formatCount, formatRefusals, sumRefusals, rowLabel, ratePercent, chartDuration,
  chartDurationUnit, DASH,
} from '../util/format.js';
import { barChart, chartBox, drawInto, COLORS } from '../charts.js';
import { PATTERNS } from './calls.js';
import { greenWhileChainRed } from '../util/figures.js';

const STEP_TIME_TITLE = "how long a step takes once its task is open: the teams' own figure";

const COLUMNS = ['Service', 'Pattern', 'Calls', 'Finished', { text: 'Step time median', title: STEP_TIME_TITLE },
  { text: 'To fulfilment median', title: 'registration until the requester accepted the delivery: the customer\'s moment' },
  'SLA met at fulfilment', 'Lead time median', 'Lead time p90', 'SLA met', 'SLA met rate', 'Handover wait median',
  { text: 'Hand-off wait median', title: 'from one team\'s step until the next team took its step up' },
  'Rework rate', 'Re-routes', 'Re-route rate', 'Refusals by rule', 'Improvement findings'];

function filterForm(filters, onSubmit) {
  const form = h('form', { class: 'usm-filters', 'data-testid': 'usm-chain-filters' },
    field('Service', h('input', {
      type: 'text', name: 'serviceId', value: filters.serviceId, placeholder: 'service id', class: 'form-control',
      'data-testid': 'usm-filter-serviceId',
    })),
    field('Pattern', select('pattern', [['', 'any'], ...PATTERNS.map((p) => [p, p])], filters.pattern, 'usm-filter-pattern')),
    field('From', h('input', { type: 'date', name: 'from', value: filters.from, class: 'form-control', 'data-testid': 'usm-filter-from' })),
    field('To', h('input', { type: 'date', name: 'to', value: filters.to, class: 'form-control', 'data-testid': 'usm-filter-to' })),
    h('div', { class: 'usm-filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-default btn-primary', 'data-testid': 'usm-filter-apply' }, 'Show'),
      h('a', { href: '#/usm/chain', class: 'usm-reset', 'data-testid': 'usm-filter-reset' }, 'Clear filters')));
  return onFilterSubmit(form, CHAIN_FILTERS, onSubmit);
}

export function renderKpiTable(rows) {
  return table('usm-chain-table', COLUMNS, rows.map((row) => h('tr', {
    'data-testid': 'usm-chain-row', class: greenWhileChainRed([row]).length ? 'usm-watermelon' : '',
  },
    h('td', { title: row.serviceId ?? '' }, row.serviceName || row.serviceId || DASH),
    h('td', null, row.pattern ?? DASH),
    h('td', { class: 'usm-num' }, formatCount(row.calls)),
    h('td', { class: 'usm-num' }, formatCount(row.finished)),
    h('td', { class: 'usm-num' }, formatDuration(row.stepTimeMedianMinutes)),
    h('td', { class: 'usm-num' }, formatDuration(row.fulfilmentLeadTimeMedianMinutes)),
    h('td', { class: 'usm-num' }, formatRate(row.slaMetAtFulfilmentRate)),
    h('td', { class: 'usm-num' }, formatDuration(row.leadTimeMedianMinutes)),
    h('td', { class: 'usm-num' }, formatDuration(row.leadTimeP90Minutes)),
    h('td', { class: 'usm-num' }, formatCount(row.slaMet)),
    h('td', { class: 'usm-num' }, formatRate(row.slaMetRate)),
    h('td', { class: 'usm-num' }, formatDuration(row.handoverWaitMedianMinutes)),
    h('td', { class: 'usm-num' }, formatDuration(row.handoffWaitMedianMinutes)),
    h('td', { class: 'usm-num' }, formatRate(row.reworkRate)),
    h('td', { class: 'usm-num' }, formatCount(row.reroutes)),
    h('td', { class: 'usm-num' }, formatRate(row.rerouteRate)),
    h('td', null, formatRefusals(row.refusalsByRule)),
    h('td', { class: 'usm-num' }, formatCount(row.improvementFindings)))));
}

export function chainPage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-chain-page');
  root.appendChild(h('h2', { class: 'usm-title' }, 'Chain'));
  root.appendChild(h('p', { class: 'usm-note', 'data-testid': 'usm-chain-note' },
    'Beware the watermelon effect: every team can be green on its own figures while the chain is red. ',
    'The step time (how long a step takes once its task is open) is the teams\' own figure; the lead time from ',
    'registration to closure and the share of calls whose SLA was met, across all teams and hand-overs, are what ',
    'the requester feels; hand-over waits, re-routes and refusals show where the chain loses time.'));
  const formSlot = h('div');
  const period = h('p', { class: 'usm-muted', 'data-testid': 'usm-chain-period' });
  const results = h('div');
  root.appendChild(formSlot);
  root.appendChild(period);
  root.appendChild(results);

  let charts = [];
  const destroyCharts = () => {
    for (const chart of charts) {
      try {
        chart.destroy();
      } catch {
        // already gone
      }
    }
    charts = [];
  };
  view.onDispose(destroyCharts);

  let shownKey = null;
  let request = 0;

  const show = (initial) => {
    const route = parseRoute(location.hash);
    if (!initial && route.view !== 'chain') return;
    const filters = pickFilters(route.view === 'chain' ? route.query : {}, CHAIN_FILTERS);
    const key = chainHash(filters);
    if (key === shownKey) return;
    shownKey = key;
    fill(formSlot, () => filterForm(filters, (values) => {
      const target = chainHash(values);
      if (location.hash === target) {
        shownKey = null;
        show(true);
      } else {
        location.hash = target;
      }
    }));
    const mine = ++request;
    destroyCharts();
    period.textContent = '';
    clear(results).appendChild(loading());
    getJson(kpisUrl(view.urls.usm, filters)).then((body) => {
      if (!view.alive || mine !== request) return;
      const rows = Array.isArray(body?.rows) ? body.rows : [];
      period.textContent = `Period: ${body?.from ?? DASH} – ${body?.to ?? DASH} · ${rows.length} service/pattern rows`;
      fill(results, () => renderResults(view, rows, (list) => {
        if (mine === request) {
          charts = list;
        } else {
          for (const chart of list) chart.destroy();
        }
      }));
    }, (error) => {
      if (!view.alive || mine !== request) return;
      clear(results).appendChild(errorBox(messageOf(error)));
      shownKey = null;
    });
  };

  view.onHashChange(() => show(false));
  show(true);
}

function renderResults(view, rows, setCharts) {
  if (!rows.length) {
    return h('div', null, renderKpiTable([]),
      h('p', { class: 'usm-empty', 'data-testid': 'usm-chain-empty' }, 'No calls in this period.'));
  }
  const labels = rows.map(rowLabel);
  // the durations chart is in minutes, or all in hours when its largest value is above 120 minutes
  const { unit, divisor } = chartDurationUnit(rows.flatMap((r) => [
    r.stepTimeMedianMinutes, r.leadTimeMedianMinutes, r.leadTimeP90Minutes]));
  const lead = chartBox(`Step time (teams) and lead time (chain) per service and pattern (${unit})`,
    'usm-chain-chart-leadtime', { wide: true });
  const sla = chartBox('SLA met rate per service and pattern', 'usm-chain-chart-sla');
  const refusals = chartBox('Refusals per rule (all rows)', 'usm-chain-chart-refusals');
  const refusalSums = sumRefusals(rows);
  const warned = greenWhileChainRed(rows);
  const container = h('div', null,
    warned.length ? h('p', { class: 'usm-warning', 'data-testid': 'usm-chain-watermelon' },
      'Green teams beside a red chain: these teams are quick on their own terms while their chain misses its SLA: ',
      warned.join(', '), '. Open the service\'s report for the hand-off waits.') : null,
    h('div', { class: 'usm-table-scroll' }, renderKpiTable(rows)),
    h('div', { class: 'usm-charts' }, lead.box, sla.box, refusals.box));
  view.whenAttached(() => {
    if (!view.alive) return;
    const made = [];
    const attempt = (box, build) => drawInto(box, build, made);
    const none = (box, text) => {
      box.box.classList.add('usm-chart-empty');
      box.box.appendChild(h('p', { class: 'usm-muted usm-chart-none' }, text));
    };
    const hasValue = (values) => values.some((v) => v !== null);
    const stepTimes = rows.map((r) => chartDuration(r.stepTimeMedianMinutes, divisor));
    const medians = rows.map((r) => chartDuration(r.leadTimeMedianMinutes, divisor));
    const p90s = rows.map((r) => chartDuration(r.leadTimeP90Minutes, divisor));
    const rates = rows.map((r) => ratePercent(r.slaMetRate));
    if (!hasValue(stepTimes) && !hasValue(medians) && !hasValue(p90s)) {
      none(lead, 'No completed steps or finished calls in this period: no step or lead times yet.');
    } else {
      attempt(lead, () => barChart(lead.canvas, {
        labels,
        yTitle: unit,
        unit: unit === 'hours' ? 'h' : 'min',
        datasets: [
          { label: 'step time median', data: stepTimes, color: COLORS.stepTime },
          { label: 'lead time median', data: medians, color: COLORS.median },
          { label: 'lead time p90', data: p90s, color: COLORS.p90 },
        ],
      }));
    }
    if (!hasValue(rates)) none(sla, 'No finished calls in this period: no SLA results yet.');
    else attempt(sla, () => barChart(sla.canvas, {
      labels,
      yMax: 100,
      percent: true,
      legend: false,
      datasets: [{ label: 'SLA met', data: rates, color: COLORS.sla }],
    }));
    if (refusalSums.length) {
      attempt(refusals, () => barChart(refusals.canvas, {
        labels: refusalSums.map(([rule]) => rule),
        legend: false,
        datasets: [{ label: 'refusals', data: refusalSums.map(([, n]) => n), color: COLORS.refusals }],
      }));
    } else {
      none(refusals, 'No refusals in this period.');
    }
    setCharts(made);
  });
  return container;
}
