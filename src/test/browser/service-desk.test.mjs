// The service desk page in Tasklist (DESIGN §14), in real Chromium with a Dutch and an English browser: the demo
// service desk agent registers a call for a resident and sees its number, a refusal shows next to its field, the
// resident follows the call on "Mijn meldingen"; a plain requester registers for themselves and follows the link;
// Tasklist's "Start process" and "Create task" are hidden for the product's users, not for administrators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, sessions, shot } from './support.mjs';

const TASKLIST = `${base}/camunda/app/tasklist/default/`;
const RESIDENT = 'inwoner-4711';

let browser;
let dutch;
let english;

before(async () => {
  browser = await launch();
  dutch = sessions(browser, { locale: 'nl-NL' });
  english = sessions(browser, { locale: 'en-US' });
});

after(async () => {
  await browser?.close();
});

/** Tasklist with its navbar drawn (the plugin's entries are in it). */
async function openTasklist(session, user) {
  const page = await session(user, 'tasklist');
  await page.goto(TASKLIST);
  await page.getByTestId('usm-nav-new').waitFor();
  return page;
}

async function chooseCall(page, { service = 'verhuizing', type = 'incident' } = {}) {
  await page.getByTestId('usm-desk-service').selectOption(service);
  await page.getByTestId(`usm-desk-type-${type}`).check();
}

test('the service desk registers a call for a resident, in Dutch; a refusal shows next to its field', async () => {
  const page = await openTasklist(dutch, 'servicedesk');
  await page.waitForFunction(() => document.body.classList.contains('usm-product-user'));
  assert.equal(await page.locator('li.start-process-action').isVisible(), false, '"Proces starten" is hidden');
  assert.equal(await page.locator('li.create-task-action').isVisible(), false, '"Taak aanmaken" is hidden');
  assert.equal(await page.getByTestId('usm-nav-new').innerText(), 'Nieuwe melding');

  await page.getByTestId('usm-nav-new').click();
  await page.getByTestId('usm-desk-form').waitFor();
  await chooseCall(page);
  assert.match(await page.getByTestId('usm-desk-offers').innerText(), /Adreswijziging in de Basisregistratie Personen/);
  const types = await page.getByTestId('usm-desk-types').innerText();
  assert.match(types, /Serviceverzoek — U vraagt iets aan wat de dienst al biedt/);
  assert.match(types, /Incident — Iets werkt niet \(meer\) zoals afgesproken/);

  // No summary: the API's refusal names the field, and the page shows it there.
  await page.getByTestId('usm-desk-register').click();
  const summaryError = page.getByTestId('usm-desk-error-summary');
  await summaryError.getByRole('alert').waitFor();
  assert.ok((await summaryError.innerText()).trim().length > 0, 'the refusal is shown next to the summary');
  assert.equal(await page.locator('[data-field="summary"].usm-desk-invalid').count(), 1);
  assert.equal(await page.getByTestId('usm-desk-error-serviceId').innerText(), '', 'nothing next to other fields');
  await shot(page, 'service-desk-validation');

  await page.getByTestId('usm-desk-summary').fill('Verhuisbevestiging niet ontvangen');
  await page.getByTestId('usm-desk-requester').fill('inwoner-47');
  await page.getByTestId(`usm-desk-requester-${RESIDENT}`).click();
  assert.equal(await page.getByTestId('usm-desk-requester').inputValue(), RESIDENT);
  await page.getByTestId('usm-desk-impact').selectOption('high');
  assert.equal(await page.locator('.usm-desk-invalid').count(), 0, 'the refusal went when the field was filled in');
  await page.getByTestId('usm-desk').evaluate((panel) => panel.scrollTo(0, 0));
  await shot(page, 'service-desk-register-nl');
  await page.getByTestId('usm-desk-register').click();
  const number = await page.getByTestId('usm-desk-tracking-number').innerText();
  assert.match(number, /^INC-\d{4}-\d{6}$/);
  assert.match(await page.getByTestId('usm-desk-registered').innerText(), /geregistreerd onder nummer INC-.*Prioriteit P[1-4]/);
  await shot(page, 'service-desk-registered-nl');

  // The resident follows it on "Mijn meldingen": plain words, the step's name, a Dutch date.
  const resident = await openTasklist(dutch, RESIDENT);
  await resident.getByTestId('usm-nav-mine').click();
  const card = resident.getByTestId(`usm-desk-call-${number}`);
  await card.waitFor();
  assert.match(await card.getByTestId('usm-desk-status').innerText(), /^(Ontvangen|In behandeling)$/);
  const where = await card.getByTestId('usm-desk-where').innerText();
  assert.ok(where.length > 0 && !/^[A-Z]\d+ |_|·/.test(where) && !where.includes(number),
    `the step's name, not its code nor the task's decoration: ${where}`);
  assert.match(await card.getByTestId('usm-desk-expected').innerText(), /^\d{1,2} [a-z]{3}\.? \d{4}$/);
  await shot(resident, 'service-desk-my-calls-nl');
});

test('a requester registers a call for themselves in English and follows the link to it', async () => {
  const page = await openTasklist(english, 'requester');
  await page.getByTestId('usm-nav-new').click();
  await page.getByTestId('usm-desk-form').waitFor();
  const requester = page.getByTestId('usm-desk-requester');
  assert.equal(await requester.inputValue(), 'requester', 'prefilled with oneself');
  assert.equal(await requester.getAttribute('readonly'), '', 'a requester registers only for themselves');
  await chooseCall(page, { type: 'service-request' });
  await page.getByTestId('usm-desk-summary').fill('Proof of my new address');
  await page.getByTestId('usm-desk-register').click();
  const number = await page.getByTestId('usm-desk-tracking-number').innerText();
  assert.match(number, /^SRQ-\d{4}-\d{6}$/);
  await shot(page, 'service-desk-registered-en');

  await page.getByTestId('usm-desk-follow').click();
  const card = page.locator('.usm-desk-focus');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-testid'), `usm-desk-call-${number}`);
  assert.match(await card.getByTestId('usm-desk-status').innerText(), /^(Received|In progress)$/);
  assert.match(await card.getByTestId('usm-desk-expected').innerText(), /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  const shown = await page.locator('[data-testid^="usm-desk-call-"]').count();
  const own = (await (await fetch(`${base}/api/calls?party=me&size=50`, { headers: {
    Authorization: 'Basic ' + Buffer.from('requester:requester').toString('base64') } })).json()).calls.length;
  assert.equal(shown, own, 'My calls shows the calls the user requested');
  await shot(page, 'service-desk-my-calls-en');

  await page.getByTestId('usm-desk-close').click();
  await page.getByTestId('usm-desk').waitFor({ state: 'detached' });
});

test('administrators keep Tasklist\'s "Start process" and "Create task"', async () => {
  const page = await openTasklist(english, 'admin');
  await page.locator('li.start-process-action').waitFor();
  assert.equal(await page.locator('li.start-process-action').isVisible(), true);
  assert.equal(await page.evaluate(() => document.body.classList.contains('usm-product-user')), false);
});
