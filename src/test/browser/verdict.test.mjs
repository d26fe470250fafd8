// The customer's verdict where the coordinator reviews (DESIGN §14; book l.620–628: success is what the
// customer experiences). The service desk registers a call for a resident, the demo users work it to its
// review over the REST API, the resident does not accept the delivery over the call API, and the reviewing
// coordinator sees it in Tasklist: in the list (the task's name), on the review form and as the task's
// description. The test prepares its own call, so it needs nothing from BrowserTest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sessions, api, rest, shot, tasklist, base } from './support.mjs';

const CUSTOMER = 'inwoner-4711';
const COMPLAINT = 'Mijn nieuwe adres staat nog steeds niet in de basisregistratie';
/** CustomerVerdict.NOT_ACCEPTED in Dutch. */
const NOT_ACCEPTED = 'NIET AKKOORD volgens de aanvrager';

let browser;
let session;
let steps;

before(async () => {
  browser = await launch();
  session = sessions(browser);
  steps = tasklist(session);
});

after(async () => {
  await browser?.close();
});

async function send(user, path, body) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') },
    body: JSON.stringify(body),
  });
}

/** Completes the call's task at the step over the engine's REST API, as the user, with no fields. */
async function complete(user, trackingNumber, step) {
  const [task] = await rest(user, `/task?processInstanceBusinessKey=${trackingNumber}&taskDefinitionKey=${step}`);
  assert.ok(task, `${user} sees ${step} of ${trackingNumber}`);
  const response = await send(user, `/engine-rest/task/${task.id}/complete`, { variables: {} });
  assert.equal(response.status, 204, `${user} completes ${step}: ${await response.text()}`);
}

test('the reviewing coordinator sees in Tasklist that the customer did not accept the delivery', async () => {
  const registered = await send('servicedesk', '/api/calls', { serviceId: 'verhuizing', type: 'service-request',
    summary: 'Verhuizing naar de Lindelaan 12 doorgeven', requester: CUSTOMER });
  assert.equal(registered.status, 201, await registered.clone().text());
  const { trackingNumber } = await registered.json();
  await complete('coordinator', trackingNumber, 'O1_AcceptServiceRequest');
  await complete('coordinator', trackingNumber, 'O3_PlanActivities');
  await complete('operator', trackingNumber, 'O4_ExecuteActivities');

  const verdict = await send(CUSTOMER, `/api/calls/${trackingNumber}/confirmation`,
    { accepted: false, comment: COMPLAINT });
  assert.equal(verdict.status, 200, await verdict.clone().text());
  assert.deepEqual((await api(CUSTOMER, `/calls/${trackingNumber}`)).confirmation.accepted, false);

  const { page, id } = await steps.open('coordinator', trackingNumber, 'O5_ReviewDelivery');
  // verhuizing is a Dutch service: its coordinators read the verdict in Dutch.
  const rejected = `${NOT_ACCEPTED}: ${COMPLAINT}`;
  await page.locator('.fjs-form').getByText(rejected).waitFor();
  await page.locator('h2.task', { hasText: NOT_ACCEPTED }).waitFor();
  // The list says it before the task is opened (the task's name): the coordinator's list searched by the call's
  // tracking number, as among many calls a coordinator finds one.
  const search = JSON.stringify([{ type: 'processInstanceBusinessKey', operator: 'eq', value: trackingNumber }]);
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${id}&searchQuery=${encodeURIComponent(search)}`);
  // The list was there before the search: wait until it is the search's answer (one task, of this call).
  await page.waitForFunction((tn) => {
    const tasks = [...document.querySelectorAll('h4 a')].map((a) => a.textContent).filter((t) => t.includes(' · '));
    return tasks.length === 1 && tasks[0].includes(tn);
  }, trackingNumber, { timeout: 15000 }).catch(() => {});
  const names = await page.locator('h4 a', { hasText: ' · ' }).allInnerTexts(); // tasks, not filters
  assert.equal(names.length, 1, `the search finds the call's one task: ${names}`);
  assert.ok(names[0].trim().endsWith(` · ${NOT_ACCEPTED}`), names[0]);
  await page.locator('.fjs-form').getByText(rejected).waitFor();
  await shot(page, 'review-customer-rejected');

  await page.getByRole('link', { name: 'Description' }).click();
  await page.locator('.description-pane', { hasText: rejected }).waitFor();
});
