// Formatting of values for display. Pure functions; dates, numbers and units in the page's language (locale.js)
// unless one is given.
import { dateTime, dateOnly, number, language } from './locale.js';
import { TEXTS } from '../texts.js';

export const DASH = '–';

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}


/** Above this many minutes a duration is shown in hours (table cells and, by its largest value, a chart). */
export const HOURS_ABOVE_MINUTES = 120;

/**
 * A duration in minutes for a table cell: up to 120 minutes in minutes with at most one decimal ("35.5 min",
 * "120 min"), above that in hours with one decimal ("2.5 h", "3.0 h", "72.0 h"; in Dutch "2,5 u");
 * null/undefined/NaN/negative as a dash. The threshold applies to the value rounded to 0.1 minute, as shown.
 */
export function formatDuration(minutes, lang = language()) {
  if (!isNumber(minutes) || minutes < 0) return DASH;
  const rounded = Math.round(minutes * 10) / 10;
  const unit = (key, value) => TEXTS[key][lang].replace('{0}', value);
  if (rounded <= HOURS_ABOVE_MINUTES) return unit('duration.minutes', number(rounded, lang));
  const hours = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1,
    maximumFractionDigits: 1, useGrouping: false }).format(Math.round(minutes / 6) / 10);
  return unit('duration.hours', hours);
}

/** The symbol of a chart's duration unit ('hours' or 'minutes'): "h"/"u", "min". */
export function unitSymbol(unit, lang = language()) {
  return TEXTS[unit === 'hours' ? 'unit.symbol.hours' : 'unit.symbol.minutes'][lang];
}

/** A day ("2026-12-05", as the figures' periods give it) as "5 dec 2026"; empty as a dash. */
export function day(text, lang = language()) {
  if (text === null || text === undefined || text === '') return DASH;
  // noon of that day where the browser is, so no time zone moves it to another day
  const local = /^\d{4}-\d{2}-\d{2}$/.test(String(text)) ? `${text}T12:00:00` : text;
  return dateOnly(local, lang) ?? String(text);
}

/** A rate 0..1 as a percentage: 0.889 → "89%"; null as a dash. */
export function formatRate(rate) {
  if (!isNumber(rate)) return DASH;
  return `${Math.round(rate * 100)}%`;
}

/** A count; null as a dash. */
export function formatCount(value) {
  if (!isNumber(value)) return DASH;
  return String(value);
}

/** A rate 0..1 as a chart value 0..100 (null stays null: Chart.js leaves a gap). */
export function ratePercent(rate) {
  return isNumber(rate) ? Math.round(rate * 1000) / 10 : null;
}

/**
 * The unit of a duration chart over its values in minutes: hours when the largest value is above 120 minutes,
 * else minutes. Returns { unit: 'hours' | 'minutes', divisor: 60 | 1 }.
 */
export function chartDurationUnit(minuteValues) {
  const values = (Array.isArray(minuteValues) ? minuteValues : []).filter(isNumber);
  return values.some((v) => v > HOURS_ABOVE_MINUTES) ? { unit: 'hours', divisor: 60 } : { unit: 'minutes', divisor: 1 };
}

/** A minutes value for a chart in the given unit (a divisor of 60 gives hours), one decimal; null stays null. */
export function chartDuration(minutes, divisor = 1) {
  return isNumber(minutes) ? Math.round((minutes / divisor) * 10) / 10 : null;
}

/** An ISO instant in the page's language, one format on every page ("5 dec 2026, 14:03"); empty as a dash; unparsable as given. */
export function formatDateTime(iso, lang = language()) {
  if (iso === null || iso === undefined || iso === '') return DASH;
  return dateTime(iso, lang) ?? String(iso);
}

/** "SOD-1: 2, H3: 1" for refusals by rule; empty as a dash. */
export function formatRefusals(byRule) {
  const entries = Object.entries(byRule ?? {}).filter(([, n]) => isNumber(n) && n > 0);
  if (!entries.length) return DASH;
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([rule, n]) => `${rule}: ${n}`).join(', ');
}

/** Refusals by rule summed over KPI rows, sorted by rule: [[rule, count], ...]. */
export function sumRefusals(rows) {
  const sums = new Map();
  for (const row of rows ?? []) {
    for (const [rule, n] of Object.entries(row?.refusalsByRule ?? {})) {
      if (!isNumber(n)) continue;
      sums.set(rule, (sums.get(rule) ?? 0) + n);
    }
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A KPI row's label for tables and charts: "Verhuizing doorgeven · WF3". */
export function rowLabel(row) {
  const service = row?.serviceName || row?.serviceId || '?';
  return row?.pattern ? `${service} · ${row.pattern}` : service;
}

/** An audit entry's data as [key, text] pairs (objects as JSON, null as "null"), in the server's order. */
export function dataPairs(data) {
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) return [['', valueText(data)]];
  return Object.entries(data).map(([key, value]) => [key, valueText(value)]);
}

export function valueText(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** A list of strings as text ("A, B"); empty as a dash. */
export function formatList(values) {
  const list = (Array.isArray(values) ? values : []).filter((v) => v !== null && v !== undefined && v !== '');
  return list.length ? list.map(String).join(', ') : DASH;
}
