import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeCss } from '../css-scope.mjs';

test('scopeCss prefixes every selector of every rule and drops comments', () => {
  const css = '/* c */ .a, .b > .c { color: red; }\n[data-x="a,b"] .d:not(.e, .f) { content: url(\'data:x;{}\'); }';
  assert.equal(scopeCss(css, '.s', 't'),
    '.s .a,\n.s .b > .c { color: red; }\n.s [data-x="a,b"] .d:not(.e, .f) { content: url(\'data:x;{}\'); }\n');
});

test('scopeCss refuses at-rules and broken input', () => {
  assert.throws(() => scopeCss('@media print { .a { color: red } }', '.s', 't'), /at-rule/);
  assert.throws(() => scopeCss('.a { color: red', '.s', 't'), /unclosed/);
});
