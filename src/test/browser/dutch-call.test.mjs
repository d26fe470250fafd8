// A Dutch service's call worked in Dutch, an English service's in English (DESIGN §14): in a Dutch browser the
// coordinator and the operator of verhuizing find the incident under the Dutch filter, read the step's Dutch
// name and form, and complete R1, R3 and R4 with Tasklist's Dutch buttons; in an English browser the same
// people work expat-desk's incident in English. The screenshots are the coordinator guide's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, sessions, shot, tasklist, type } from './support.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Registers an incident as the service desk over the call API; answers its tracking number. */
async function register(serviceId, summary) {
  const response = await fetch(`${base}/api/calls`, {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from('servicedesk:servicedesk').toString('base64'),
      'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId, type: 'incident', summary, requester: 'inwoner-4712', impact: 'medium',
      urgency: 'high' }),
  });
  assert.equal(response.status, 201, `register for ${serviceId}: ${await response.text()}`);
  return (await response.json()).trackingNumber;
}

test('coordinator and operator work a Dutch call in a Dutch Tasklist', async () => {
  const incident = await register('verhuizing', 'Bevestigingsbrief verhuizing kwam niet aan');
  const session = sessions(browser, { locale: 'nl-NL' });
  const { work, completes } = tasklist(session);

  const coordinator = await session('coordinator', 'tasklist');
  await coordinator.getByText('Taken van mijn groepen').first().click();
  await coordinator.getByText(`R1 Aannemen incident · ${incident} · Verhuizing doorgeven`).first().waitFor();
  await shot(coordinator, 'nl-tasklist-my-group');

  await completes('coordinator', incident, 'R1_AcceptIncident', async (page) => {
    await page.getByText('R1 Aannemen incident').first().waitFor();
    await page.getByRole('button', { name: 'Afronden' }).waitFor();
  }, 'nl-task-r1-accept');
  await completes('operator', incident, 'R3_Analyze', async (page) => {
    await page.getByText('De gevonden oplossing of workaround.').waitFor();
    await type(page, 'Analyse', 'Adreswijziging staat in de BRP; de bevestigingsbrief is niet verstuurd.');
  }, 'nl-task-r3-analyze');
  const { page, response } = await work('coordinator', incident, 'R4_PrepareRecovery', async () => {}, 'nl-task-r4-refused');
  assert.equal(response.status(), 400, 'R4 without a route is refused');
  assert.match(await response.text(), /Regel H5/, 'the refusal reads in Dutch, with its rule');
  await page.getByText(/Regel H5/).first().waitFor();
  await shot(page, 'nl-refusal-h5');
});

test('the same people work an English service\'s call in an English Tasklist', async () => {
  const incident = await register('expat-desk', 'Confirmation of registration never arrived');
  const { completes } = tasklist(sessions(browser, { locale: 'en-GB' }));

  await completes('coordinator', incident, 'R1_AcceptIncident', async (page) => {
    await page.getByText(`R1 Accept incident · ${incident} · International residents' desk`).first().waitFor();
    await page.getByRole('button', { name: 'Complete' }).waitFor();
  }, 'en-task-r1-accept');
  await completes('operator', incident, 'R3_Analyze', async (page) => {
    await page.getByText('The solution or workaround found.').waitFor();
    await type(page, 'Analysis', 'Address registered; the confirmation letter was not sent.');
  }, 'en-task-r3-analyze');
});
