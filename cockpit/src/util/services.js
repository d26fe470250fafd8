// The Services page's pure functions: violations, the CSRF token, the new service's template, labels.
// No DOM, no globals.
import { t } from '../texts.js';

/** The eight workflow patterns a service gets, by number. */
export const WORKFLOW_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Id and name the template of a new service carries, to be replaced by the designer. */
export const NEW_SERVICE_ID = 'nieuwe-dienst';
export const NEW_SERVICE_NAME = 'Nieuwe dienst';

function text(value) {
  return value === null || value === undefined ? '' : String(value);
}

/** A violation `{ field, error }` as a line: `field: error` (only the error when there is no field). */
export function formatViolation(violation) {
  const field = text(violation?.field).trim();
  const error = text(violation?.error ?? violation?.rule ?? violation?.message).trim() || t('services.notValid');
  return field ? `${field}: ${error}` : error;
}

/** The violations of an answer (`{ violations: [{ field, error }] }`) as `{ field, error }` with strings; [] if none. */
export function violationsOf(body) {
  const list = body && typeof body === 'object' && Array.isArray(body.violations) ? body.violations : [];
  return list.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === 'object'
    ? { field: text(v.field), error: text(v.error ?? v.rule ?? v.message) }
    : { field: '', error: text(v) }));
}

