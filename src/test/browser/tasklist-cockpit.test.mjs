// Browser tests in real Chromium (Debian), driven by playwright-core: the coordinator and the operator
// work a WF4 incident for verhuizing through the Tasklist forms, a separation-of-duties refusal is said at
// claim time, and the auditor traces the call in Cockpit and cannot change it. Run by BrowserTest (JUnit),
// which starts the product and passes USM_BASE_URL and the tracking numbers; screenshots go to
// USM_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { base, launch, sessions, rest, api, shot, tasklist, type } from './support.mjs';

const incident = process.env.USM_INCIDENT;
const ownRfc = process.env.USM_OWN_RFC;
const wrongType = process.env.USM_WRONG_TYPE;
const steered = process.env.USM_STEERED;
const RECLASSIFY = 'Als verkeerd type geregistreerd? Herclassificeren als';

let browser;
let session;
let work;
let completes;

before(async () => {
  browser = await launch();
  session = sessions(browser);
  ({ work, completes } = tasklist(session));
});

after(async () => {
  await browser?.close();
});

function call(trackingNumber) {
  return api('coordinator', `/calls/${trackingNumber}`);
}

test('coordinator and operator work a WF4 incident through the Tasklist forms to closed', async () => {
  const coordinator = await session('coordinator', 'tasklist');
  await coordinator.getByText('Taken van mijn groepen').first().click();
  await coordinator.getByText(`R1 Aannemen incident · ${incident} · Verhuizing doorgeven`).first().waitFor();
  await shot(coordinator, 'tasklist-my-group');

  await completes('coordinator', incident, 'R1_AcceptIncident', async (page) => {
    await page.getByText(incident).first().waitFor();
  }, 'task-r1-accept');
  await completes('operator', incident, 'R3_Analyze', async (page) => {
    await type(page, 'Analyse', 'Adreswijziging wel in de BRP, bevestigingsbrief niet verstuurd.');
  }, 'task-r3-analyze');
  await completes('coordinator', incident, 'R4_PrepareRecovery', async (page) => {
    await page.getByText('Uitvoeren – geen beheerde component verandert (serviceverzoek)').click();
    await type(page, 'Serviceverzoek voor Uitvoeren', 'Bevestigingsbrief opnieuw versturen.');
  }, 'task-r4-prepare-recovery');
  await completes('coordinator', incident, 'O1_AcceptServiceRequest', async (page) => {
    await page.getByText('Bevestigingsbrief opnieuw versturen.').first().waitFor();
    assert.equal(await page.getByText(RECLASSIFY).count(), 0,
      'a process a fork started accepts work handed over: it does not offer to reclassify the call');
  }, 'task-o1-handed-over');
  await completes('coordinator', incident, 'O3_PlanActivities');
  await completes('operator', incident, 'O4_ExecuteActivities', async (page) => {
    await type(page, 'Resultaat', 'Brief verstuurd op 29 november.');
  }, 'task-o4-execute');
  await completes('coordinator', incident, 'O5_ReviewDelivery', async (page) => {
    await page.getByText('Ja – geaccepteerd').click();
  });
  await completes('coordinator', incident, 'O6_EvaluateAndClose');
  await completes('coordinator', incident, 'R6_ReviewDelivery', async (page) => {
    await page.getByText('Ja – geaccepteerd').click();
  }, 'task-r6-review');
  await completes('coordinator', incident, 'R7_EvaluateAndClose', async (page) => {
    await type(page, 'Verbeterpunten', 'Bevestigingsbrief wordt niet automatisch verstuurd na een adreswijziging');
  }, 'task-r7-evaluate');

  const closed = await call(incident);
  assert.equal(closed.status, 'closed');
  assert.equal(closed.linkedCalls.started.length, 1, 'the finding started a risk');
});

test('a coordinator reclassifies a call registered as the wrong type at its accept step', async () => {
  await completes('coordinator', wrongType, 'O1_AcceptServiceRequest', async (page) => {
    const reason = 'Waarom is het een melding van dat type?';
    assert.equal(await page.getByText(reason).count(), 0, 'the reason is asked only when reclassifying');
    await page.locator('.fjs-form-field-select', { hasText: RECLASSIFY }).locator('.fjs-input-group').click();
    await page.locator('.fjs-dropdownlist-item', { hasText: 'Incident –' }).click();
    await type(page, reason, 'Geen verzoek: het adres is verwerkt, maar Mijn Gemeente toont het niet');
  }, 'task-o1-reclassify');
  const old = await call(wrongType);
  assert.equal(old.status, 'reclassified');
  assert.match(old.reclassifiedAs, /^INC-/);
  assert.deepEqual(old.openSteps.map((s) => s.step), ['O6_EvaluateAndClose']);
  const replacement = await call(old.reclassifiedAs);
  assert.equal(replacement.linkedCalls.from, wrongType);
  assert.deepEqual(replacement.openSteps.map((s) => s.step), ['R1_AcceptIncident']);
});

