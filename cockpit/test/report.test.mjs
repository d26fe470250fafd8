// The Service report's pure parts: the watermelon view's bars and the teams the book warns about, its route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watermelonBars, greenWhileChainRed } from '../src/util/figures.js';
import { parseRoute, reportHash, kpisUrl, REPORT_FILTERS } from '../src/util/route.js';

const row = {
  pattern: 'WF4',
  fulfilmentLeadTimeMedianMinutes: 900,
  chainMissesSla: true,
  teams: [
    { group: 'publieksdiensten-burgerzaken', step: 'R3_Analyze', queueTimeMedianMinutes: 5, workTimeMedianMinutes: 15,
      greenWhileChainRed: true },
    { group: 'publieksdiensten-coordinatoren', step: 'R4_PrepareRecovery', queueTimeMedianMinutes: 380,
      workTimeMedianMinutes: 80, greenWhileChainRed: false },
  ],
};

test('the chain bar comes first, then each team with its queue and work, the quick ones beside a red chain marked', () => {
  assert.deepEqual(watermelonBars(row), [
    { label: 'Customer: registration → fulfilment (median)', chain: 900 },
    { label: 'publieksdiensten-burgerzaken · R3_Analyze', queue: 5, work: 15, marked: true },
    { label: 'publieksdiensten-coordinatoren · R4_PrepareRecovery', queue: 380, work: 80, marked: false },
  ]);
  assert.deepEqual(greenWhileChainRed([row, { pattern: 'WF5', teams: [] }]),
    ['publieksdiensten-burgerzaken (R3_Analyze, WF4)']);
});

test('the report has its own route, and asks the figures per interval or as CSV', () => {
  assert.equal(parseRoute('#/usm/report?serviceId=verhuizing&interval=week').view, 'report');
  assert.equal(reportHash({ serviceId: 'verhuizing', interval: 'month' }), '#/usm/report?serviceId=verhuizing&interval=month');
  assert.equal(kpisUrl('/base', { serviceId: 'verhuizing', interval: 'week' }, REPORT_FILTERS),
    '/base/kpis?serviceId=verhuizing&interval=week');
  assert.equal(kpisUrl('/base', { serviceId: 'verhuizing', format: 'csv' }, [...REPORT_FILTERS, 'format']),
    '/base/kpis?serviceId=verhuizing&format=csv');
});
