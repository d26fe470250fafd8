import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseRoute, parseQuery, buildQuery, callsHash, callHash, chainHash, pickFilters, pageNumber, webappLocation, apiUrls,
  callsUrl, callUrl, kpisUrl, pageRange, CALL_FILTERS, CHAIN_FILTERS, serviceHash, servicesUrl, serviceUrl, workflowUrl,
  previewUrl, NEW_SERVICE, instanceOfHash,
} from '../src/util/route.js';

test('parseRoute reads the three USM routes and their queries', () => {
  assert.deepEqual(parseRoute('#/usm/calls'), { view: 'calls', trackingNumber: null, query: {} });
  assert.deepEqual(parseRoute('#/usm/calls?status=closed&page=1'),
    { view: 'calls', trackingNumber: null, query: { status: 'closed', page: '1' } });
  assert.deepEqual(parseRoute('#/usm/calls/INC-2026-000042'),
    { view: 'call', trackingNumber: 'INC-2026-000042', query: {} });
  assert.deepEqual(parseRoute('#/usm/calls/RFC%2F1%20x/'), { view: 'call', trackingNumber: 'RFC/1 x', query: {} });
  assert.deepEqual(parseRoute('#/usm/chain?from=2026-11-02&to=2026-12-02'),
    { view: 'chain', trackingNumber: null, query: { from: '2026-11-02', to: '2026-12-02' } });
  assert.equal(parseRoute('#!/usm/chain').view, 'chain');
  assert.equal(parseRoute('/usm/calls').view, 'calls');
});

test('parseRoute gives view null for anything else', () => {
  for (const hash of ['', '#', '#/', '#/processes', '#/usm', '#/usm/other', '#/usm/calls/a/b', null, undefined]) {
    assert.equal(parseRoute(hash).view, null, String(hash));
  }
});

test('parseQuery decodes %20 and + as spaces, keeps the first of repeated keys, survives bad escapes', () => {
  assert.deepEqual(parseQuery('status=in%20progress&requester=a+b&x=1&x=2&bad=%E0%A4%A&flag'),
    { status: 'in progress', requester: 'a b', x: '1', bad: '%E0%A4%A', flag: '' });
});

test('callsHash keeps non-empty filters in a fixed order, page only when > 0, and round-trips', () => {
  assert.equal(callsHash({}, 0), '#/usm/calls');
  const filters = { status: 'in progress', type: 'incident', requester: ' ', trackingNumber: 'INC-1' };
  const hash = callsHash(filters, 2);
  assert.equal(hash, '#/usm/calls?trackingNumber=INC-1&type=incident&status=in%20progress&page=2');
  const route = parseRoute(hash);
  assert.equal(route.view, 'calls');
  assert.deepEqual(pickFilters(route.query, CALL_FILTERS), {
    trackingNumber: 'INC-1', serviceId: '', type: 'incident', pattern: '', status: 'in progress', requester: '',
    registeredFrom: '', registeredTo: '',
  });
  assert.equal(pageNumber(route.query.page), 2);
});

test('pageNumber accepts only non-negative integers', () => {
  assert.equal(pageNumber('3'), 3);
  assert.equal(pageNumber('0'), 0);
  for (const bad of ['-1', 'x', '1.5', '', undefined, null, '2abc']) assert.equal(pageNumber(bad), 0, String(bad));
});

test('callHash and chainHash encode their parts', () => {
  assert.equal(callHash('INC-2026-000042'), '#/usm/calls/INC-2026-000042');
  assert.equal(callHash('a/b c'), '#/usm/calls/a%2Fb%20c');
  assert.equal(chainHash({}), '#/usm/chain');
  assert.equal(chainHash({ to: '2026-12-02', pattern: 'WF3', serviceId: 'verhuizing' }),
    '#/usm/chain?serviceId=verhuizing&pattern=WF3&to=2026-12-02');
  assert.deepEqual(pickFilters(parseRoute(chainHash({ from: '2026-11-02' })).query, CHAIN_FILTERS),
    { serviceId: '', pattern: '', from: '2026-11-02', to: '' });
});

test('buildQuery skips empty values and trims', () => {
  assert.equal(buildQuery({ a: ' x ', b: '', c: null, d: 0 }, ['a', 'b', 'c', 'd', 'e']), 'a=x&d=0');
});

test('webappLocation takes root and engine from the page path, with defaults', () => {
  assert.deepEqual(webappLocation('/camunda/app/cockpit/default/'), { root: '/camunda', engine: 'default' });
  assert.deepEqual(webappLocation('/camunda/app/cockpit/other/'), { root: '/camunda', engine: 'other' });
  assert.deepEqual(webappLocation('/ops/camunda/app/cockpit/e1'), { root: '/ops/camunda', engine: 'e1' });
  assert.deepEqual(webappLocation('/app/cockpit/default/'), { root: '', engine: 'default' });
  assert.deepEqual(webappLocation('/somewhere/else'), { root: '/camunda', engine: 'default' });
  assert.deepEqual(webappLocation(undefined), { root: '/camunda', engine: 'default' });
});

test('apiUrls builds the plugin and engine API bases', () => {
  assert.deepEqual(apiUrls('/camunda/app/cockpit/default/'), {
    engine: 'default',
    usm: '/camunda/api/cockpit/plugin/usm/default',
    engineApi: '/camunda/api/engine/engine/default',
  });
});

