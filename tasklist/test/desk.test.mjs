import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiBase, pageOf, withPage, typeOptions, requestBody, fieldOf, statusText, whereNow, expectedDate, linkedCalls,
  awaitsVerdict, verdictBody, stepName,
} from '../src/desk.js';
import { CALL_TYPES, STATUSES, TEXTS } from '../src/texts.js';

test('the endpoints of the engine the Tasklist page runs on', () => {
  assert.equal(apiBase('/camunda/app/tasklist/default/'), '/camunda/api/tasklist/plugin/usm/default');
  assert.equal(apiBase('/ctx/camunda/app/tasklist/other/#/'), '/ctx/camunda/api/tasklist/plugin/usm/other');
});

test('the page follows the hash and keeps Tasklist\'s own parameters', () => {
  assert.deepEqual(pageOf('#/?filter=abc&usm=new'), { page: 'new', call: null });
  assert.deepEqual(pageOf('#/?usm=mine&call=INC-2026-000042'), { page: 'mine', call: 'INC-2026-000042' });
  assert.deepEqual(pageOf('#/?usm=elsewhere'), { page: null, call: null });
  assert.deepEqual(pageOf('#/?task=1'), { page: null, call: null });
  assert.equal(withPage('#/?filter=abc&task=1', 'new'), '#/?filter=abc&task=1&usm=new');
  assert.equal(withPage('#/?filter=abc&usm=new', 'mine', 'SRQ-2026-000007'), '#/?filter=abc&usm=mine&call=SRQ-2026-000007');
  assert.equal(withPage('#/?filter=abc&usm=mine&call=X', null), '#/?filter=abc');
  assert.equal(withPage('', 'new'), '#/?usm=new');
});

test('each call type the service takes, with its name and a one-line explanation in the page language', () => {
  const entry = { callTypes: ['incident', 'rfc', 'unknown'] };
  assert.deepEqual(typeOptions(entry, 'nl').map(([id, name]) => [id, name]), [['incident', 'Incident'], ['rfc', 'Wijziging']]);
  assert.equal(typeOptions(entry, 'en')[1][1], 'Request for change');
  for (const [id, texts] of Object.entries(CALL_TYPES)) {
    assert.equal(texts.nl.length, 2, id);
    assert.equal(texts.en.length, 2, id);
  }
});

test('every text is declared in Dutch and English', () => {
  for (const [key, pair] of Object.entries({ ...TEXTS, ...STATUSES })) {
    assert.ok(pair.nl && pair.en, key);
  }
});

test('the request leaves blank optional fields out, so the API\'s defaults and rules apply', () => {
  assert.deepEqual(requestBody({ serviceId: 'verhuizing', type: 'incident', summary: ' Adres ', requester: 'inwoner-4711',
    impact: 'high', urgency: 'medium', description: '  ' }),
  { serviceId: 'verhuizing', type: 'incident', summary: 'Adres', requester: 'inwoner-4711', impact: 'high', urgency: 'medium' });
});

test('a refusal is shown next to the field it names', () => {
  assert.equal(fieldOf({ field: 'requester' }, ['summary', 'requester']), 'requester');
  assert.equal(fieldOf({ field: 'body' }, ['summary', 'requester']), null);
  assert.equal(fieldOf(null, ['summary']), null);
});

test('a call in its requester\'s words: status, the open step\'s name, the expected date, linked calls', () => {
  const call = {
    status: 'in progress', slaDueDate: '2026-12-09T15:00:00Z',
    openSteps: [{ step: 'R3_Analyze', name: 'Analyseren' }, { step: 'R3_Analyze', name: 'Analyseren' }],
    linkedCalls: { from: 'RSK-2026-000001', started: ['RFC-2026-000003'] },
  };
  assert.equal(statusText('in progress', 'nl'), 'In behandeling');
  assert.equal(statusText('closed', 'en'), 'Completed');
  assert.equal(whereNow(call, 'nl'), 'Analyseren');
  assert.doesNotMatch(whereNow(call, 'nl'), /R3_/);
  assert.equal(whereNow({ status: 'in progress', openSteps: [] }, 'nl'), 'bij het behandelteam');
  assert.equal(whereNow({ openSteps: [{ step: 'R1_AcceptIncident', name: 'R1 Accept incident · INC-2026-000001 · Verhuizing doorgeven' }] }, 'en'),
    'Accept incident');
  assert.equal(stepName('Analyseren'), 'Analyseren');
  assert.match(expectedDate(call, 'nl'), /^9 dec 2026$/);
  assert.match(expectedDate(call, 'en'), /^9 Dec 2026$/);
  assert.deepEqual(linkedCalls(call), [{ relation: 'from', trackingNumber: 'RSK-2026-000001' },
    { relation: 'started', trackingNumber: 'RFC-2026-000003' }]);
});

test('the verdict is asked once the review step is open; a rejection needs a comment', () => {
  assert.equal(awaitsVerdict({ openSteps: [{ step: 'R6_ReviewDelivery' }] }), true);
  assert.equal(awaitsVerdict({ openSteps: [{ step: 'R3_Analyze' }] }), false);
  assert.deepEqual(verdictBody(true, ''), { accepted: true, comment: '' });
  assert.equal(verdictBody(false, '  '), null);
  assert.deepEqual(verdictBody(false, 'Adres klopt nog niet'), { accepted: false, comment: 'Adres klopt nog niet' });
});
