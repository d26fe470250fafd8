// The process designer in Cockpit's Services page, in real Chromium: reads the services with their
// versions, writes a new service as YAML with the violations shown as they are found, previews its
// workflows before deploying, deploys it, and retires it; then intake refuses calls for it. A version stored
// by someone else since the page was opened is not overwritten. BrowserTest
// starts the product.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, sessions, shot } from './support.mjs';

let browser;
let session;

before(async () => {
  browser = await launch();
  session = sessions(browser);
});

after(async () => {
  await browser?.close();
});

async function designer() {
  return session('designer', 'cockpit');
}

test('the designer reads the services with their versions and workflows', async () => {
  const page = await designer();
  await page.goto(`${base}/camunda/app/cockpit/default/#/dashboard`);
  await page.getByTestId('usm-nav-services').click();
  const row = page.locator('[data-testid="usm-services-row"][data-service-id="verhuizing"]');
  await row.waitFor();
  await shot(page, 'designer-services');
  await row.getByRole('link').first().click();
  await page.getByTestId('usm-service-header').waitFor();
  assert.equal(await page.getByTestId('usm-service-id').innerText(), 'verhuizing');
  assert.ok(await page.getByTestId('usm-service-history-row').count() >= 1);
  await page.locator('[data-testid="usm-service-diagram"][data-state="shown"]').waitFor();
  assert.match(await page.getByTestId('usm-service-editor').inputValue(), /id: verhuizing/);
});

test('a new service: violations as they are found, a preview, deployed, retired', async () => {
  const page = await designer();
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/services/verhuizing`);
  const yaml = (await page.getByTestId('usm-service-editor').inputValue())
    .replace('id: verhuizing', 'id: parkeervergunning').replace('name: Verhuizing doorgeven', 'name: Parkeervergunning aanvragen')
    .replace('id: DVO-PD-2026-01', 'id: DVO-PARK-2026-01');
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/services/new`);
  const editor = page.getByTestId('usm-service-editor');
  await editor.waitFor();

  await editor.fill(yaml.replace('coordinators: publieksdiensten-coordinatoren', 'coordinators: parkeren-coordinatoren'));
  const unknownGroup = page.locator('[data-testid="usm-service-violation"][data-field="roles.agree.coordinators"]');
  await unknownGroup.waitFor();
  assert.match(await unknownGroup.innerText(), /parkeren-coordinatoren/);
  await shot(page, 'designer-violations');

  await editor.fill(yaml);
  await page.getByTestId('usm-service-valid').waitFor();
  await page.getByTestId('usm-service-preview').click();
  await page.locator('[data-testid="usm-service-diagram"][data-state="shown"][data-source="preview"]').waitFor();
  await shot(page, 'designer-preview');

  await page.getByTestId('usm-service-deploy').click();
  await page.getByTestId('usm-service-deployed').waitFor();
  const services = await fetch(`${base}/api/services/parkeervergunning`, {
    headers: { Authorization: 'Basic ' + Buffer.from('auditor:auditor').toString('base64') },
  }).then((r) => r.json());
  assert.equal(services.version, 1);
  assert.equal(services.history[0].changedBy, 'designer');

  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/services/parkeervergunning`);
  await page.getByTestId('usm-service-header').waitFor();
  // Camunda's content security policy forbids the browser's own dialogs: the page asks in a panel.
  await page.getByTestId('usm-service-retire').click();
  await page.getByTestId('usm-service-retire-dialog').waitFor();
  const retired = page.waitForResponse((r) => r.request().method() === 'DELETE');
  await page.getByTestId('usm-service-retire-confirm').click();
  const answer = await retired;
  assert.equal(answer.status(), 200, `retire: ${await answer.text()}`);
  await page.getByTestId('usm-service-retired').waitFor();
  await shot(page, 'designer-retired');
  const refused = await fetch(`${base}/api/calls`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from('requester:requester').toString('base64') },
    body: JSON.stringify({ serviceId: 'parkeervergunning', type: 'incident', summary: 'Vergunning kwijt', requester: 'inwoner-4711' }),
  });
  assert.equal(refused.status, 409);
  assert.match((await refused.json()).error, /'parkeervergunning' is retired/);
});

/** The designer API as a user, outside the browser: YAML in, JSON out. */
async function designApi(user, method, path, yaml) {
  return fetch(`${base}/api/services${path}`, {
    method,
    headers: { 'Content-Type': 'application/yaml', Accept: method === 'GET' ? 'application/yaml' : 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') },
    body: yaml,
  });
}

test("a new version is not written over one another designer stored since the page was opened", async () => {
  const verhuizing = await (await designApi('designer', 'GET', '/verhuizing')).text();
  const yaml = verhuizing.replace('id: verhuizing', 'id: afvalpas').replace(/^name: .*$/m, 'name: Afvalpas aanvragen')
    .replace('id: DVO-PD-2026-01', 'id: DVO-AFVAL-2026-01');
  assert.equal((await designApi('designer', 'POST', '', yaml)).status, 201);

  const page = await designer();
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/services/afvalpas`);
  await page.getByTestId('usm-service-header').waitFor();
  const editor = page.getByTestId('usm-service-editor');
  await editor.fill(yaml.replace('name: Afvalpas aanvragen', 'name: Afvalpas aanvragen of vervangen'));

  // Meanwhile an administrator stores version 2.
  const other = await designApi('admin', 'PUT', '/afvalpas', yaml.replace('name: Afvalpas aanvragen', 'name: Afvalpas (beheer)'));
  assert.equal(other.status, 200, await other.text());

  const deployed = page.waitForResponse((r) => r.request().method() === 'PUT' && !r.url().includes('dryRun'));
  await page.getByTestId('usm-service-deploy').click();
  const answer = await deployed;
  assert.equal(answer.status(), 409);
  assert.match(answer.url(), /expectedVersion=1/);
  assert.match(await page.getByTestId('usm-error').last().innerText(), /is at version 2 .*not 1/s);
  const stored = await (await fetch(`${base}/api/services/afvalpas`, {
    headers: { Authorization: 'Basic ' + Buffer.from('auditor:auditor').toString('base64') },
  })).json();
  assert.equal(stored.version, 2);
  assert.equal(stored.name, 'Afvalpas (beheer)');
});