test('backend URLs', () => {
  const base = '/camunda/api/cockpit/plugin/usm/default';
  assert.equal(callsUrl(base, { status: 'in progress', pattern: 'WF3' }, 1),
    `${base}/calls?pattern=WF3&status=in%20progress&page=1&size=25`);
  assert.equal(callsUrl(base, {}, 0, 10), `${base}/calls?page=0&size=10`);
  assert.equal(callUrl(base, 'INC-1'), `${base}/calls/INC-1`);
  assert.equal(callUrl(base, 'INC-1', '/audit?format=csv'), `${base}/calls/INC-1/audit?format=csv`);
  assert.equal(kpisUrl(base, {}), `${base}/kpis`);
  assert.equal(kpisUrl(base, { from: '2026-11-02', serviceId: 'verhuizing' }), `${base}/kpis?serviceId=verhuizing&from=2026-11-02`);
});

test('pageRange shows "x–y of total"', () => {
  assert.equal(pageRange(0, 25, 25, 123), '1–25 of 123');
  assert.equal(pageRange(4, 25, 23, 123), '101–123 of 123');
  assert.equal(pageRange(0, 25, 0, 0), '0 of 0');
  assert.equal(pageRange(9, 25, 0, 123), '0 of 123');
});

test('parseRoute reads the Services routes: the list, one service, the new-service editor', () => {
  assert.deepEqual(parseRoute('#/usm/services'), { view: 'services', trackingNumber: null, query: {} });
  assert.deepEqual(parseRoute('#/usm/services/'), { view: 'services', trackingNumber: null, query: {} });
  assert.deepEqual(parseRoute('#/usm/services/verhuizing'),
    { view: 'service', trackingNumber: null, serviceId: 'verhuizing', query: {} });
  assert.deepEqual(parseRoute('#!/usm/services/wmo-voorziening?x=1'),
    { view: 'service', trackingNumber: null, serviceId: 'wmo-voorziening', query: { x: '1' } });
  assert.deepEqual(parseRoute('#/usm/services/a%2Fb'), { view: 'service', trackingNumber: null, serviceId: 'a/b', query: {} });
  assert.deepEqual(parseRoute('#/usm/services/new'), { view: 'service-new', trackingNumber: null, query: {} });
  assert.equal(NEW_SERVICE, 'new');
  for (const hash of ['#/usm/services/x/y', '#/usm/service', '#/usm/services/new/1']) {
    assert.equal(parseRoute(hash).view, null, hash);
  }
});

test('serviceHash round-trips through parseRoute; null gives the new-service editor', () => {
  assert.equal(serviceHash('verhuizing'), '#/usm/services/verhuizing');
  assert.equal(serviceHash('a b/c'), '#/usm/services/a%20b%2Fc');
  assert.equal(parseRoute(serviceHash('a b/c')).serviceId, 'a b/c');
  assert.equal(serviceHash(null), '#/usm/services/new');
  assert.equal(serviceHash(''), '#/usm/services/new');
  assert.equal(parseRoute(serviceHash(null)).view, 'service-new');
});

test('the designer endpoints under BASE/services', () => {
  const base = '/camunda/api/cockpit/plugin/usm/default';
  assert.equal(servicesUrl(base), `${base}/services`);
  assert.equal(servicesUrl(base, { dryRun: true }), `${base}/services?dryRun=true`);
  assert.equal(serviceUrl(base, 'verhuizing'), `${base}/services/verhuizing`);
  assert.equal(serviceUrl(base, 'verhuizing', '', { dryRun: true }), `${base}/services/verhuizing?dryRun=true`);
  assert.equal(serviceUrl(base, 'verhuizing', '/definition'), `${base}/services/verhuizing/definition`);
  assert.equal(serviceUrl(base, 'verhuizing', '', { expectedVersion: 3 }), `${base}/services/verhuizing?expectedVersion=3`);
  assert.equal(serviceUrl(base, 'verhuizing', '', { dryRun: true, expectedVersion: 3 }),
    `${base}/services/verhuizing?dryRun=true&expectedVersion=3`);
  assert.equal(serviceUrl(base, 'verhuizing', '', { expectedVersion: undefined }), `${base}/services/verhuizing`);
  assert.equal(serviceUrl(base, 'a/b'), `${base}/services/a%2Fb`);
  assert.equal(workflowUrl(base, 'verhuizing', 3), `${base}/services/verhuizing/workflows/3`);
  assert.equal(previewUrl(base, 8), `${base}/services/preview/8`);
});

test('instanceOfHash reads the instance of Cockpit\'s own instance page, where Tasklist links tasks', () => {
  assert.equal(instanceOfHash('#/process-instance/abc-123'), 'abc-123');
  assert.equal(instanceOfHash('#/process-instance/abc-123/runtime?rootElement=x'), 'abc-123');
  assert.equal(instanceOfHash('#!/process-instance/a%2Fb'), 'a/b');
  assert.equal(instanceOfHash('#/usm/calls/INC-2026-000001'), null);
  assert.equal(instanceOfHash('#/process-definition/x'), null);
  assert.equal(instanceOfHash(undefined), null);
});