/** The value of a cookie in a `document.cookie` string, or null. */
export function cookieValue(cookies, name) {
  for (const part of text(cookies).split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The CSRF token for POST, PUT and DELETE: the `CSRFToken` Cockpit gives its plugins, else the `XSRF-TOKEN`
 * cookie Camunda's CSRF filter sets; null when there is none (then nothing is sent: a request without the
 * token would end the session).
 */
export function csrfToken(api, cookies) {
  const given = api && typeof api === 'object' ? api.CSRFToken : null;
  if (typeof given === 'string' && given.trim()) return given.trim();
  const cookie = cookieValue(cookies, 'XSRF-TOKEN');
  return cookie && cookie.trim() ? cookie.trim() : null;
}

/**
 * Replaces the value of a top-level key of a YAML text (a line `key: ...` at column 0, with the indented lines
 * of a block value after it); adds `key: value` after the first leading comments when the key is missing.
 */
export function replaceTopLevel(yaml, key, value) {
  const lines = text(yaml).replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  const replacement = `${key}: ${value}`;
  if (start < 0) {
    let at = 0;
    while (at < lines.length && (lines[at].startsWith('#') || lines[at].trim() === '')) at++;
    lines.splice(at, 0, replacement);
    return lines.join('\n');
  }
  let end = start + 1;
  // the block's own lines: indented ones (blank lines inside count only when indented lines follow)
  for (let i = start + 1; i < lines.length; i++) {
    if (/^[ \t]/.test(lines[i]) && lines[i].trim() !== '') end = i + 1;
    else if (lines[i].trim() !== '') break;
  }
  lines.splice(start, end - start, replacement);
  return lines.join('\n');
}

/** The value of a top-level scalar key (`id: verhuizing` → 'verhuizing'), or null. */
export function topLevelValue(yaml, key) {
  const match = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(text(yaml));
  if (!match) return null;
  const value = match[1].replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
  return value || null;
}

const TEMPLATE_HEADER = [
  '# A new service. Replace at least id (lower case, digits and dashes; it becomes part of the process keys',
  '# usm-wf1-<id> … usm-wf8-<id>) and name, then owner and roles (a user or group, and groups, that exist in',
  '# Admin), customers, facility, support, sla, components and agreement. "Check" validates the text (it also',
  '# runs as you type), "Preview" shows the eight workflows it would get, "Deploy" creates version 1.',
];

/**
 * The template of a new service from an existing service's definition: its leading comments replaced by
 * instructions, id and name by `nieuwe-dienst` / `Nieuwe dienst`, the description emptied. Without a usable
 * definition: the static skeleton.
 */
export function newServiceTemplate(definition) {
  const source = text(definition).replace(/\r\n/g, '\n');
  if (!/^id:/m.test(source) || !/^roles:/m.test(source)) return SKELETON;
  const from = topLevelValue(source, 'id');
  const lines = source.split('\n');
  let at = 0;
  while (at < lines.length && (lines[at].startsWith('#') || lines[at].trim() === '')) at++;
  let result = lines.slice(at).join('\n');
  result = replaceTopLevel(result, 'id', NEW_SERVICE_ID);
  result = replaceTopLevel(result, 'name', NEW_SERVICE_NAME);
  if (/^description:/m.test(result)) {
    result = replaceTopLevel(result, 'description', '>-\n  Wat de dienst de klanten levert, en hoe.');
  }
  const header = [...TEMPLATE_HEADER, ...(from ? [`# Copied from the definition of '${from}'.`] : [])];
  return `${header.join('\n')}\n${result.endsWith('\n') ? result : result + '\n'}`;
}

/** A commented definition of a new service with every required part; groups must exist in Admin. */
export const SKELETON = `${TEMPLATE_HEADER.join('\n')}
id: ${NEW_SERVICE_ID}
name: ${NEW_SERVICE_NAME}
description: >-
  Wat de dienst de klanten levert, en hoe.
# One owner of the whole chain: the person or team who steers on it and reads its calls and figures, a
# user or group that exists in Admin (not a department head).
owner: ketenregie-dienst
# Who the service is for: at least one customer group.
customers:
  - Inwoners
# What the service makes available: at least one good or action.
facility:
  goods:
    - Wat de klant krijgt
  actions:
    - Wat de organisatie voor de klant doet
support:
  channels: [website, telefoon]
  hours: "ma-vr 08:30-17:00"
# For each of the five USM processes: one coordinators group and at least one operators group (never the
# coordinators group). The groups must exist in Admin.
roles:
  agree:
    coordinators: dienst-coordinatoren
    operators: [dienst-uitvoerders]
  change:
    coordinators: dienst-coordinatoren
    operators: [dienst-uitvoerders]
  recover:
    coordinators: dienst-coordinatoren
    operators: [dienst-uitvoerders]
  operate:
    coordinators: dienst-coordinatoren
    operators: [dienst-uitvoerders]
  improve:
    coordinators: dienst-coordinatoren
    operators: [dienst-uitvoerders]
# Handling times from registration to closure per call type and priority (ISO-8601 durations); a lower
# priority never gets a shorter time than the one before it.
sla:
  wish:            {P1: P10D, P2: P20D, P3: P30D, P4: P60D}
  rfc:             {P1: P2D, P2: P5D, P3: P10D, P4: P20D}
  incident:        {P1: PT4H, P2: PT8H, P3: P2D, P4: P5D}
  service-request: {P1: P1D, P2: P2D, P3: P5D, P4: P8D}
  risk:            {P1: P5D, P2: P10D, P3: P20D, P4: P40D}
# The managed infrastructure components the service starts with (ids unique within the service).
components:
  - {id: eerste-component, name: Eerste component, type: application}
# The service agreement in force.
agreement:
  id: DVO-NIEUW-2026-01
  title: Dienstverleningsovereenkomst Nieuwe dienst
  validFrom: 2026-01-01
# Optional local practice: narrow who works a user task step to some of its role's groups.
# steps:
#   C5_TestAndRelease: [dienst-uitvoerders]
`;

/** The note after a deployment: `Deployed version N` (N from the answer `{ id, version }`). */
export function deployedText(stored) {
  const version = stored && Number.isFinite(Number(stored.version)) && stored.version !== null ? Number(stored.version) : null;
  return version === null ? t('services.deployed') : t('services.deployedVersion', version);
}

/** 'retired' or 'active' (any other state as given, lower case). */
export function stateOf(service) {
  return text(service?.state).toLowerCase() || 'active';
}
