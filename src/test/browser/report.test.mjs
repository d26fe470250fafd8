// The owner of verhuizing reads the Service report in Cockpit for a monthly chain review, in real Chromium: the
// customer's lead time beside the teams' own times (drawn), the trend per month, the teams, a printable page and
// the CSV; an owner of no service reads none of it. Over the demo's month of calls (BrowserTest).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { base, launch, sessions, shot } from './support.mjs';

const OWNER = process.env.USM_OWNER ?? 'owner';

let browser;
let session;

before(async () => {
  browser = await launch();
  session = sessions(browser);
});

after(async () => {
  await browser?.close();
});

test('the owner reads the chain of their service: lead time beside the teams, trends, teams', async () => {
  const page = await session(OWNER, 'cockpit');
  await page.goto(`${base}/camunda/app/cockpit/default/#/dashboard`);
  await page.getByTestId('usm-nav-report').click();
  await page.getByTestId('usm-report').waitFor();
  const services = await page.getByTestId('usm-report-service').locator('option').allInnerTexts();
  assert.deepEqual(services, [...services].sort((a, b) => a.localeCompare(b)), 'the owner\'s services by name');
  assert.equal(await page.getByTestId('usm-report-title').innerText(), `Service report: ${services[0]}`,
    'the first of them is shown');
  assert.ok(services.includes('Verhuizing doorgeven'), `the owner's service: ${services}`);
  assert.ok(!services.includes('Digitale werkplek'), `no other owner's service: ${services}`);
  await page.getByTestId('usm-report-service').selectOption('verhuizing');
  await page.getByTestId('usm-filter-apply').click();
  await page.waitForURL(/serviceId=verhuizing/);
  await page.getByTestId('usm-report-title').filter({ hasText: 'Service report: Verhuizing doorgeven' }).waitFor();

  assert.ok(await page.getByTestId('usm-report-chart-WF4').isVisible(), 'the watermelon view of WF4 is drawn');
  assert.ok(await page.getByTestId('usm-report-chart-trend').isVisible(), 'the trend is drawn');
  assert.ok(await page.getByTestId('usm-report-patterns-row').count() >= 1);
  assert.ok(await page.getByTestId('usm-report-trend-row').count() >= 1);
  const teams = await page.getByTestId('usm-report-team').allInnerTexts();
  assert.ok(teams.some((t) => t.includes('R3_Analyze')), `the operators' R3: ${teams}`);
  await shot(page, 'owner-service-report');

  await page.getByTestId('usm-report-interval').selectOption('week');
  await page.getByTestId('usm-filter-apply').click();
  await page.waitForURL(/interval=week/);
  await page.getByTestId('usm-report-trend-row').first().waitFor();
  assert.match(await page.getByTestId('usm-report-trend-row').first().innerText(), /^\d{4}-W\d{2}/);
});

test('the report prints without Cockpit around it, and downloads as CSV', async () => {
  const page = await session(OWNER, 'cockpit');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('usm-report-filters').isVisible(), false, 'no tools on paper');
  assert.equal(await page.getByText('Processes', { exact: true }).first().isVisible(), false, "no Cockpit header");
  assert.ok(await page.getByTestId('usm-report-chart-WF4').isVisible(), 'the charts are on paper');
  await shot(page, 'owner-service-report-print');
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('usm-report-csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^period,serviceId,serviceName,pattern,team,step,/);
  assert.match(csv, /,verhuizing,Verhuizing doorgeven,WF4,,/);
  assert.doesNotMatch(csv, /,werkplek,/, 'only what the owner may read');
});

test('a user who neither owns nor works the service reads none of its report', async () => {
  const page = await session('designer', 'cockpit');
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/report?serviceId=verhuizing`);
  await page.getByTestId('usm-no-access').getByText('No access').waitFor();
  assert.equal(await page.getByTestId('usm-report-chart-WF4').count(), 0);
  await shot(page, 'report-refused');

  const response = await fetch(`${base}/api/kpis?serviceId=verhuizing&format=csv`, {
    headers: { Authorization: 'Basic ' + Buffer.from('requester:requester').toString('base64') },
  });
  assert.equal(response.status, 403);
  assert.equal((await response.json()).field, 'serviceId');
});