test('the coordinator of Operate reassigns an operator\'s step in Tasklist, only to a member of its group', async () => {
  const page = await session('coordinator', 'tasklist');
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.getByText('Stappen van behandelaars die ik aanstuur').first().click();
  const item = page.getByText(`O4 Uitvoeren werkzaamheden · ${steered} · Verhuizing doorgeven`).first();
  await item.waitFor();
  await item.click();
  await page.locator('.fjs-form').waitFor();
  await shot(page, 'coordinator-steering-filter');

  async function assign(user) {
    await page.locator('[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]').click();
    const input = page.locator('[cam-tasklist-task-meta] .assignee input').first();
    // One input event: confirming makes Tasklist look the user up (the coordinator reads users to steer) and
    // then apply it, with no lookup of a half-typed name still running.
    await input.fill(user);
    const answered = page.waitForResponse((r) => r.url().includes('/assignee') && r.request().method() === 'POST');
    await page.locator('button:has(.glyphicon-ok):visible').first().click();
    return answered;
  }
  const refused = await assign('auditor');
  assert.equal(refused.status(), 403, 'the auditor is no member of the step\'s group');
  await page.getByText(/Rule SOD-HOLD: O4_ExecuteActivities goes only to a member of its groups/).first().waitFor();
  await shot(page, 'coordinator-steering-refused');
  assert.equal((await call(steered)).openSteps[0].assignee, 'operator');

  await page.reload();
  await page.locator('.fjs-form').waitFor();
  const done = await assign('tester');
  assert.equal(done.status(), 204);
  const [open] = (await call(steered)).openSteps;
  assert.equal(open.assignee, 'tester');
  assert.deepEqual(open.groups, ['publieksdiensten-burgerzaken']);
  const trail = await api('auditor', `/calls/${steered}/audit`);
  assert.deepEqual(trail.filter((e) => e.kind === 'ASSIGNMENT').map((e) => `${e.userId}: ${e.message}`),
    ['coordinator: reassigned O4_ExecuteActivities from operator to tester']);
  assert.equal(await page.getByRole('button', { name: 'Complete' }).isVisible() ? 'visible' : 'hidden', 'visible',
    'Tasklist shows the form; the engine refuses the coordinator\'s completion (SteeringApiTest)');
  await shot(page, 'coordinator-steering-assigned');

  // Tasklist's link next to the process name leads to Cockpit's instance page, which is not the coordinator's
  // to open: the plugin takes them to the call instead.
  const link = await page.locator('a.instance-link').first().getAttribute('href');
  assert.match(link, /\/app\/cockpit\/default\/#\/process-instance\//);
  const cockpit = await session('coordinator', 'cockpit');
  await cockpit.goto(link.startsWith('http') ? link : `${base}${link.startsWith('/') ? '' : '/camunda/app/tasklist/default/'}${link}`);
  await cockpit.waitForURL(new RegExp(`#/usm/calls/${steered}$`), { timeout: 30000 });
  await cockpit.getByText('Verhuizing naar de Beukenlaan 9').first().waitFor();
  await shot(cockpit, 'coordinator-instance-link-to-call');
  // Back to the coordinator's own work, where the next test picks up this session.
  await page.getByText('Taken van mijn groepen').first().click();
});

test('a separation-of-duties refusal is said when the requester claims the step, which stays free', async () => {
  const page = await session('coordinator', 'tasklist');
  const [task] = await rest('coordinator', `/task?processInstanceBusinessKey=${ownRfc}&taskDefinitionKey=C3_PlanAndAgree`);
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${task.id}`);
  await page.locator('.fjs-form').waitFor();
  const claimed = page.waitForResponse((r) => r.url().includes(`/task/${task.id}/claim`));
  await page.locator('button.claim').click();
  assert.equal((await claimed).status(), 403, 'the requester may not take up the plan of their own change');
  // The rule in the book's words, the step by code and name (not its id), in the service's language (Dutch).
  await page.getByText(/Regel SOD-3: Functiescheiding: 'coordinator' is de aanvrager van deze melding en mag daarom C3 .* niet oppakken of afronden: niemand mag zijn eigen uitzonderingen legitimeren/).first().waitFor();
  assert.equal(await page.getByText('C3_PlanAndAgree').count(), 0);
  await shot(page, 'refusal-sod-3');
  const [open] = (await call(ownRfc)).openSteps;
  assert.equal(open.step, 'C3_PlanAndAgree');
  assert.equal(open.assignee ?? null, null, 'the step stays free for another coordinator');
});

test('the auditor traces the call in Cockpit and cannot change it', async () => {
  const page = await session('auditor', 'cockpit');
  const [root] = await rest('auditor', `/process-instance?businessKey=${ownRfc}&processDefinitionKey=usm-wf2-verhuizing`);
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${root.id}/runtime`);
  await page.getByText(ownRfc).first().waitFor();
  await page.locator('.djs-container').waitFor();
  await shot(page, 'cockpit-workflow');

  await page.getByText('Called Process Instances').click();
  const called = page.locator('table').last();
  await called.getByText('Change').first().waitFor();
  assert.match(await called.innerText(), new RegExp(ownRfc));
  await shot(page, 'cockpit-called-instances');

  await page.locator('a[uib-tooltip="Delete running process instance"]').click();
  const refused = page.waitForResponse((r) => r.request().method() === 'DELETE');
  await page.locator('.modal-dialog').getByRole('button', { name: /Delete/ }).last().click();
  assert.equal((await refused).status(), 403, 'the auditor may not delete the call');
  await page.getByText(/The user with id 'auditor' does not have one of the following permissions/).waitFor();
  await shot(page, 'cockpit-auditor-refused');
  const still = await rest('auditor', `/process-instance?businessKey=${ownRfc}&processDefinitionKey=usm-wf2-verhuizing`);
  assert.equal(still.length, 1, 'the call is still running');
});
