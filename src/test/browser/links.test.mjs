// Links of the chain (DESIGN §11) in real Chromium: the operator who handed part of O4 to the link 'afval' reads
// the linked call's outcome on the O4 form in Tasklist; the auditor reads the linked call on the call's page in
// Cockpit (and the provider's call carries the consumer's number as its reference) and is offered no action; an
// administrator sends the call's deliveries again from that page; a designer reads a service's links.
// BrowserTest passes USM_LINKED_MOVE (a verhuizing service request waiting at O4, claimed by operator, which
// handed work to 'afval') and USM_LINKED_WASTE (the afvalinzameling call it registered, worked to closed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, sessions, rest, api, shot } from './support.mjs';

const move = process.env.USM_LINKED_MOVE;
const waste = process.env.USM_LINKED_WASTE;

let browser;
let session;

before(async () => {
  assert.ok(move && waste, 'BrowserTest passes USM_LINKED_MOVE and USM_LINKED_WASTE');
  browser = await launch();
  session = sessions(browser);
});

after(async () => {
  await browser?.close();
});

test('the prepared call waits at O4 for its linked call, which its provider closed', async () => {
  const call = await api('auditor', `/calls/${move}`);
  assert.deepEqual(call.openSteps.map((s) => s.step), ['O4_ExecuteActivities']);
  assert.equal(call.links.length, 1);
  assert.equal(call.links[0].link, 'afval');
  assert.equal(call.links[0].trackingNumber, waste);
  assert.equal(call.links[0].status, 'closed');
  assert.equal((await api('auditor', `/calls/${waste}`)).reference, move);
});

test("the operator reads the linked call's outcome on the O4 form in Tasklist", async () => {
  const page = await session('operator', 'tasklist');
  const tasks = await rest('operator', `/task?processInstanceBusinessKey=${move}&taskDefinitionKey=O4_ExecuteActivities`);
  assert.equal(tasks.length, 1, 'the operator sees the O4 task');
  assert.equal(tasks[0].assignee, 'operator', 'held by the operator, who handed the work over');
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${tasks[0].id}`);
  await page.locator('h2.task').filter({ hasText: new RegExp(`^O4 .* · ${move} · `) }).waitFor();
  const form = page.locator('.fjs-form');
  await form.waitFor();
  const linked = form.locator('.fjs-form-field-text').filter({ hasText: 'Overgedragen aan schakels in de keten' });
  await linked.getByText(waste).waitFor();
  const text = await linked.innerText();
  assert.match(text, /regel L1/);
  assert.match(text, new RegExp(`schakel 'afval' \\(Afvalinzameling\\) ${waste}: (afgesloten|vervuld)`));
  await linked.scrollIntoViewIfNeeded();
  await shot(page, 'task-o4-linked-call');
});

test('the auditor reads the linked call on the call page in Cockpit and is offered no action', async () => {
  const page = await session('auditor', 'cockpit');
  const writes = [];
  const watch = (request) => {
    if (request.url().includes('/plugin/usm/') && !['GET', 'HEAD', 'OPTIONS'].includes(request.method())) {
      writes.push(`${request.method()} ${request.url()}`);
    }
  };
  page.on('request', watch);
  try {
    const asked = page.waitForResponse((r) => r.url().endsWith('/plugin/usm/default/me'));
    await page.goto(`${base}/camunda/app/cockpit/default/#/usm/calls/${encodeURIComponent(move)}`);
    await page.getByTestId('usm-call-header').waitFor();
    assert.equal(await page.getByTestId('usm-call-tn').innerText(), move);
    const me = await asked;
    assert.equal(me.status(), 200);
    assert.deepEqual(await me.json(), { userId: 'auditor', sendsLinkDeliveriesAgain: false });
    assert.match(await page.getByTestId('usm-call-description').innerText(), /twee kliko's/);

    const row = page.locator('[data-testid="usm-link-row"][data-link="afval"]');
    await row.waitFor();
    assert.equal(await page.getByTestId('usm-link-row').count(), 1);
    assert.equal(await row.getByTestId('usm-link-tn').innerText(), waste);
    assert.match(await row.getByTestId('usm-link-status').innerText(), /^(closed|fulfilled)$/);
    const cells = await row.innerText();
    assert.match(cells, /afval \(Afvalinzameling\)/);
    assert.match(cells, /O4_ExecuteActivities/);
    assert.match(cells, /by operator/);
    assert.equal(await row.getByTestId('usm-link-delivery').count(), 0, 'an internal link has nothing on its way');
    await page.waitForTimeout(300); // the page decides on the button once it knows the call and the user
    assert.equal(await page.getByTestId('usm-send-again').count(), 0, 'only administrators send deliveries again');
    const trail = page.locator('[data-testid="usm-trail-row"][data-kind="LINKED_CALL"]');
    await trail.first().waitFor();
    assert.ok(await trail.count() >= 2, 'the hand-over and the reports are on the trail');
    await page.getByTestId('usm-links').scrollIntoViewIfNeeded();
    await shot(page, 'auditor-call-links');

    // the provider's call (here: this product's own) opens from the row, and names the call it was handed over from
    await row.getByTestId('usm-link-tn').getByRole('link', { name: waste }).click();
    await page.getByTestId('usm-call-reference').waitFor();
    assert.equal(await page.getByTestId('usm-call-tn').innerText(), waste);
    assert.equal(await page.getByTestId('usm-call-reference').innerText(), move);
    await page.getByTestId('usm-links-empty').waitFor();
  } finally {
    page.off('request', watch);
  }
  assert.deepEqual(writes, [], 'the auditor only reads');
});

