// The service desk page's rules, without DOM: where the backend is, which page the hash asks for, what a call
// looks like to its requester, and which field an API refusal names.
import { pick, dateOnly, dateTime } from '../../cockpit/src/util/locale.js';
import { parseQuery } from '../../cockpit/src/util/route.js';
import { CALL_TYPES, STATUSES, TEXTS } from './texts.js';

/** The hash parameter that opens the service desk page: usm=new (register a call) or usm=mine (My calls). */
export const PAGE_PARAM = 'usm';
export const PAGES = ['new', 'mine'];
/** The call My calls opens at (the link given after registering). */
export const CALL_PARAM = 'call';

/** The service desk endpoints for the Tasklist page at `pathname` (/camunda/app/tasklist/<engine>/...). */
export function apiBase(pathname) {
  const match = /^(.*)\/app\/tasklist\/([^/]+)\//.exec(String(pathname ?? ''));
  const root = match ? match[1] : '/camunda';
  const engine = match ? match[2] : 'default';
  return `${root}/api/tasklist/plugin/usm/${encodeURIComponent(engine)}`;
}

function split(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  const at = text.indexOf('?');
  return at < 0 ? { path: text || '/', query: '' } : { path: text.slice(0, at) || '/', query: text.slice(at + 1) };
}

/** The page the hash asks for: { page: 'new'|'mine'|null, call }. */
export function pageOf(hash) {
  const query = parseQuery(split(hash).query);
  const page = PAGES.includes(query[PAGE_PARAM]) ? query[PAGE_PARAM] : null;
  return { page, call: page === 'mine' && query[CALL_PARAM] ? query[CALL_PARAM] : null };
}

/** The hash with the service desk page set (null: closed), Tasklist's own parameters kept as they are. */
export function withPage(hash, page, call = null) {
  const { path, query } = split(hash);
  const kept = query.split('&').filter((part) => {
    const key = decodeURIComponent(part.split('=')[0] ?? '');
    return part && key !== PAGE_PARAM && key !== CALL_PARAM;
  });
  if (page) kept.push(`${PAGE_PARAM}=${page}`);
  if (page && call) kept.push(`${CALL_PARAM}=${encodeURIComponent(call)}`);
  return '#' + path + (kept.length ? '?' + kept.join('&') : '');
}

/** The call types of a catalogue entry as [id, name, explanation], in the catalogue's order. */
export function typeOptions(entry, lang) {
  return (entry?.callTypes ?? []).filter((id) => CALL_TYPES[id])
    .map((id) => [id, ...pick(CALL_TYPES[id], lang)]);
}

/** The JSON body of POST calls from the form's values: blank optional fields left out. */
export function requestBody(values) {
  const body = {};
  for (const key of ['serviceId', 'type', 'summary', 'requester', 'impact', 'urgency', 'description']) {
    const value = String(values[key] ?? '').trim();
    if (value) body[key] = value;
  }
  return body;
}

/** The form field an API refusal points at (its `field`), or null when it names none the form has. */
export function fieldOf(error, fields) {
  return error && fields.includes(error.field) ? error.field : null;
}

/** The status of a call in plain words. */
export function statusText(status, lang) {
  return STATUSES[status] ? pick(STATUSES[status], lang) : String(status ?? '');
}

/**
 * Where the call is now, for its requester: the names of its open steps (never their codes), or, for a call
 * that is with the team without an open step (a service task, a link), that it is with the team.
 */
export function whereNow(call, lang) {
  const names = [...new Set((call?.openSteps ?? []).map((step) => stepName(step.name)).filter(Boolean))];
  if (names.length) return names.join(', ');
  return ['registered', 'in progress', 'fulfilled'].includes(call?.status) ? pick(TEXTS.withTeam, lang)
    : pick(TEXTS.nowhere, lang);
}

/**
 * A step's name as its requester reads it: a task is named "R1 Accept incident · INC-2026-000001 · Verhuizing
 * doorgeven" (step code, name, call, service) for the teams; the requester reads "Accept incident".
 */
export function stepName(taskName) {
  return String(taskName ?? '').split(' · ')[0].replace(/^[A-Z]\d+\s+/, '').trim();
}

/** The date the call is expected to be ready (its SLA date), as a date in the page's language. */
export function expectedDate(call, lang) {
  return dateOnly(call?.slaDueDate, lang) ?? pick(TEXTS.nowhere, lang);
}

export function registeredOn(call, lang) {
  return dateTime(call?.registeredAt, lang) ?? '';
}

/** The calls linked to this one: [{ relation: 'from'|'started', trackingNumber }]. */
export function linkedCalls(call) {
  const linked = call?.linkedCalls ?? {};
  return [
    ...(linked.from ? [{ relation: 'from', trackingNumber: linked.from }] : []),
    ...(linked.started ?? []).map((trackingNumber) => ({ relation: 'started', trackingNumber })),
    ...(call?.reclassifiedAs ? [{ relation: 'started', trackingNumber: call.reclassifiedAs }] : []),
  ].filter((link, i, all) => all.findIndex((other) => other.trackingNumber === link.trackingNumber) === i);
}

/** Whether the work is delivered, so that the requester gives their verdict: a review step is open. */
export function awaitsVerdict(call) {
  return (call?.openSteps ?? []).some((step) => /_ReviewDelivery$/.test(String(step.step ?? '')));
}

/** The body of the customer's verdict; a rejection needs a comment (what is still missing). */
export function verdictBody(accepted, comment) {
  const text = String(comment ?? '').trim();
  if (!accepted && !text) return null;
  return { accepted: Boolean(accepted), comment: text };
}
