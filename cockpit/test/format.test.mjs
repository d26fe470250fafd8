import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatMinutes, formatRate, formatCount, ratePercent, chartMinutes, formatDateTime, formatRefusals, sumRefusals,
  rowLabel, dataPairs, formatList, DASH,
} from '../src/util/format.js';

test('formatMinutes', () => {
  assert.equal(formatMinutes(35.5), '35.5 min');
  assert.equal(formatMinutes(4.25), '4.3 min');
  assert.equal(formatMinutes(0), '0 min');
  assert.equal(formatMinutes(59.96), '60 min');
  assert.equal(formatMinutes(120), '2 h');
  assert.equal(formatMinutes(125.4), '2 h 5 min');
  assert.equal(formatMinutes(24 * 60), '1 d');
  assert.equal(formatMinutes(27 * 60 + 10), '1 d 3 h');
  for (const v of [null, undefined, NaN, Infinity, -1, '12']) assert.equal(formatMinutes(v), DASH, String(v));
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
  assert.equal(chartMinutes(35.55), 35.6);
  assert.equal(chartMinutes(undefined), null);
});

test('formatDateTime uses the locale, a dash for empty, the text for garbage', () => {
  const iso = '2026-12-02T06:00:00Z';
  assert.equal(formatDateTime(iso, 'en-US'), new Date(iso).toLocaleString('en-US'));
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
