import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  formatViolation, violationsOf, cookieValue, csrfToken, replaceTopLevel, topLevelValue, newServiceTemplate, SKELETON,
  deployedText, stateOf, WORKFLOW_NUMBERS, NEW_SERVICE_ID, NEW_SERVICE_NAME,
} from '../src/util/services.js';

const verhuizing = readFileSync(new URL('../../src/main/resources/services/verhuizing.yaml', import.meta.url), 'utf8');

test('formatViolation gives "field: error", or the error alone without a field', () => {
  assert.equal(formatViolation({ field: 'roles.agree.operators[0]', error: 'is required' }), 'roles.agree.operators[0]: is required');
  assert.equal(formatViolation({ field: '', error: 'is empty' }), 'is empty');
  assert.equal(formatViolation({ field: null, error: 'x' }), 'x');
  assert.equal(formatViolation({ field: 'id' }), 'id: is not valid');
  assert.equal(formatViolation(null), 'is not valid');
});

test('violationsOf reads the violations of a dry run, a 400 body or an HttpError', () => {
  assert.deepEqual(violationsOf({ valid: true, violations: [] }), []);
  assert.deepEqual(violationsOf({ valid: false, violations: [{ field: 'sla.rfc.P2', error: 'must not be shorter' }, null] }),
    [{ field: 'sla.rfc.P2', error: 'must not be shorter' }]);
  assert.deepEqual(violationsOf({ error: 'x', field: 'id' }), []);
  assert.deepEqual(violationsOf({ violations: ['plain'] }), [{ field: '', error: 'plain' }]);
  assert.deepEqual(violationsOf({ violations: [{ field: 'n', rule: 'r' }] }), [{ field: 'n', error: 'r' }]);
  for (const bad of [null, undefined, 'text', 42, { violations: 'no' }]) assert.deepEqual(violationsOf(bad), []);
});

test('cookieValue and csrfToken: the plugin API token first, else the XSRF-TOKEN cookie, else null', () => {
  const cookies = 'JSESSIONID=abc; XSRF-TOKEN=9F2A%2B1; other=1';
  assert.equal(cookieValue(cookies, 'XSRF-TOKEN'), '9F2A+1');
  assert.equal(cookieValue(cookies, 'missing'), null);
  assert.equal(cookieValue('', 'XSRF-TOKEN'), null);
  assert.equal(cookieValue('X-XSRF-TOKEN=no; XSRF-TOKEN=yes', 'XSRF-TOKEN'), 'yes');
  assert.equal(csrfToken({ CSRFToken: 'FROM-API' }, cookies), 'FROM-API');
  assert.equal(csrfToken({ CSRFToken: '' }, cookies), '9F2A+1');
  assert.equal(csrfToken({}, cookies), '9F2A+1');
  assert.equal(csrfToken(undefined, cookies), '9F2A+1');
  assert.equal(csrfToken({}, 'JSESSIONID=abc'), null);
  assert.equal(csrfToken(null, undefined), null);
});

test('replaceTopLevel replaces a key with its block value, and adds a missing key after the leading comments', () => {
  const yaml = '# head\nid: old\ndescription: >-\n  line one\n\n  line two\nowner: X\n  nested: keep?\nname: n\n';
  assert.equal(replaceTopLevel(yaml, 'id', 'new'), '# head\nid: new\ndescription: >-\n  line one\n\n  line two\nowner: X\n  nested: keep?\nname: n\n');
  assert.equal(replaceTopLevel(yaml, 'description', 'short'), '# head\nid: old\ndescription: short\nowner: X\n  nested: keep?\nname: n\n');
  assert.equal(replaceTopLevel('# c\n\nowner: x\n', 'id', 'a'), '# c\n\nid: a\nowner: x\n');
  // an indented key of the same name is not top-level
  assert.equal(replaceTopLevel('agreement:\n  id: A-1\nid: s\n', 'id', 't'), 'agreement:\n  id: A-1\nid: t\n');
});

test('topLevelValue reads a scalar, without quotes and trailing comments', () => {
  assert.equal(topLevelValue(verhuizing, 'id'), 'verhuizing');
  assert.equal(topLevelValue("name: 'Q x' # c\n", 'name'), 'Q x');
  assert.equal(topLevelValue('agreement:\n  id: A\n', 'id'), null);
});

test('newServiceTemplate copies an existing definition with the new id and name and instructions on top', () => {
  const template = newServiceTemplate(verhuizing);
  assert.equal(topLevelValue(template, 'id'), NEW_SERVICE_ID);
  assert.equal(topLevelValue(template, 'name'), NEW_SERVICE_NAME);
  assert.match(template, /^# A new service\./);
  assert.match(template, /# Copied from the definition of 'verhuizing'\./);
  assert.doesNotMatch(template, /Middenstad: a resident moves/, 'the old leading comment is gone');
  assert.doesNotMatch(template, /Inwoners geven een verhuizing/, 'the old description is gone');
  assert.equal((template.match(/^id:/gm) ?? []).length, 1);
  assert.equal((template.match(/^name:/gm) ?? []).length, 1);
  // everything else stays: roles, sla, agreement, the comments inside
  assert.match(template, /^roles:\n {2}agree:\n {4}coordinators: publieksdiensten-coordinatoren/m);
  assert.match(template, /^# Handling times from registration/m);
  assert.match(template, /^ {2}id: DVO-PD-2026-01$/m);
  assert.ok(template.endsWith('\n'));
});

test('newServiceTemplate falls back to the skeleton without a usable definition', () => {
  for (const bad of [null, undefined, '', 'not: a service', '{"id":"x"}']) assert.equal(newServiceTemplate(bad), SKELETON, String(bad));
  assert.equal(topLevelValue(SKELETON, 'id'), 'nieuwe-dienst');
  assert.equal(topLevelValue(SKELETON, 'name'), 'Nieuwe dienst');
  for (const key of ['owner', 'customers', 'facility', 'support', 'roles', 'sla', 'components', 'agreement']) {
    assert.match(SKELETON, new RegExp(`^${key}:`, 'm'), key);
  }
  for (const process of ['agree', 'change', 'recover', 'operate', 'improve']) assert.match(SKELETON, new RegExp(`^ {2}${process}:`, 'm'));
  assert.match(SKELETON, /^# /m);
  assert.doesNotMatch(SKELETON, /\t/, 'YAML takes no tabs');
});

test('deployedText, stateOf and the eight workflows', () => {
  assert.equal(deployedText({ id: 'x', version: 3, state: 'active' }), 'Deployed version 3');
  assert.equal(deployedText({ id: 'x', version: '1' }), 'Deployed version 1');
  assert.equal(deployedText({}), 'Deployed');
  assert.equal(deployedText(null), 'Deployed');
  assert.equal(stateOf({ state: 'RETIRED' }), 'retired');
  assert.equal(stateOf({ state: 'active' }), 'active');
  assert.deepEqual(WORKFLOW_NUMBERS, [1, 2, 3, 4, 5, 6, 7, 8]);
});
