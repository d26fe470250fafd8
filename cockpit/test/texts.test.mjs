import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEXTS, t, callStatus, callType, linkStatus, serviceState, trailKind } from '../src/texts.js';
import { CALL_STATUSES, CALL_TYPES } from '../src/pages/calls.js';
import { LINK_OUTCOMES, handlingTimesText } from '../src/util/links.js';
import { AUDIT_KINDS } from '../src/util/tree.js';

const SRC = new URL('../src/', import.meta.url).pathname;

/** Texts that are the same word in both languages. */
const SAME_IN_BOTH = new Set(['callType.incident', 'field.status', 'field.sla', 'call.open', 'call.diagramFailed',
  'duration.minutes', 'unit.symbol.minutes', 'unit.symbol.days', 'unit.symbol.seconds', 'report.week', 'report.csv', 'report.team', 'report.teams',
  'services.id', 'services.url', 'services.account', 'services.workflow', 'services.workflows', 'report.trend.week',
  'report.trendPer']);

/** In the browser's language: `navigator.languages` as a Dutch or an English browser gives it. */
function inBrowserOf(languages, run) {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: { languages }, configurable: true });
  try {
    return run();
  } finally {
    if (before) Object.defineProperty(globalThis, 'navigator', before);
    else delete globalThis.navigator;
  }
}

function sources(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? sources(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []));
}

/** The string literals of a script (quoted strings and the fixed parts of template literals), comments skipped. */
export function literals(code) {
  const found = [];
  let i = 0;
  const quoted = (quote) => {
    let text = '';
    for (i++; i < code.length && code[i] !== quote; i++) {
      if (code[i] === '\\') i++;
      text += code[i];
    }
    i++;
    return text;
  };
  const template = () => {
    let text = '';
    for (i++; i < code.length && code[i] !== '`'; i++) {
      if (code[i] === '\\') {
        i++;
        text += code[i];
      } else if (code[i] === '$' && code[i + 1] === '{') {
        found.push(text);
        text = '';
        let depth = 1;
        for (i += 2; i < code.length && depth > 0; i++) {
          if (code[i] === '{') depth++;
          else if (code[i] === '}') depth--;
          else if (code[i] === "'" || code[i] === '"') {
            found.push(quoted(code[i]));
            i--;
          }
        }
        i--;
      } else {
        text += code[i];
      }
    }
    i++;
    found.push(text);
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) === -1 ? code.length : code.indexOf('\n', i);
    else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i) + 2;
    else if (c === "'" || c === '"') found.push(quoted(c));
    else if (c === '`') template();
    else i++;
  }
  return found.filter((text) => text !== '');
}

/** Literals with words that are no text: a name, a header. */
const NOT_WORDS = new Set(['Cockpit ↗', 'Content-Type', 'Accept']);

/**
 * A literal a user would read: it has a word ("Search", "open steps.") and is not a list of CSS classes or ids
 * ("btn btn-default", "usm-empty"); identifiers ("trackingNumber", "GET"), paths and media types have no words.
 */
function wordLike(text) {
  if (text in TEXTS || NOT_WORDS.has(text) || /^[a-z-]+:$/.test(text)) return false; // a key, a name, a CSS property
  if (Object.keys(TEXTS).some((key) => key.startsWith(text) && text.endsWith('.'))) return false; // a key's prefix
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.every((token) => /^[a-z0-9_-]+$/.test(token))) return false;
  return tokens.some((token) => /^[A-Z]?[a-z]{2,}[.,:;!?…]?$/.test(token));
}

test('every text has a Dutch and an English version, and they differ but for words both languages share', () => {
  for (const [key, texts] of Object.entries(TEXTS)) {
    assert.deepEqual(Object.keys(texts).sort(), ['en', 'nl'], key);
    assert.ok(typeof texts.nl === 'string' && texts.nl.trim(), `${key} has Dutch`);
    assert.ok(typeof texts.en === 'string' && texts.en.trim(), `${key} has English`);
    if (!SAME_IN_BOTH.has(key) && !key.startsWith('linkStatus.') && !key.startsWith('callStatus.')) {
      assert.notEqual(texts.nl, texts.en, `${key} is translated`);
    }
    const placeholders = (text) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(texts.nl), placeholders(texts.en), `${key}: the same placeholders`);
  }
  for (const key of SAME_IN_BOTH) assert.equal(TEXTS[key].nl, TEXTS[key].en, `${key} is on the allow-list for a reason`);
});

