import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isoDurationText, handlingTimeRows, handlingTimesText, serviceLinks, isLinkOutcome, isLocalCall, callLinks, linkLabel,
  deliveryFacts, offersSendAgain, retriedText, LINK_OUTCOMES,
} from '../src/util/links.js';
import { DASH } from '../src/util/format.js';

test('isoDurationText reads the handling times of a definition', () => {
  assert.equal(isoDurationText('PT8H'), '8 h');
  assert.equal(isoDurationText('P1D'), '1 d');
  assert.equal(isoDurationText('P5D'), '5 d');
  assert.equal(isoDurationText('PT30M'), '30 min');
  assert.equal(isoDurationText('P1DT2H30M'), '1 d 2 h 30 min');
  assert.equal(isoDurationText('P1DT0H'), '1 d');
  assert.equal(isoDurationText('PT0S'), '0 s');
  assert.equal(isoDurationText('pt4h'), '4 h');
  for (const odd of ['P', 'PT', 'P1DT', 'P1W', 'acht uur', '8h']) assert.equal(isoDurationText(odd), odd, odd);
  for (const none of [null, undefined, '', '  ']) assert.equal(isoDurationText(none), DASH);
});

test('handling times per priority, sorted by priority; none as a dash', () => {
  assert.deepEqual(handlingTimeRows({ P3: 'P3D', P1: 'PT8H', P2: 'P1D', P4: 'P5D' }),
    [['P1', '8 h'], ['P2', '1 d'], ['P3', '3 d'], ['P4', '5 d']]);
  assert.equal(handlingTimesText({ P1: 'PT4H', P2: 'PT8H' }), 'P1 4 h · P2 8 h');
  for (const none of [null, undefined, {}, [], 'PT8H']) assert.equal(handlingTimesText(none), DASH);
});

const werkplek = {
  id: 'werkplek',
  links: [{
    id: 'it-leverancier', name: 'IT-leverancier Noord', url: 'http://localhost:8081', service: 'werkplek',
    user: 'middenstad', passwordFrom: 'USM_LINK_IT_LEVERANCIER_PASSWORD', external: true,
    callTypes: ['service-request', 'incident'],
    handlingTimes: {
      incident: { P1: 'PT4H', P2: 'PT8H', P3: 'P2D', P4: 'P5D' },
      'service-request': { P1: 'PT8H', P2: 'P1D', P3: 'P3D', P4: 'P5D' },
    },
  }],
};

test('serviceLinks: an external link with its url, provider service, account and the password variable name', () => {
  assert.deepEqual(serviceLinks(werkplek), [{
    id: 'it-leverancier',
    name: 'IT-leverancier Noord',
    external: true,
    service: 'werkplek',
    url: 'http://localhost:8081',
    user: 'middenstad',
    passwordFrom: 'USM_LINK_IT_LEVERANCIER_PASSWORD',
    callTypes: ['service-request', 'incident'],
    handlingTimes: [
      { type: 'service-request', text: 'P1 8 h · P2 1 d · P3 3 d · P4 5 d' },
      { type: 'incident', text: 'P1 4 h · P2 8 h · P3 2 d · P4 5 d' },
    ],
  }]);
});

test('serviceLinks: an internal link names another service; the kind follows the url, not a flag', () => {
  const [link] = serviceLinks({ links: [{ id: 'afval', name: 'Afvalinzameling', service: 'afvalinzameling',
    external: true, callTypes: ['service-request'], handlingTimes: { 'service-request': { P1: 'PT8H' }, wish: { P1: 'P1D' } } }] });
  assert.equal(link.external, false);
  assert.equal(link.url, '');
  assert.equal(link.service, 'afvalinzameling');
  assert.deepEqual(link.handlingTimes, [{ type: 'service-request', text: 'P1 8 h' }, { type: 'wish', text: 'P1 1 d' }],
    'the link\'s call types first, then any other type with handling times');
});

test('serviceLinks never carries a password, whatever a definition holds', () => {
  const [link] = serviceLinks({ links: [{ ...werkplek.links[0], password: 'geheim-123', secret: 'x', token: 'y' }] });
  assert.ok(!JSON.stringify(link).includes('geheim-123'));
  assert.ok(!JSON.stringify(link).match(/"(password|secret|token)"/));
  assert.equal(link.passwordFrom, 'USM_LINK_IT_LEVERANCIER_PASSWORD', 'the name of the variable is shown');
});

