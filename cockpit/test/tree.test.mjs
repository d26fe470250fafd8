import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTree, diagramMarks, diagramActivityId, initialInstanceId, trailKinds, filterTrail, AUDIT_KINDS } from '../src/util/tree.js';

const i = (id, parent = null, extra = {}) => ({ processInstanceId: id, superProcessInstanceId: parent, ...extra });

test('buildTree orders depth-first with depths, siblings in server order', () => {
  const nodes = buildTree([i('root'), i('b', 'root'), i('a', 'root'), i('b1', 'b'), i('a1', 'a'), i('a1x', 'a1')]);
  assert.deepEqual(nodes.map((n) => [n.instance.processInstanceId, n.depth, n.parentId]), [
    ['root', 0, null], ['b', 1, 'root'], ['b1', 2, 'b'], ['a', 1, 'root'], ['a1', 2, 'a'], ['a1x', 3, 'a1'],
  ]);
});

test('buildTree: children listed before their parent still nest; unknown parents make roots', () => {
  const nodes = buildTree([i('child', 'root'), i('root'), i('orphan', 'gone')]);
  assert.deepEqual(nodes.map((n) => [n.instance.processInstanceId, n.depth]), [['root', 0], ['child', 1], ['orphan', 0]]);
});

test('buildTree survives cycles, duplicates and junk', () => {
  const nodes = buildTree([i('x', 'y'), i('y', 'x'), i('x'), null, {}, i('self', 'self')]);
  const ids = nodes.map((n) => n.instance.processInstanceId);
  assert.deepEqual([...ids].sort(), ['self', 'x', 'y']);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(buildTree(null), []);
  assert.deepEqual(buildTree('nope'), []);
});

test('diagramMarks: counts > 0, multi-instance bodies fall back to the activity, active ids', () => {
  const marks = diagramMarks(
    { R3_Analyze: 2, R1_AcceptIncident: 1, Zero: 0, Bad: 'x', 'Fork#multiInstanceBody': 1, 'Both#multiInstanceBody': 1, Both: 3 },
    ['R4_PrepareRecovery', 'Fork#multiInstanceBody'],
  );
  assert.deepEqual([...marks.counts.entries()].sort(), [['Both', 3], ['Fork', 1], ['R1_AcceptIncident', 1], ['R3_Analyze', 2]]);
  assert.deepEqual([...marks.active].sort(), ['Fork', 'R4_PrepareRecovery']);
  const empty = diagramMarks(null, null);
  assert.equal(empty.counts.size, 0);
  assert.equal(empty.active.size, 0);
  assert.equal(diagramActivityId('A#multiInstanceBody'), 'A');
});

test('initialInstanceId picks the wanted instance or the root', () => {
  const nodes = buildTree([i('root'), i('c', 'root')]);
  assert.equal(initialInstanceId(nodes, 'c'), 'c');
  assert.equal(initialInstanceId(nodes, 'missing'), 'root');
  assert.equal(initialInstanceId([], null), null);
});

test('trail kinds and filter', () => {
  const entries = [{ kind: 'REGISTERED' }, { kind: 'STEP_COMPLETED' }, { kind: 'NEW_KIND' }, { kind: 'STEP_COMPLETED' }];
  assert.deepEqual(trailKinds(entries), [...AUDIT_KINDS, 'NEW_KIND']);
  assert.equal(filterTrail(entries, '').length, 4);
  assert.equal(filterTrail(entries, 'STEP_COMPLETED').length, 2);
  assert.deepEqual(filterTrail(null, 'X'), []);
});