test("an administrator sends the call's deliveries again from the call page", async () => {
  const page = await session('admin', 'cockpit');
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/calls/${encodeURIComponent(move)}`);
  await page.locator('[data-testid="usm-link-row"][data-link="afval"]').waitFor();
  const button = page.getByTestId('usm-send-again');
  await button.waitFor();
  const answered = page.waitForResponse((r) => r.url().includes(`/calls/${encodeURIComponent(move)}/link-deliveries/retry`)
    && r.request().method() === 'POST');
  await button.click();
  const response = await answered;
  assert.equal(response.status(), 200, await response.text());
  assert.deepEqual(await response.json(), { trackingNumber: move, retried: 0 });
  await page.getByTestId('usm-send-again-done').waitFor();
  assert.match(await page.getByTestId('usm-send-again-done').innerText(), /Nothing was waiting to be sent/);
});

test("a designer reads a service's links on the Services page, the password only by its variable's name", async () => {
  const page = await session('designer', 'cockpit');
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/services/werkplek`);
  const external = page.locator('[data-testid="usm-service-link-row"][data-link-id="it-leverancier"]');
  await external.waitFor();
  assert.equal(await external.getAttribute('data-kind'), 'external');
  const text = await external.innerText();
  assert.match(text, /IT-leverancier Noord/);
  assert.match(text, /url: http:\/\/localhost:8081/);
  assert.match(text, /provider service: werkplek/);
  assert.match(text, /account: middenstad/);
  assert.match(text, /password from: USM_LINK_IT_LEVERANCIER_PASSWORD/);
  assert.match(text, /incident: P1 4 h · P2 8 h · P3 2 d · P4 5 d/);

  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/services/verhuizing`);
  const internal = page.locator('[data-testid="usm-service-link-row"][data-link-id="afval"]');
  await internal.waitFor();
  assert.equal(await internal.getAttribute('data-kind'), 'internal');
  assert.match(await internal.innerText(), /service: afvalinzameling/);
  assert.match(await internal.innerText(), /service request: P1 8 h · P2 1 d · P3 3 d · P4 5 d/);
  await page.getByTestId('usm-service-links-section').scrollIntoViewIfNeeded();
  await shot(page, 'designer-service-links');
});
