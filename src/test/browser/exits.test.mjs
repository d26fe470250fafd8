// The coordinator ends a process without delivering, on the step's own form in Tasklist (rule E1, DESIGN §12;
// book l.2556–2560: exceptions belong inside the workflow): C3 rejects the change, R4 finds no fix needed, I4
// accepts the risk, O3 finds the request cannot be done, A5 reaches no agreement. Each exit asks its reason,
// is a DECISION on the trail, is the call's outcome, and goes on to the process's review or evaluate step;
// the auditor reads it on the call's page in Cockpit. BrowserTest passes USM_EXITS: step=trackingNumber,...
// for a verhuizing call waiting at each of these steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sessions, api, shot, tasklist, type, base } from './support.mjs';

const waiting = Object.fromEntries((process.env.USM_EXITS ?? '').split(',').map((pair) => pair.split('=')));

/** Each exit as the coordinator takes it on the form, with the step the call goes on to. */
const EXITS = [
  { step: 'C3_PlanAndAgree', choice: 'Nee – wijs de wijziging af', reason: 'Waarom wordt de wijziging afgewezen?',
    text: 'De verhuisdatum staat al in het formulier', outcome: 'the change is rejected', next: 'C9_EvaluateAndClose',
    screenshot: 'task-c3-reject' },
  { step: 'R4_PrepareRecovery', choice: 'Geen – geen herstel nodig', reason: 'Waarom is geen herstel nodig?',
    text: 'De tweede bevestiging was een herinnering, zo bedoeld', outcome: 'no fix was needed',
    next: 'R6_ReviewDelivery', screenshot: 'task-r4-no-fix' },
  { step: 'I4_SelectMeasure', choice: 'Geen – het risico accepteren', reason: 'Waarom wordt het risico geaccepteerd?',
    text: 'Twee gevallen per jaar; de BAG-koppeling lost het in het voorjaar op', outcome: 'the risk is accepted',
    next: 'I6_ReviewDelivery', screenshot: 'task-i4-accept-risk' },
  { step: 'O3_PlanActivities', choice: 'Nee – niet uitvoerbaar', reason: 'Waarom kan het niet worden uitgevoerd?',
    text: 'Het adres staat nog niet in de BAG', outcome: 'the request cannot be done', next: 'O5_ReviewDelivery',
    screenshot: 'task-o3-not-feasible' },
  { step: 'A5_Negotiate', choice: 'Nee – geen overeenstemming: teams geïnformeerd, reserveringen vrijgegeven, A8 evalueert',
    reason: null, outcome: 'no agreement was reached', next: 'A8_EvaluateAndClose', screenshot: 'task-a5-no-agreement' },
];

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

function call(trackingNumber) {
  return api('auditor', `/calls/${trackingNumber}`);
}

/**
 * Clicks Complete with the reason left empty: the form asks for it and sends nothing. Then the coordinator
 * gives it, as a person would, on the same form.
 */
async function refusedWithoutReason(page) {
  let sent = false;
  const watch = (request) => { sent ||= request.url().includes('/submit-form'); };
  page.on('request', watch);
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.getByText('Field is required.').first().waitFor();
  await page.waitForTimeout(500);
  page.off('request', watch);
  assert.equal(sent, false, 'nothing was sent');
  await shot(page, 'task-c3-reason-required');
  // Tasklist's notice of the refused completion lies over the Complete button: the coordinator closes it.
  await page.locator('.alert', { hasText: 'An error happened while submitting the task form' })
    .getByRole('button', { name: '×' }).click();
}

for (const exit of EXITS) {
  test(`${exit.step.substring(0, 2)}: ${exit.outcome}, recorded with its reason and evaluated`, async () => {
    const trackingNumber = waiting[exit.step];
    await steps.completes('coordinator', trackingNumber, exit.step, async (page) => {
      if (exit.reason) {
        assert.equal(await page.getByLabel(exit.reason).count(), 0, 'the reason is asked only when the exit is chosen');
      }
      await page.getByText(exit.choice).click();
      if (exit === EXITS[0]) {
        await refusedWithoutReason(page);
      }
      if (exit.reason) {
        await type(page, exit.reason, exit.text);
      }
    }, exit.screenshot);

    const after = await call(trackingNumber);
    assert.deepEqual(after.openSteps.map((s) => s.step), [exit.next]);
    assert.equal(after.status, 'in progress', 'nothing is fulfilled');
    assert.ok(after.outcome.startsWith(`not realised: ${exit.outcome}`), after.outcome);
    if (exit.reason) {
      assert.ok(after.outcome.includes(exit.text), `the outcome says why: ${after.outcome}`);
    }
    const trail = await api('auditor', `/calls/${trackingNumber}/audit`);
    const decisions = trail.filter((e) => e.kind === 'DECISION' && e.ruleId === 'E1');
    assert.deepEqual(decisions.map((e) => `${e.step} by ${e.userId}`), [`${exit.step} by coordinator`]);
  });
}

test('the auditor reads the exit taken and why on the call\'s page in Cockpit', async () => {
  const rejected = waiting.C3_PlanAndAgree;
  const page = await session('auditor', 'cockpit');
  await page.goto(`${base}/camunda/app/cockpit/default/#/usm/calls/${rejected}`);
  const outcome = page.getByTestId('usm-call-outcome');
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /^not realised: the change is rejected.*De verhuisdatum staat al in het formulier/);
  const decision = page.locator('[data-testid="usm-trail-row"][data-kind="DECISION"]', { hasText: 'E1' });
  await decision.first().waitFor();
  assert.match(await decision.first().innerText(), /C3_PlanAndAgree/);
  await shot(page, 'auditor-call-exit');
});