test('serviceLinks of a definition without links, or of anything else, is empty', () => {
  for (const none of [null, undefined, {}, { links: null }, { links: 'x' }, 'text', []]) assert.deepEqual(serviceLinks(none), []);
  assert.deepEqual(serviceLinks({ links: [null, 3, 'x'] }), []);
  const [bare] = serviceLinks({ links: [{}] });
  assert.deepEqual(bare, { id: '', name: '', external: false, service: '', url: '', user: '', passwordFrom: '',
    callTypes: [], handlingTimes: [] });
});

test('a linked call is done for rule L1 once fulfilled, refused or closed', () => {
  assert.deepEqual(LINK_OUTCOMES, ['fulfilled', 'refused', 'closed']);
  for (const done of ['fulfilled', 'refused', 'closed', 'Closed']) assert.equal(isLinkOutcome(done), true, done);
  for (const open of ['requested', 'registered', 'in progress', '', null, undefined]) assert.equal(isLinkOutcome(open), false, open);
});

test('callLinks and linkLabel', () => {
  assert.deepEqual(callLinks({ links: [{ link: 'afval' }, null, 'x'] }), [{ link: 'afval' }]);
  for (const none of [null, undefined, {}, { links: {} }]) assert.deepEqual(callLinks(none), []);
  assert.equal(linkLabel({ link: 'afval', linkName: 'Afvalinzameling' }), 'afval (Afvalinzameling)');
  assert.equal(linkLabel({ link: 'afval', linkName: 'afval' }), 'afval');
  assert.equal(linkLabel({ link: 'afval' }), 'afval');
  assert.equal(linkLabel({ linkName: 'Afvalinzameling' }), 'Afvalinzameling');
  assert.equal(linkLabel(null), DASH);
});

test('isLocalCall: the provider\'s call opens here only when this product registered it (an internal link)', () => {
  const call = { linkedCalls: { from: null, started: ['SRQ-2026-000006', 'RSK-2026-000001'] } };
  assert.equal(isLocalCall(call, 'SRQ-2026-000006'), true);
  assert.equal(isLocalCall(call, 'SRQ-2026-000042'), false, 'a call at another organisation');
  assert.equal(isLocalCall(call, null), false);
  assert.equal(isLocalCall(call, ''), false);
  for (const none of [null, {}, { linkedCalls: null }, { linkedCalls: { started: 'SRQ-2026-000006' } }]) {
    assert.equal(isLocalCall(none, 'SRQ-2026-000006'), false);
  }
});

test('deliveryFacts: pending or failing, attempts, last error, next attempt; none when through', () => {
  assert.deepEqual(deliveryFacts({ state: 'failing', attempts: 6, lastError: 'Connection refused',
    nextAttemptAt: '2026-03-01T10:00:00Z' }),
  { state: 'failing', attempts: '6 attempts', lastError: 'Connection refused', nextAttemptAt: '2026-03-01T10:00:00Z' });
  assert.deepEqual(deliveryFacts({ state: 'pending', attempts: 1 }),
    { state: 'pending', attempts: '1 attempt', lastError: null, nextAttemptAt: null });
  assert.deepEqual(deliveryFacts({ attempts: -1, lastError: '  ' }),
    { state: 'pending', attempts: '0 attempts', lastError: null, nextAttemptAt: null });
  for (const none of [null, undefined, 'pending', 0]) assert.equal(deliveryFacts(none), null);
});

test('"Send again now" is offered to whom the server says may, on a call with links or a reference', () => {
  const admin = { userId: 'admin', sendsLinkDeliveriesAgain: true };
  const auditor = { userId: 'auditor', sendsLinkDeliveriesAgain: false };
  const handing = { links: [{ link: 'afval' }] };
  const handedOver = { links: [], reference: 'SRQ-2026-000001' };
  assert.equal(offersSendAgain(handing, admin), true);
  assert.equal(offersSendAgain(handedOver, admin), true);
  assert.equal(offersSendAgain({ links: [] }, admin), false, 'nothing of this call crosses a boundary');
  assert.equal(offersSendAgain(handing, auditor), false);
  assert.equal(offersSendAgain(handing, null), false, 'not offered when who the user is could not be read');
  assert.equal(offersSendAgain(handing, { sendsLinkDeliveriesAgain: 'true' }), false);
  assert.equal(offersSendAgain(null, admin), false);
});

test('retriedText tells what the retry sent', () => {
  assert.equal(retriedText({ trackingNumber: 'SRQ-1', retried: 0 }),
    'Nothing was waiting to be sent: every delivery of this call is through.');
  assert.equal(retriedText({ retried: 1 }), '1 delivery is being sent again now.');
  assert.equal(retriedText({ retried: 3 }), '3 deliveries are being sent again now.');
  assert.equal(retriedText(null), 'Nothing was waiting to be sent: every delivery of this call is through.');
});
