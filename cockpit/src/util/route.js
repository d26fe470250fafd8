// Hash routes of the USM pages and the URLs of the backend. Pure functions: no DOM, no globals.
//   #/usm/calls?status=closed&page=1   the Calls list (filters and page in the query)
//   #/usm/calls/<trackingNumber>       one call
//   #/usm/chain?serviceId=&pattern=&from=&to=   the Chain (KPI) page
//   #/usm/report?serviceId=&from=&to=&interval=  one service's report for its owner
//   #/usm/services                     the list of services (designers)
//   #/usm/services/<id>                one service: history, workflows, editor
//   #/usm/services/new                 the editor for a new service
import { t as text } from '../texts.js';

/** Filters of the Calls list, in the order they appear in the hash and in the request. */
export const CALL_FILTERS = ['trackingNumber', 'serviceId', 'type', 'pattern', 'status', 'requester',
  'registeredFrom', 'registeredTo'];

/** Filters of the Chain page. */
export const CHAIN_FILTERS = ['serviceId', 'pattern', 'from', 'to'];

/** Filters of the Service report: one service, a period, and the interval of its trends. */
export const REPORT_FILTERS = ['serviceId', 'from', 'to', 'interval'];

export const PAGE_SIZE = 25;

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The query part of a hash as a plain object (first value of each key wins). */
export function parseQuery(query) {
  const result = {};
  if (!query) return result;
  for (const part of String(query).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1).replace(/\+/g, ' '));
    if (key && !Object.prototype.hasOwnProperty.call(result, key)) result[key] = value;
  }
  return result;
}

/** The segment of `#/usm/services/new`: the editor for a new service, not a service's id. */
export const NEW_SERVICE = 'new';

/**
 * Reads a location hash: `{ view: 'calls' | 'call' | 'chain' | 'report' | 'services' | 'service' | 'service-new' | null,
 * trackingNumber, query }`; the view 'service' carries `serviceId` too. Anything that is not a USM route gives
 * view null.
 */
