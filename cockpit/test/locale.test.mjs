import { test } from 'node:test';
import assert from 'node:assert/strict';
import { language, pick, dateTime, dateOnly, number, priorityOfTask } from '../src/util/locale.js';

test('Dutch where the browser asks for Dutch first among the languages the product speaks', () => {
  assert.equal(language(['nl-NL', 'en']), 'nl');
  assert.equal(language(['nl-BE']), 'nl');
  assert.equal(language(['de-DE', 'nl']), 'nl');
  assert.equal(language(['en-US', 'nl']), 'en');
  assert.equal(language(['fr']), 'en');
  assert.equal(language([]), 'en');
});

test('a text pair in the page language, English where Dutch is missing', () => {
  assert.equal(pick({ nl: 'Meldingen', en: 'Calls' }, 'nl'), 'Meldingen');
  assert.equal(pick({ en: 'Calls' }, 'nl'), 'Calls');
});

test('dates and numbers in the format of the language', () => {
  const iso = '2026-12-05T09:30:00Z';
  const tz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz === 'UTC' || tz === 'Etc/UTC') {
    assert.equal(dateTime(iso, 'nl'), '5 dec 2026, 09:30');
    assert.equal(dateTime(iso, 'en'), '5 Dec 2026, 09:30');
  }
  assert.match(dateOnly(iso, 'nl'), /^[45] dec 2026$/);
  assert.equal(dateTime(null, 'nl'), null);
  assert.equal(number(1234.5, 'nl'), '1.234,5');
  assert.equal(number(1234.5, 'en'), '1,234.5');
});

test('task priorities as the call priorities P1 to P4', () => {
  assert.deepEqual([100, 75, 50, 25].map(priorityOfTask), ['P1', 'P2', 'P3', 'P4']);
  assert.equal(priorityOfTask(60), '60');
});
