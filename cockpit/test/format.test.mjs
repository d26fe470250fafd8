import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatRate, formatCount, ratePercent, formatDateTime, formatRefusals, sumRefusals,
  rowLabel, dataPairs, formatList, formatDuration, chartDurationUnit, chartDuration, HOURS_ABOVE_MINUTES, DASH,
} from '../src/util/format.js';
import { dateTime } from '../src/util/locale.js';

test('formatDuration: minutes up to 120, hours with one decimal above', () => {
  assert.equal(HOURS_ABOVE_MINUTES, 120);
  assert.equal(formatDuration(0), '0 min');
  assert.equal(formatDuration(4.25), '4.3 min');
  assert.equal(formatDuration(35.5), '35.5 min');
  assert.equal(formatDuration(90), '90 min');
  assert.equal(formatDuration(120), '120 min');
  assert.equal(formatDuration(120.04), '120 min', 'shown as 120 min, so not above the threshold');
  assert.equal(formatDuration(120.06), '2.0 h');
  assert.equal(formatDuration(150), '2.5 h');
  assert.equal(formatDuration(180), '3.0 h');
  assert.equal(formatDuration(125.4), '2.1 h');
  assert.equal(formatDuration(27 * 60 + 10), '27.2 h');
  assert.equal(formatDuration(3 * 24 * 60), '72.0 h');
  assert.equal(formatDuration(35.5, 'nl'), '35,5 min', 'a decimal comma in Dutch');
  assert.equal(formatDuration(150, 'nl'), '2,5 u');
  assert.equal(formatDuration(3 * 24 * 60, 'nl'), '72,0 u');
  for (const v of [null, undefined, NaN, Infinity, -1, '12']) assert.equal(formatDuration(v), DASH, String(v));
});

test('duration charts: minutes, or hours when the largest value is above 120 minutes', () => {
  assert.deepEqual(chartDurationUnit([35, null, 120]), { unit: 'minutes', divisor: 1 });
  assert.deepEqual(chartDurationUnit([35, null, 150]), { unit: 'hours', divisor: 60 });
  assert.deepEqual(chartDurationUnit([]), { unit: 'minutes', divisor: 1 });
  assert.deepEqual(chartDurationUnit(null), { unit: 'minutes', divisor: 1 });
  assert.deepEqual(chartDurationUnit([null, undefined, NaN, '500']), { unit: 'minutes', divisor: 1 });
  assert.equal(chartDuration(35.55), 35.6);
  assert.equal(chartDuration(35.55, 1), 35.6);
  assert.equal(chartDuration(150, 60), 2.5);
  assert.equal(chartDuration(125.4, 60), 2.1);
  assert.equal(chartDuration(null, 60), null);
  assert.equal(chartDuration(undefined), null);
  assert.equal(chartDuration(NaN, 60), null);
});

test('formatRate, formatCount and chart values', () => {
  assert.equal(formatRate(0.89), '89%');
  assert.equal(formatRate(1), '100%');
  assert.equal(formatRate(0), '0%');
  assert.equal(formatRate(null), DASH);
  assert.equal(formatCount(12), '12');
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(null), DASH);
  assert.equal(ratePercent(0.889), 88.9);
  assert.equal(ratePercent(null), null);
  assert.equal(chartDuration(35.55), 35.6);
  assert.equal(chartDuration(undefined), null);
});

test("formatDateTime in the page language's one format, a dash for empty, the text for garbage", () => {
  const iso = '2026-12-02T06:00:00Z';
  assert.equal(formatDateTime(iso, 'nl'), dateTime(iso, 'nl'));
  assert.match(formatDateTime(iso, 'nl'), /^2 dec\.? 2026,? \d\d:00$/);
  assert.match(formatDateTime(iso, 'en'), /^2 Dec 2026,? \d\d:00$/);
  assert.equal(formatDateTime(null), DASH);
  assert.equal(formatDateTime(''), DASH);
  assert.equal(formatDateTime('not a date'), 'not a date');
});

test('refusals by rule: formatted per row and summed over rows', () => {
  assert.equal(formatRefusals({ 'SOD-1': 2, H3: 1 }), 'H3: 1, SOD-1: 2');
  assert.equal(formatRefusals({}), DASH);
  assert.equal(formatRefusals(null), DASH);
  assert.equal(formatRefusals({ X: 0 }), DASH);
  assert.deepEqual(sumRefusals([
    { refusalsByRule: { 'SOD-1': 2, H3: 1 } },
    { refusalsByRule: { 'SOD-1': 1, T2: 4 } },
    { refusalsByRule: null },
    {},
  ]), [['H3', 1], ['SOD-1', 3], ['T2', 4]]);
  assert.deepEqual(sumRefusals(null), []);
});

test('rowLabel', () => {
  assert.equal(rowLabel({ serviceId: 'verhuizing', serviceName: 'Verhuizing doorgeven', pattern: 'WF3' }),
    'Verhuizing doorgeven · WF3');
  assert.equal(rowLabel({ serviceId: 'verhuizing' }), 'verhuizing');
  assert.equal(rowLabel(null), '?');
});

test('dataPairs renders audit data as key/value text in order', () => {
  assert.deepEqual(dataPairs({ field: 'value', n: 3, ok: false, none: null, obj: { a: [1] } }), [
    ['field', 'value'], ['n', '3'], ['ok', 'false'], ['none', 'null'], ['obj', '{"a":[1]}'],
  ]);
  assert.deepEqual(dataPairs(null), []);
  assert.deepEqual(dataPairs(undefined), []);
  assert.deepEqual(dataPairs('text'), [['', 'text']]);
  assert.deepEqual(dataPairs([1, 2]), [['', '[1,2]']]);
});

test('formatList', () => {
  assert.equal(formatList(['CI-1', 'CI-2']), 'CI-1, CI-2');
  assert.equal(formatList([]), DASH);
  assert.equal(formatList(null), DASH);
});