export function parseRoute(hash) {
  let text = String(hash ?? '');
  if (text.startsWith('#')) text = text.slice(1);
  if (text.startsWith('!')) text = text.slice(1);
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const query = parseQuery(q < 0 ? '' : text.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  if (segments[0] !== 'usm') return { view: null, trackingNumber: null, query };
  if (segments[1] === 'calls' && segments.length === 2) return { view: 'calls', trackingNumber: null, query };
  if (segments[1] === 'calls' && segments.length === 3) {
    return { view: 'call', trackingNumber: decode(segments[2]), query };
  }
  if (segments[1] === 'chain' && segments.length === 2) return { view: 'chain', trackingNumber: null, query };
  if (segments[1] === 'report' && segments.length === 2) return { view: 'report', trackingNumber: null, query };
  if (segments[1] === 'services' && segments.length === 2) return { view: 'services', trackingNumber: null, query };
  if (segments[1] === 'services' && segments.length === 3) {
    const serviceId = decode(segments[2]);
    if (serviceId === NEW_SERVICE) return { view: 'service-new', trackingNumber: null, query };
    return { view: 'service', trackingNumber: null, serviceId, query };
  }
  return { view: null, trackingNumber: null, query };
}

/**
 * The process instance of Cockpit's own instance page, `#/process-instance/<id>` (optionally `/runtime?...`),
 * where Tasklist links each task; null for any other hash.
 */
export function instanceOfHash(hash) {
  const match = /^#?!?\/process-instance\/([^/?]+)/.exec(String(hash ?? ''));
  return match ? decode(match[1]) : null;
}

/** `key=value&...` of the non-empty values, keys in the given order, values percent-encoded. */
export function buildQuery(values, keys) {
  const parts = [];
  for (const key of keys) {
    const value = values?.[key];
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.join('&');
}

/** Page number from a query value: a non-negative integer, else 0. */
export function pageNumber(value) {
  const n = Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) && n >= 0 && String(n) === String(value).trim() ? n : 0;
}

/** The Calls list's hash for filters and a page (page 0 is left out). */
export function callsHash(filters = {}, page = 0) {
  const query = buildQuery({ ...filters, page: page > 0 ? String(page) : '' }, [...CALL_FILTERS, 'page']);
  return '#/usm/calls' + (query ? '?' + query : '');
}

/** One call's hash. */
export function callHash(trackingNumber) {
  return '#/usm/calls/' + encodeURIComponent(String(trackingNumber));
}

/** The Chain page's hash for filters. */
export function chainHash(filters = {}) {
  const query = buildQuery(filters, CHAIN_FILTERS);
  return '#/usm/chain' + (query ? '?' + query : '');
}

/** The Service report's hash for its filters. */
export function reportHash(filters = {}) {
  const query = buildQuery(filters, REPORT_FILTERS);
  return '#/usm/report' + (query ? '?' + query : '');
}

/** One service's hash; the new-service editor's for null or 'new'. */
export function serviceHash(serviceId) {
  if (serviceId === null || serviceId === undefined || serviceId === '') return '#/usm/services/' + NEW_SERVICE;
  return '#/usm/services/' + encodeURIComponent(String(serviceId));
}

/** The filters of a parsed query, limited to the given keys (missing ones as ''). */
export function pickFilters(query, keys) {
  const result = {};
  for (const key of keys) result[key] = query?.[key] ?? '';
  return result;
}

/**
 * Where the webapp lives, from the page's path `/<root>/app/cockpit/<engine>/`:
 * `{ root: '/camunda', engine: 'default' }`. Defaults: root '/camunda', engine 'default'.
 */
export function webappLocation(pathname) {
  const match = /^(.*?)\/app\/cockpit\/([^/]+)(\/|$)/.exec(String(pathname ?? ''));
  if (!match) return { root: '/camunda', engine: 'default' };
  return { root: match[1], engine: decode(match[2]) || 'default' };
}

/** Base URLs of the USM plugin's endpoints and of the engine REST API behind the Cockpit session. */
export function apiUrls(pathname) {
  const { root, engine } = webappLocation(pathname);
  const e = encodeURIComponent(engine);
  return {
    engine,
    usm: `${root}/api/cockpit/plugin/usm/${e}`,
    engineApi: `${root}/api/engine/engine/${e}`,
  };
}

/** `BASE/calls?...` for the list, with page and size always present. */
export function callsUrl(base, filters, page, size = PAGE_SIZE) {
  const query = buildQuery({ ...filters, page: String(page ?? 0), size: String(size) }, [...CALL_FILTERS, 'page', 'size']);
  return `${base}/calls?${query}`;
}

export function callUrl(base, trackingNumber, suffix = '') {
  return `${base}/calls/${encodeURIComponent(String(trackingNumber))}${suffix}`;
}

/** `BASE/kpis?...` for the filters given (the Chain page's by default), e.g. with `interval` or `format`. */
export function kpisUrl(base, filters, keys = CHAIN_FILTERS) {
  const query = buildQuery(filters, keys);
  return `${base}/kpis` + (query ? '?' + query : '');
}

/**
 * URLs of the designer's endpoints under BASE/services: `services(base)` the list and create,
 * `service(base, id, suffix)` one service ('' its details and new version, '/definition', '/workflows/3'),
 * `preview(base, n)` a definition's workflow WF<n>; `dryRun` adds `?dryRun=true`; `expectedVersion` the
 * version the designer changed, which the server checks (409 when another designer stored one since).
 */
export function servicesUrl(base, { dryRun = false } = {}) {
  return `${base}/services` + (dryRun ? '?dryRun=true' : '');
}

export function serviceUrl(base, serviceId, suffix = '', { dryRun = false, expectedVersion = null } = {}) {
  const query = new URLSearchParams();
  if (dryRun) query.set('dryRun', 'true');
  if (expectedVersion != null) query.set('expectedVersion', String(expectedVersion));
  const search = query.toString();
  return `${base}/services/${encodeURIComponent(String(serviceId))}${suffix}` + (search ? `?${search}` : '');
}

export function workflowUrl(base, serviceId, n) {
  return serviceUrl(base, serviceId, `/workflows/${encodeURIComponent(String(n))}`);
}

export function previewUrl(base, n) {
  return `${base}/services/preview/${encodeURIComponent(String(n))}`;
}

/** "x–y of total" for a page of a list. */
export function pageRange(page, size, count, total) {
  const t = Number(total) || 0;
  if (!count || t === 0) return text('pageRange.none', t);
  const from = page * size + 1;
  return text('pageRange', from, from + count - 1, t);
}