test('every key the sources ask for exists, and every key is used', () => {
  const code = sources().filter((file) => !file.endsWith('texts.js')).map((file) => readFileSync(file, 'utf8')).join('\n');
  const asked = [...code.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1]);
  const prefixes = [...code.matchAll(/\bt\(`([^`$]+)\$\{/g)].map((m) => m[1]);
  for (const key of asked) assert.ok(key in TEXTS, `t('${key}') has a text`);
  for (const prefix of prefixes) {
    assert.ok(Object.keys(TEXTS).some((key) => key.startsWith(prefix)), `t(\`${prefix}…\`) has texts`);
  }
  const keyed = new Set(literals(code));
  const words = ['callType.', 'callStatus.', 'linkStatus.', 'delivery.', 'serviceState.', 'instanceState.', 'trailKind.'];
  for (const key of Object.keys(TEXTS)) {
    const used = keyed.has(key) || prefixes.some((p) => key.startsWith(p)) || words.some((p) => key.startsWith(p));
    assert.ok(used, `${key} is used`);
  }
});

test('the pages hold no text of their own: every word a user reads comes from the texts', () => {
  const files = sources().filter((file) => !/[/\\](texts|util[/\\]\w+)\.js$/.test(file) && !file.includes(`${SRC}util`));
  const stray = files.flatMap((file) => literals(readFileSync(file, 'utf8')).filter(wordLike)
    .map((text) => `${file.slice(SRC.length)}: ${JSON.stringify(text)}`));
  assert.deepEqual(stray, []);
});

test('the scan finds words in literals, and not ids, keys or CSS classes', () => {
  const found = literals("h('p', { class: 'usm-muted x' }, 'No open steps.'); // 'Not this'\nt(`a ${'Some text'} b`)")
    .filter(wordLike);
  assert.deepEqual(found, ['No open steps.', 'Some text']);
});

test('statuses, link statuses and call types in words, in Dutch in a Dutch browser', () => {
  inBrowserOf(['nl-NL', 'nl'], () => {
    assert.equal(callStatus('in progress'), 'in behandeling');
    assert.equal(callStatus('closed'), 'afgerond');
    assert.equal(callType('service-request'), 'serviceverzoek');
    assert.equal(callType('rfc'), 'wijziging');
    assert.equal(linkStatus('refused'), 'geweigerd');
    assert.equal(serviceState('retired'), 'buiten gebruik');
    assert.equal(trailKind('STEP_COMPLETED'), 'stap afgerond');
    assert.equal(handlingTimesText({ P1: 'PT8H', P2: 'P1DT2H' }), 'P1 8 u · P2 1 d 2 u');
    assert.equal(t('noAccess.title'), 'Geen toegang');
    assert.equal(t('call.allKinds', 7), 'alle soorten (7)');
  });
  inBrowserOf(['en-US'], () => {
    assert.equal(callStatus('in progress'), 'in progress');
    assert.equal(callType('service-request'), 'service request');
    assert.equal(t('noAccess.title'), 'No access');
  });
  assert.equal(callStatus('unheard-of'), 'unheard-of', 'a status without words is shown as given');
  assert.equal(callStatus(null), null);
  assert.throws(() => t('no.such.key'), /no text 'no.such.key'/);
});

test('every status, call type and trail kind the pages offer has its words', () => {
  for (const status of CALL_STATUSES) assert.ok(`callStatus.${status}` in TEXTS, status);
  for (const type of CALL_TYPES) assert.ok(`callType.${type}` in TEXTS, type);
  for (const status of LINK_OUTCOMES) assert.ok(`linkStatus.${status}` in TEXTS, status);
  for (const kind of AUDIT_KINDS) assert.ok(`trailKind.${kind}` in TEXTS, kind);
});
