// A Dutch service's call worked in Dutch, an English service's in English (DESIGN §14): in a Dutch browser the
// coordinator and the operator of verhuizing find its steps under the Dutch filter, read the step's Dutch
// name and form, complete R1 and R3 with Tasklist's Dutch buttons and read R4's refusal in Dutch; in an
// English browser the same people work expat-desk's incident in English. The screenshots are the coordinator guide's.
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

/** How the Dutch names of the steps begin (Step's Dutch names); none begins as an English one does. */
const DUTCH_VERBS = ['Aannemen', 'Analyseren', 'Bijwerken', 'Classificeren', 'Doorvoeren', 'Evalueren', 'Herstellen',
  'Identificeren', 'Implementeren', 'Onderhandelen', 'Opstellen', 'Plannen', 'Realiseren', 'Selecteren',
  'Specificeren', 'Testen', 'Toetsen', 'Uitvoeren', 'Vaststellen', 'Voorbereiden'];

/** Registers an incident as the service desk over the call API; answers its tracking number. */
async function register(serviceId, summary) {
  const response = await fetch(`${base}/api/calls`, {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from('servicedesk:servicedesk').toString('base64'),
      'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId, type: 'incident', summary, requester: 'inwoner-4712', impact: 'medium',
      urgency: 'high' }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, `register for ${serviceId}: ${body}`);
  return JSON.parse(body).trackingNumber;
}

test('coordinator and operator work a Dutch call in a Dutch Tasklist', async () => {
  const incident = await register('verhuizing', 'Bevestigingsbrief verhuizing kwam niet aan');
  const session = sessions(browser, { locale: 'nl-NL' });
  const { work, completes } = tasklist(session);

  const coordinator = await session('coordinator', 'tasklist');
  await coordinator.getByText('Taken van mijn groepen').first().click();
  // The list holds the demo month's calls too, earliest due first: any of verhuizing's steps reads in Dutch.
  const dutchStep = new RegExp(`[A-I]\\d (${DUTCH_VERBS.join('|')})\\b[^\\n]* · Verhuizing doorgeven`);
  await coordinator.locator('.tasks-list .task').filter({ hasText: dutchStep }).first().waitFor();
  await shot(coordinator, 'nl-tasklist-my-group');

  await completes('coordinator', incident, 'R1_AcceptIncident', async (page) => {
    await page.getByText('R1 Aannemen incident').first().waitFor();
    await page.getByRole('button', { name: 'Afronden' }).waitFor();
  }, 'nl-task-r1-accept');
  await completes('operator', incident, 'R3_Analyze', async (page) => {
    await page.getByText('De gevonden oplossing of workaround.').waitFor();
    await type(page, 'Analyse', 'Adreswijziging staat in de BRP; de bevestigingsbrief is niet verstuurd.');
  }, 'nl-task-r3-analyze');
  // Routed to Operate without saying what Operate must do: the form lets it through, rule H6 does not.
  const { page, response } = await work('coordinator', incident, 'R4_PrepareRecovery', async (form) => {
    await form.getByLabel(/^Uitvoeren – /).check();
  }, 'nl-task-r4-refused');
  assert.equal(response.status(), 400, 'a route to Operate without its service request is refused');
  assert.match(await response.text(), /Regel H6: /, 'the refusal reads in Dutch, with its rule');
  await page.getByText(/Regel H6: /).first().waitFor();
  await shot(page, 'nl-refusal-h6');
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
