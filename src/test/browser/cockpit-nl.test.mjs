// The plugin pages follow the browser's language (DESIGN §14): the auditor, in a Dutch browser, reads the Calls
// list and a call in Dutch, with statuses and call types in words and dates in Dutch format; a designer, who may
// read no service's calls, is told "Geen toegang" instead of an empty list. The call is registered here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, sessions, shot, api } from './support.mjs';

let browser;
let session;
let trackingNumber;

/** A Dutch date with time as the pages write it: "5 dec 2026, 14:03" (Chromium may write "dec."). */
const DUTCH_DATE_TIME = /\b\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? 20\d\d,? \d\d:\d\d\b/;

before(async () => {
  browser = await launch();
  session = sessions(browser, { locale: 'nl-NL' });
  const registered = await fetch(`${base}/api/calls`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from('servicedesk:servicedesk').toString('base64') },
    body: JSON.stringify({ serviceId: 'verhuizing', type: 'service-request', summary: 'Verhuizing naar Middenstad-Oost',
      requester: 'inwoner-4711', impact: 'medium', urgency: 'medium' }),
  });
  assert.equal(registered.status, 201, await registered.clone().text());
  trackingNumber = (await registered.json()).trackingNumber;
});

after(async () => {
  await browser?.close();
});

const cockpit = (hash) => `${base}/camunda/app/cockpit/default/#${hash}`;

test('the auditor reads the Calls list in Dutch: words for type and status, Dutch dates', async () => {
  const page = await session('auditor', 'cockpit');
  await page.goto(cockpit(`/usm/calls?trackingNumber=${trackingNumber}`));
  const row = page.locator(`[data-testid="usm-calls-row"][data-tracking-number="${trackingNumber}"]`);
  await row.waitFor();
  assert.equal(await page.getByTestId('usm-nav-calls').innerText(), 'Meldingen');
  assert.equal(await page.locator('.usm-calls-page h2.usm-title').innerText(), 'Meldingen');
  const headers = await page.getByTestId('usm-calls-table').locator('th').allInnerTexts();
  assert.deepEqual(headers.slice(0, 3), ['Meldingsnummer', 'Soort', 'Dienst']);
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[1], 'serviceverzoek', 'the call type in words');
  assert.match(cells[4], /^(geregistreerd|in behandeling)$/, 'the status in words');
  assert.match(cells[7], DUTCH_DATE_TIME, 'registered, in Dutch format');
  assert.equal(await page.getByTestId('usm-filter-apply').innerText(), 'Zoeken');
  assert.match(await page.getByTestId('usm-page-range').innerText(), /^1–1 van 1$/);
  await page.getByTestId('usm-filter-reset').click();
  await page.getByTestId('usm-calls-row').nth(1).waitFor();
  await shot(page, 'auditor-calls-nl');
});

test('the auditor reads a call in Dutch', async () => {
  const page = await session('auditor', 'cockpit');
  await page.goto(cockpit(`/usm/calls/${trackingNumber}`));
  await page.getByTestId('usm-call-header').waitFor();
  assert.match(await page.getByTestId('usm-call-status').innerText(), /^(geregistreerd|in behandeling)$/);
  const header = await page.getByTestId('usm-call-header').innerText();
  assert.match(header, /Meldingsnummer/);
  assert.match(header, /Soort\s+serviceverzoek/);
  assert.match(header, new RegExp(`Geregistreerd\\s+${DUTCH_DATE_TIME.source}`));
  await page.getByTestId('usm-trail-row').first().waitFor();
  assert.match(await page.getByTestId('usm-trail-row').first().innerText(), DUTCH_DATE_TIME);
  const registered = page.locator('[data-testid="usm-trail-row"][data-kind="REGISTERED"]');
  assert.match(await registered.innerText(), /\bgeregistreerd\b/, 'the kind of entry in words');
  for (const heading of ['Openstaande stappen', 'Meldingsboom en gevolgd pad', 'Audittrail']) {
    await page.getByRole('heading', { name: heading }).waitFor();
  }
  assert.equal(await page.getByText('Open steps', { exact: true }).count(), 0, 'no English left');

  // a finished call of the demo's month, with its path taken, for the auditor's guide
  const closed = (await api('auditor', '/calls?status=closed&type=incident')).calls[0].trackingNumber;
  await page.goto(cockpit(`/usm/calls/${closed}`));
  assert.equal(await page.getByTestId('usm-call-status').innerText(), 'afgerond');
  await page.locator('[data-testid="usm-diagram"][data-state="shown"]').waitFor();
  await shot(page, 'auditor-call-nl');
});

test('a designer, who may read no service\'s calls, is told "Geen toegang", not "no calls match"', async () => {
  const page = await session('designer', 'cockpit');
  const refused = page.waitForResponse((r) => r.url().includes('/plugin/usm/default/calls?'));
  await page.goto(cockpit('/usm/calls'));
  assert.equal((await refused).status(), 403);
  const box = page.getByTestId('usm-no-access');
  await box.waitFor();
  assert.match(await box.innerText(), /^Geen toegang\s+U mag deze gegevens niet inzien/);
  assert.equal(await page.getByTestId('usm-calls-empty').count(), 0);
  await shot(page, 'designer-no-access-nl');

  await page.goto(cockpit('/usm/chain'));
  await page.getByTestId('usm-no-access').waitFor();
  assert.equal(await page.getByTestId('usm-chain-empty').count(), 0);

  // a call they may not read is answered as one that does not exist, in their language
  await page.goto(cockpit(`/usm/calls/${trackingNumber}`));
  await page.getByText(`Melding ${trackingNumber} bestaat niet, of u mag hem niet inzien.`).waitFor();
});

test('the owner reads the report of their service in Dutch: durations with a decimal comma', async () => {
  const page = await session('owner', 'cockpit');
  await page.goto(cockpit('/usm/report?serviceId=verhuizing'));
  await page.getByTestId('usm-report').waitFor();
  assert.equal(await page.getByTestId('usm-report-title').innerText(), 'Dienstrapportage: Verhuizing doorgeven');
  assert.match(await page.getByTestId('usm-report-period').innerText(),
    /^Periode: \d{1,2} \w+\.? 20\d\d – \d{1,2} \w+\.? 20\d\d · geregistreerde meldingen/);
  const figures = await page.getByTestId('usm-report-patterns-row').first().innerText();
  assert.doesNotMatch(figures, /\d\.\d (min|h)\b/, 'no decimal point, no English unit');
  await page.getByTestId('usm-report-chart-WF4').waitFor();
  await page.waitForTimeout(500); // the charts draw after the page is attached
  await shot(page, 'owner-service-report-nl');
});
