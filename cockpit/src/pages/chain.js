// The Chain page: KPIs per service and pattern over a period, as a table and as bar charts.
import { h, clear, fill, failureBox, loading, table, field, select, onFilterSubmit } from '../dom.js';
import { getJson } from '../http.js';
import { parseRoute, chainHash, kpisUrl, pickFilters, CHAIN_FILTERS } from '../util/route.js';
import {
  formatDuration, formatRate, formatCount, formatRefusals, sumRefusals, rowLabel, ratePercent, chartDuration,
  chartDurationUnit, unitSymbol, day, DASH,
} from '../util/format.js';
import { barChart, chartBox, drawInto, COLORS } from '../charts.js';
import { PATTERNS, options } from './calls.js';
import { t } from '../texts.js';
import { greenWhileChainRed } from '../util/figures.js';

// a column is a text key, or [text key, key of its tooltip]
const COLUMNS = ['field.service', 'field.pattern', 'kpi.calls', 'kpi.finished', ['kpi.stepTimeMedian', 'kpi.stepTimeTitle'],
  ['kpi.toFulfilmentMedian', 'kpi.toFulfilmentTitle'], 'kpi.slaMetAtFulfilment', 'kpi.leadTimeMedian', 'kpi.leadTimeP90',
  'kpi.slaMet', 'kpi.slaMetRate', 'kpi.handoverWaitMedian', ['kpi.handoffWaitMedian', 'kpi.handoffWaitTitle'],
  'kpi.reworkRate', 'kpi.reroutes', 'kpi.rerouteRate', 'kpi.refusalsByRule', 'kpi.improvementFindings'];

const columns = () => COLUMNS.map((c) => (Array.isArray(c) ? { text: t(c[0]), title: t(c[1]) } : t(c)));

function filterForm(filters, onSubmit) {
  const form = h('form', { class: 'usm-filters', 'data-testid': 'usm-chain-filters' },
    field(t('field.service'), h('input', {
      type: 'text', name: 'serviceId', value: filters.serviceId, placeholder: t('calls.serviceId'), class: 'form-control',
      'data-testid': 'usm-filter-serviceId',
    })),
    field(t('field.pattern'), select('pattern', options(PATTERNS), filters.pattern, 'usm-filter-pattern')),
    field(t('from'), h('input', { type: 'date', name: 'from', value: filters.from, class: 'form-control', 'data-testid': 'usm-filter-from' })),
    field(t('to'), h('input', { type: 'date', name: 'to', value: filters.to, class: 'form-control', 'data-testid': 'usm-filter-to' })),
    h('div', { class: 'usm-filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-default btn-primary', 'data-testid': 'usm-filter-apply' }, t('show')),
      h('a', { href: '#/usm/chain', class: 'usm-reset', 'data-testid': 'usm-filter-reset' }, t('clearFilters'))));
  return onFilterSubmit(form, CHAIN_FILTERS, onSubmit);
}

export function renderKpiTable(rows) {
  return table('usm-chain-table', columns(), rows.map((row) => h('tr', {
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
  root.appendChild(h('h2', { class: 'usm-title' }, t('chain.title')));
  root.appendChild(h('p', { class: 'usm-note', 'data-testid': 'usm-chain-note' }, t('chain.note')));
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
      period.textContent = t('chain.rows', t('period', day(body?.from), day(body?.to)), rows.length);
      fill(results, () => renderResults(view, rows, (list) => {
        if (mine === request) {
          charts = list;
        } else {
          for (const chart of list) chart.destroy();
        }
      }));
    }, (error) => {
      if (!view.alive || mine !== request) return;
      clear(results).appendChild(failureBox(error));
      shownKey = null;
    });
  };

  view.onHashChange(() => show(false));
  show(true);
}

function renderResults(view, rows, setCharts) {
  if (!rows.length) {
    return h('div', null, renderKpiTable([]),
      h('p', { class: 'usm-empty', 'data-testid': 'usm-chain-empty' }, t('chain.empty')));
  }
  const labels = rows.map(rowLabel);
  // the durations chart is in minutes, or all in hours when its largest value is above 120 minutes
  const { unit, divisor } = chartDurationUnit(rows.flatMap((r) => [
    r.stepTimeMedianMinutes, r.leadTimeMedianMinutes, r.leadTimeP90Minutes]));
  const lead = chartBox(t('chain.chartLead', t(`unit.${unit}`)),
    'usm-chain-chart-leadtime', { wide: true });
  const sla = chartBox(t('chain.chartSla'), 'usm-chain-chart-sla');
  const refusals = chartBox(t('chain.chartRefusals'), 'usm-chain-chart-refusals');
  const refusalSums = sumRefusals(rows);
  const warned = greenWhileChainRed(rows);
  const container = h('div', null,
    warned.length ? h('p', { class: 'usm-warning', 'data-testid': 'usm-chain-watermelon' },
      t('chain.watermelon', warned.join(', '))) : null,
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
      none(lead, t('chain.noTimes'));
    } else {
      attempt(lead, () => barChart(lead.canvas, {
        labels,
        yTitle: t(`unit.${unit}`),
        unit: unitSymbol(unit),
        datasets: [
          { label: t('chain.stepTimeMedian'), data: stepTimes, color: COLORS.stepTime },
          { label: t('chain.leadTimeMedian'), data: medians, color: COLORS.median },
          { label: t('chain.leadTimeP90'), data: p90s, color: COLORS.p90 },
        ],
      }));
    }
    if (!hasValue(rates)) none(sla, t('chain.noSla'));
    else attempt(sla, () => barChart(sla.canvas, {
      labels,
      yMax: 100,
      percent: true,
      legend: false,
      datasets: [{ label: t('chain.slaMet'), data: rates, color: COLORS.sla }],
    }));
    if (refusalSums.length) {
      attempt(refusals, () => barChart(refusals.canvas, {
        labels: refusalSums.map(([rule]) => rule),
        legend: false,
        datasets: [{ label: t('chain.refusals'), data: refusalSums.map(([, n]) => n), color: COLORS.refusals }],
      }));
    } else {
      none(refusals, t('chain.noRefusals'));
    }
    setCharts(made);
  });
  return container;
}
