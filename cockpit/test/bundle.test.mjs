// The committed bundle loads without a DOM (nothing runs at import time) and keeps the plugin contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const file = new URL('../../src/main/resources/plugin-webapp/usm/app/plugin.js', import.meta.url);

test('plugin.js is one self-contained ES module exporting the USM plugins', async () => {
  const code = readFileSync(file, 'utf8');
  assert.doesNotMatch(code, /^\s*import\s*["'{*\w]/m, 'no static import left in the bundle');
  assert.doesNotMatch(code, /\bimport\(/, 'no dynamic import left in the bundle');
  assert.doesNotMatch(code, /https?:\/\/(cdn|unpkg|fonts\.)/i, 'nothing loaded from the net');
  const { default: plugins } = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  assert.ok(Array.isArray(plugins));
  const summary = plugins.map((p) => [p.id, p.pluginPoint, p.properties?.path ?? p.properties?.label]);
  assert.deepEqual(summary, [
    ['usm.navigation.calls', 'cockpit.navigation', '/usm/calls'],
    ['usm.navigation.chain', 'cockpit.navigation', '/usm/chain'],
    ['usm.navigation.report', 'cockpit.navigation', '/usm/report'],
    ['usm.navigation.services', 'cockpit.navigation', '/usm/services'],
    ['usm.route.calls', 'cockpit.route', '/usm/calls'],
    ['usm.route.call', 'cockpit.route', '/usm/calls/:trackingNumber'],
    ['usm.route.chain', 'cockpit.route', '/usm/chain'],
    ['usm.route.report', 'cockpit.route', '/usm/report'],
    ['usm.route.services', 'cockpit.route', '/usm/services'],
    ['usm.route.service', 'cockpit.route', '/usm/services/:serviceId'],
    ['usm.processInstance.tab', 'cockpit.processInstance.runtime.tab', 'USM call'],
  ]);
  for (const p of plugins) {
    assert.equal(typeof p.render, 'function', p.id);
    assert.equal(typeof p.priority, 'number', p.id);
  }
  // header entries: Cockpit shows priority >= 0 in the header, negative ones under "More"
  assert.ok(plugins.filter((p) => p.pluginPoint === 'cockpit.navigation').every((p) => p.priority >= 0));
});

test('a render that fails shows a message instead of throwing', async () => {
  const code = readFileSync(file, 'utf8');
  const { default: plugins } = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  const appended = [];
  const node = { appendChild: (child) => appended.push(child) };
  // no DOM in node: every render must swallow the error
  for (const p of plugins) assert.doesNotThrow(() => p.render(node, { api: {}, processInstanceId: 'x' }), p.id);
  for (const p of plugins) if (p.unmount) assert.doesNotThrow(() => p.unmount(), p.id);
});
