// Links of the chain (DESIGN §11): a service definition's links for the Services page, and the calls a call
// handed to links for the call page. Pure functions: no DOM, no globals.

import { DASH } from './format.js';
import { t } from '../texts.js';

/** Statuses of a linked call after which the step that handed it over may be completed (rule L1). */
export const LINK_OUTCOMES = ['fulfilled', 'refused', 'closed'];

function text(value) {
  return value === null || value === undefined ? '' : String(value).trim();
}

function strings(values) {
  return (Array.isArray(values) ? values : []).map(text).filter(Boolean);
}

const UNITS = ['days', 'hours', 'minutes', 'seconds'];

/**
 * An ISO-8601 duration as the definition writes handling times, for reading: "PT8H" → "8 h" ("8 u" in Dutch), "P1D" → "1 d",
 * "P1DT2H30M" → "1 d 2 h 30 min", "PT0S" → "0 s". Anything else is shown as given (empty as a dash).
 */
export function isoDurationText(iso) {
  const given = text(iso);
  if (!given) return DASH;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i
    .exec(given);
  if (!match || given.toUpperCase() === 'P' || /T$/i.test(given)) return given;
  const parts = [];
  UNITS.forEach((unit, i) => {
    if (match[i + 1] !== undefined) parts.push(`${Number(match[i + 1])} ${t(`unit.symbol.${unit}`)}`);
  });
  const nonZero = parts.filter((p) => !p.startsWith('0 '));
  return (nonZero.length ? nonZero : parts.slice(-1)).join(' ');
}

/** Handling times of one call type, `{ P1: 'PT8H', ... }`, as `[[priority, text], ...]` sorted by priority. */
export function handlingTimeRows(times) {
  if (!times || typeof times !== 'object' || Array.isArray(times)) return [];
  return Object.keys(times).sort().map((priority) => [priority, isoDurationText(times[priority])]);
}

/** "P1 8 h · P2 1 d · P3 3 d · P4 5 d"; none as a dash. */
export function handlingTimesText(times) {
  const rows = handlingTimeRows(times);
  return rows.length ? rows.map(([priority, value]) => `${priority} ${value}`).join(' · ') : DASH;
}

/**
 * The links of a service definition (`GET .../services/{id}` answers it as `definition`), each with only what
 * the page shows: `{ id, name, external, service, url, user, passwordFrom, callTypes, handlingTimes }`, the
 * handling times as `[{ type, text }]` in the order of the call types (then any other type). A password is
 * never in a definition, and nothing but these fields is taken from it: `passwordFrom` is the name of the
 * variable that holds the password, not the password.
 */
export function serviceLinks(definition) {
  const links = definition && typeof definition === 'object' && Array.isArray(definition.links) ? definition.links : [];
  return links.filter((link) => link && typeof link === 'object').map((link) => {
    const callTypes = strings(link.callTypes);
    const times = link.handlingTimes && typeof link.handlingTimes === 'object' && !Array.isArray(link.handlingTimes)
      ? link.handlingTimes : {};
    const types = [...callTypes.filter((t) => t in times), ...Object.keys(times).filter((t) => !callTypes.includes(t))];
    const url = text(link.url);
    return {
      id: text(link.id),
      name: text(link.name),
      external: url !== '',
      service: text(link.service),
      url,
      user: text(link.user),
      passwordFrom: text(link.passwordFrom),
      callTypes,
      handlingTimes: types.map((type) => ({ type, text: handlingTimesText(times[type]) })),
    };
  });
}

/** Whether a linked call's status is an outcome (the step that waits for it may be completed). */
export function isLinkOutcome(status) {
  return LINK_OUTCOMES.includes(text(status).toLowerCase());
}

/** The calls a call handed to links (`call.links`), objects only. */
export function callLinks(call) {
  const links = call && typeof call === 'object' && Array.isArray(call.links) ? call.links : [];
  return links.filter((link) => link && typeof link === 'object');
}

/**
 * Whether the provider's tracking number names a call of this product, which the call page can open: an internal
 * link registers its call here with the consumer call as its source, so it is among the calls the call started.
 * A call at another organisation is not (its number means nothing here).
 */
export function isLocalCall(call, trackingNumber) {
  const tn = text(trackingNumber);
  const started = call && typeof call === 'object' && call.linkedCalls && Array.isArray(call.linkedCalls.started)
    ? call.linkedCalls.started : [];
  return tn !== '' && started.some((other) => text(other) === tn);
}

/** "afval (Afvalinzameling)": the link's id with its name, or whichever of them there is. */
export function linkLabel(link) {
  const id = text(link?.link);
  const name = text(link?.linkName);
  if (id && name && id !== name) return `${id} (${name})`;
  return id || name || DASH;
}

/**
 * A delivery still on its way to the other installation, `{ state, attempts, lastError, nextAttemptAt }`, as
 * `{ state, attempts, lastError, nextAttemptAt }` with `state` 'pending' or 'failing' and the attempts as
 * "1 attempt" / "3 attempts"; null when nothing is on its way (delivered, or an internal link).
 */
export function deliveryFacts(delivery) {
  if (!delivery || typeof delivery !== 'object') return null;
  const state = text(delivery.state).toLowerCase() || 'pending';
  const n = Number.isFinite(delivery.attempts) && delivery.attempts >= 0 ? delivery.attempts : 0;
  return {
    state,
    attempts: t(n === 1 ? 'call.attempt' : 'call.attempts', n),
    lastError: text(delivery.lastError) || null,
    nextAttemptAt: delivery.nextAttemptAt ?? null,
  };
}

/**
 * Whether the call page offers an administrator to send the call's deliveries again: when the call handed work
 * to links, or was handed over itself (its status reports go back to the consumer).
 */
export function offersSendAgain(call, me) {
  if (!me || me.sendsLinkDeliveriesAgain !== true) return false;
  return callLinks(call).length > 0 || text(call?.reference) !== '';
}

/** The retry's answer `{ trackingNumber, retried }` as a sentence. */
export function retriedText(answer) {
  const n = Number(answer?.retried);
  if (!Number.isFinite(n) || n <= 0) return t('call.retriedNone');
  return n === 1 ? t('call.retriedOne') : t('call.retriedMany', n);
}
