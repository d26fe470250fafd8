// The auditor in Cockpit with the product's plugin `usm`, in real Chromium: finds a finished call by its
// tracking number, opens it, reads its steps with users and decisions and its diagram with the path taken,
// exports the trail as CSV; reads the Chain figures; opens the call page from Cockpit's own view of a
// running instance; changes nothing on the way; and Cockpit keeps working when the plugin's data fails.
// BrowserTest passes USM_CLOSED_INCIDENT (a WF4 incident worked to closed) and USM_OWN_RFC (a running RFC).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { base, launch, sessions, rest, api, shot } from './support.mjs';

const closed = process.env.USM_CLOSED_INCIDENT;
const runningRfc = process.env.USM_OWN_RFC;

let browser;
let session;
const writes = [];

before(async () => {
  browser = await launch();
  session = sessions(browser);
});

after(async () => {
  await browser?.close();
});

/**
 * The auditor's Cockpit page, recording every request of the plugin that is not a read (Cockpit's own
 * pages query with POST; what they may do is the engine's authorizations' business, tested elsewhere).
 */
async function auditor() {
  const page = await session('auditor', 'cockpit');
  if (!page.usmWatched) {
    page.on('request', (request) => {
      if (request.url().includes('/plugin/usm/') && !['GET', 'HEAD', 'OPTIONS'].includes(request.method())) {
        writes.push(`${request.method()} ${request.url()}`);
      }
    });
    page.usmWatched = true;
  }
  return page;
}

test('Cockpit loads with the plugin: Calls and Chain in its navigation, the list of calls', async () => {
  const page = await auditor();
  await page.goto(`${base}/camunda/app/cockpit/default/#/dashboard`);
  await page.getByTestId('usm-nav-calls').click();
  await page.getByTestId('usm-calls-table').waitFor();
  assert.ok(await page.getByTestId('usm-calls-row').count() >= 1, 'the list shows calls');
  await page.getByTestId('usm-nav-chain').waitFor();
  await shot(page, 'auditor-calls');
});

test('the auditor finds a finished call by tracking number and traces who decided what', async () => {
  const page = await auditor();
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/calls`);
  await page.getByTestId('usm-filter-trackingNumber').fill(closed);
  await page.getByTestId('usm-filter-apply').click();
  const row = page.locator(`[data-testid="usm-calls-row"][data-tracking-number="${closed}"]`);
  await row.waitFor();
  assert.equal(await page.getByTestId('usm-calls-row').count(), 1);
  assert.match(await row.innerText(), /closed/);
  await row.getByRole('link', { name: closed }).click();

  await page.getByTestId('usm-call-header').waitFor();
  assert.equal(await page.getByTestId('usm-call-status').innerText(), 'closed');
  const nodes = page.getByTestId('usm-tree-node');
  await nodes.nth(2).waitFor();
  assert.equal(await nodes.count(), 3, 'the workflow, Recover and the Operate it called');

  await nodes.filter({ hasText: 'Recover' }).getByRole('button').first().click();
  const diagram = page.locator('[data-testid="usm-diagram"][data-state="shown"]');
  await diagram.waitFor();
  assert.ok(await diagram.locator('.djs-element.usm-taken[data-element-id="R3_Analyze"]').count() >= 1,
    'R3 is marked on the path taken');
  assert.equal(await page.locator('[data-testid="usm-diagram-count"][data-element-id="R3_Analyze"]').innerText(), '1');
  await page.locator('.bjs-powered-by').waitFor();
  await shot(page, 'auditor-call');

  const steps = page.locator('[data-testid="usm-trail-row"][data-kind="STEP_COMPLETED"]');
  assert.equal(await steps.count(), 10, 'ten steps of WF4, each on the trail');
  assert.match(await steps.filter({ hasText: 'R3_Analyze' }).innerText(), /operator/);
  assert.match(await steps.filter({ hasText: 'R4_PrepareRecovery' }).innerText(), /recoveryRoute: operate/);
  const decision = page.locator('[data-testid="usm-trail-row"][data-kind="DECISION"]').filter({ hasText: 'R2_Classify' });
  assert.match(await decision.innerText(), /P2/);
  await page.getByTestId('usm-trail-table').scrollIntoViewIfNeeded();
  await shot(page, 'auditor-trail');

  const download = page.waitForEvent('download');
  await page.getByTestId('usm-csv-link').click();
  const csv = await readFile(await (await download).path(), 'utf8');
  assert.match(csv, /^occurredAt,kind,step,processKey,processInstanceId,userId,ruleId,message,data\r\n/);
  assert.match(csv, /STEP_COMPLETED,R3_Analyze,usm-recover,[^,]+,operator,/);
});

test('the Chain page shows the figures of the demo data', async () => {
  const page = await auditor();
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/chain`);
  const rows = page.getByTestId('usm-chain-row');
  await rows.first().waitFor();
  const wf4 = rows.filter({ hasText: 'WF4' }).filter({ hasText: 'Verhuizing doorgeven' });
  assert.equal(await wf4.count(), 1);
  await page.getByTestId('usm-chain-chart-leadtime').waitFor();
  assert.ok((await page.getByTestId('usm-chain-chart-leadtime').boundingBox()).height > 50, 'the lead-time chart is drawn');
  await shot(page, 'auditor-chain');
});

test("Cockpit's own view of a running instance links to its call", async () => {
  const page = await auditor();
  const [root] = await rest('auditor', `/process-instance?businessKey=${runningRfc}&processDefinitionKey=usm-wf2-verhuizing`);
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${root.id}/runtime`);
  await page.getByText('USM call').click();
  await page.getByTestId('usm-call-link').click();
  await page.getByTestId('usm-call-header').waitFor();
  assert.equal(await page.getByTestId('usm-call-tn').innerText(), runningRfc);
});

test('Cockpit keeps working when the plugin cannot read its data', async () => {
  const page = await auditor();
  await page.route('**/api/cockpit/plugin/usm/default/calls?**', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/calls`);
  await page.getByTestId('usm-error').waitFor();
  await page.unroute('**/api/cockpit/plugin/usm/default/calls?**');
  await page.getByRole('link', { name: 'Processes' }).first().click();
  await page.getByText('usm-recover').first().waitFor();
});

test('the auditor changed nothing', async () => {
  assert.deepEqual(writes, [], 'the plugin only reads');
  for (const call of [closed, runningRfc]) {
    const trail = await api('auditor', `/calls/${call}/audit`);
    assert.ok(trail.every((entry) => entry.userId !== 'auditor'), `nothing on the trail of ${call} is the auditor's`);
  }
});
