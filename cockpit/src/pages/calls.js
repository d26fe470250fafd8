// The Calls list: a filter form, a table of calls (newest first) and paging; filters and page live in the hash.
import { h, clear, fill, failureBox, loading, table, field, select, onFilterSubmit } from '../dom.js';
import { getJson } from '../http.js';
import {
  parseRoute, callsHash, callHash, callsUrl, pickFilters, pageNumber, pageRange, CALL_FILTERS, PAGE_SIZE,
} from '../util/route.js';
import { formatDateTime, DASH } from '../util/format.js';
import { t, callStatus, callType } from '../texts.js';

export const CALL_TYPES = ['wish', 'rfc', 'incident', 'service-request', 'risk'];
export const CALL_STATUSES = ['registered', 'in progress', 'fulfilled', 'closed', 're-routed', 'cancelled', 'withdrawn',
  'reclassified'];
export const PATTERNS = ['WF1', 'WF2', 'WF3', 'WF4', 'WF5', 'WF6', 'WF7', 'WF8'];

/** The options of a filter: any, then each value in words (`say`). */
export function options(values, say = String) {
  return [['', t('any')], ...values.map((v) => [v, say(v)])];
}

function filterForm(filters, onSubmit) {
  const text = (name, placeholder) => h('input', {
    type: 'text', name, value: filters[name], placeholder, class: 'form-control', 'data-testid': `usm-filter-${name}`,
  });
  const date = (name) => h('input', {
    type: 'date', name, value: filters[name], class: 'form-control', 'data-testid': `usm-filter-${name}`,
  });
  const form = h('form', { class: 'usm-filters', 'data-testid': 'usm-calls-filters' },
    field(t('field.trackingNumber'), text('trackingNumber', 'INC-2026-000042')),
    field(t('field.service'), text('serviceId', t('calls.serviceId'))),
    field(t('field.type'), select('type', options(CALL_TYPES, callType), filters.type, 'usm-filter-type')),
    field(t('field.pattern'), select('pattern', options(PATTERNS), filters.pattern, 'usm-filter-pattern')),
    field(t('field.status'), select('status', options(CALL_STATUSES, callStatus), filters.status, 'usm-filter-status')),
    field(t('field.requester'), text('requester', t('calls.requester'))),
    field(t('calls.registeredFrom'), date('registeredFrom')),
    field(t('calls.registeredTo'), date('registeredTo')),
    h('div', { class: 'usm-filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-default btn-primary', 'data-testid': 'usm-filter-apply' }, t('search')),
      h('a', { href: '#/usm/calls', class: 'usm-reset', 'data-testid': 'usm-filter-reset' }, t('clearFilters'))));
  return onFilterSubmit(form, CALL_FILTERS, onSubmit);
}

function breachedMarker(call) {
  if (!call.slaBreachedAt) return '';
  return h('span', {
    class: 'usm-badge usm-badge-breached', title: t('calls.breachedAt', formatDateTime(call.slaBreachedAt)),
    'data-testid': 'usm-breached',
  }, t('calls.breached'));
}

function callRow(call) {
  const tn = call.trackingNumber ?? '';
  return h('tr', { 'data-testid': 'usm-calls-row', 'data-tracking-number': tn },
    h('td', null, h('a', { href: callHash(tn), class: 'usm-tn' }, tn || DASH)),
    h('td', null, callType(call.type) ?? DASH),
    h('td', { title: call.serviceId ?? '' }, call.serviceName || call.serviceId || DASH),
    h('td', null, call.pattern ?? DASH),
    h('td', null, h('span', { class: `usm-status usm-status-${String(call.status ?? '').replace(/[^a-z]+/gi, '-')}` },
      callStatus(call.status) ?? DASH)),
    h('td', { class: 'usm-summary' }, call.summary ?? ''),
    h('td', null, call.requester ?? DASH),
    h('td', { class: 'usm-nowrap' }, formatDateTime(call.registeredAt)),
    h('td', { class: 'usm-nowrap' }, formatDateTime(call.slaDueDate)),
    h('td', null, breachedMarker(call)));
}

export function renderCallsTable(result) {
  const calls = Array.isArray(result?.calls) ? result.calls : [];
  if (!calls.length) {
    return h('div', null,
      table('usm-calls-table', COLUMNS(), []),
      h('p', { class: 'usm-empty', 'data-testid': 'usm-calls-empty' }, t('calls.empty')));
  }
  return table('usm-calls-table', COLUMNS(), calls.map(callRow));
}

const COLUMNS = () => ['field.trackingNumber', 'field.type', 'field.service', 'field.pattern', 'field.status',
  'field.summary', 'field.requester', 'field.registered', 'field.slaDue', 'field.sla'].map((key) => t(key));

function pager(filters, page, size, result) {
  const count = Array.isArray(result?.calls) ? result.calls.length : 0;
  const total = Number(result?.total) || 0;
  const hasPrev = page > 0;
  const hasNext = (page + 1) * size < total;
  const link = (label, target, enabled, testid) => (enabled
    ? h('a', { href: callsHash(filters, target), class: 'btn btn-default btn-sm', 'data-testid': testid }, label)
    : h('span', { class: 'btn btn-default btn-sm disabled', 'aria-disabled': 'true', 'data-testid': testid }, label));
  return h('div', { class: 'usm-pager', 'data-testid': 'usm-calls-pager' },
    link(t('calls.previous'), page - 1, hasPrev, 'usm-page-prev'),
    h('span', { class: 'usm-range', 'data-testid': 'usm-page-range' }, pageRange(page, size, count, total)),
    link(t('calls.next'), page + 1, hasNext, 'usm-page-next'));
}

export function callsPage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-calls-page');
  const formSlot = h('div');
  const results = h('div', { class: 'usm-results' });
  root.appendChild(h('h2', { class: 'usm-title' }, t('calls.title')));
  root.appendChild(formSlot);
  root.appendChild(results);

  let shownKey = null;
  let request = 0;

  const show = (initial) => {
    const route = parseRoute(location.hash);
    if (!initial && route.view !== 'calls') return;
    const query = route.view === 'calls' ? route.query : {};
    const filters = pickFilters(query, CALL_FILTERS);
    const page = pageNumber(query.page);
    const key = callsHash(filters, page);
    if (key === shownKey) return;
    shownKey = key;
    fill(formSlot, () => filterForm(filters, (values) => {
      const target = callsHash(values, 0);
      if (location.hash === target) {
        shownKey = null;
        show(true);
      } else {
        location.hash = target;
      }
    }));
    const size = PAGE_SIZE;
    const mine = ++request;
    clear(results).appendChild(loading());
    getJson(callsUrl(view.urls.usm, filters, page, size)).then((result) => {
      if (!view.alive || mine !== request) return;
      fill(results, () => h('div', null, renderCallsTable(result), pager(filters, page, size, result)));
    }, (error) => {
      if (!view.alive || mine !== request) return;
      clear(results).appendChild(failureBox(error));
      markField(formSlot, error && error.field);
      shownKey = null; // a retry with the same filters asks again
    });
  };

  view.onHashChange(() => show(false));
  show(true);
}

function markField(formSlot, name) {
  if (!name) return;
  const control = formSlot.querySelector(`[name="${CSS.escape(String(name))}"]`);
  if (control) control.classList.add('usm-invalid');
}
