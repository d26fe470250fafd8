// Requests to the backend with the Cockpit session. The Calls, Chain and tab pages only GET (but for an
// administrator's "Send again now" on a call's page); the Services page also POSTs, PUTs and DELETEs, always
// with the CSRF token (send()).
import { t } from './texts.js';

export class HttpError extends Error {
  constructor(message, status, field, violations) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.field = field ?? null;
    this.violations = Array.isArray(violations) ? violations : [];
  }
}

/** GETs JSON; a 4xx/5xx answer becomes an HttpError carrying the server's `error` text. */
export async function getJson(url, { signal } = {}) {
  let response;
  try {
    response = await fetch(url, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new HttpError(t('http.network', error && error.message ? error.message : error), 0);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = errorText(body, response);
    throw new HttpError(message, response.status, body && typeof body === 'object' ? body.field : null);
  }
  if (body === undefined) {
    throw new HttpError(t('http.notJson', url), response.status);
  }
  return body;
}

/** GETs a text (a YAML definition, BPMN XML); a 4xx/5xx answer becomes an HttpError as for getJson. */
export async function getText(url, { signal, accept = 'text/plain, */*' } = {}) {
  return request(url, { method: 'GET', accept, signal });
}

/**
 * POST, PUT or DELETE with the CSRF token (header X-XSRF-TOKEN): the body is sent as `contentType`
 * (YAML by default). Resolves to the answer's body, parsed when it is JSON, else its text. A 4xx/5xx answer
 * becomes an HttpError with the server's `error`, `field` and `violations`. Without a token nothing is sent
 * (Camunda's CSRF filter would refuse the request and end the session).
 */
export async function send(url, { method = 'POST', body, token, contentType = 'application/yaml',
  accept = 'application/json', signal } = {}) {
  if (!token) {
    throw new HttpError(t('http.noToken'), 0);
  }
  return request(url, { method, body, token, contentType, accept, signal });
}

async function request(url, { method, body, token, contentType, accept, signal }) {
  const headers = { Accept: accept };
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (body !== undefined && contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(url, {
      method, credentials: 'same-origin', headers, body: body === undefined ? undefined : body, signal,
    });
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new HttpError(t('http.network', error && error.message ? error.message : error), 0);
  }
  const text = await response.text();
  const type = String(response.headers.get('Content-Type') ?? '');
  let parsed;
  if (/json/i.test(type) || (!response.ok && /^\s*[{[]/.test(text))) {
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const json = parsed && typeof parsed === 'object' ? parsed : null;
    let message = errorText(json, response);
    if (!json && response.status === 403 && /required/i.test(String(response.headers.get('X-XSRF-TOKEN') ?? ''))) {
      message = t('http.badToken');
    }
    const violations = json && Array.isArray(json.violations) ? json.violations : [];
    throw new HttpError(message, response.status, json ? json.field : null, violations);
  }
  if (parsed !== undefined) return parsed;
  return text;
}

function errorText(body, response) {
  if (body && typeof body === 'object') {
    const text = body.error || body.message;
    if (text) return String(text);
  }
  if (response.status === 401 || response.status === 403) {
    return t('http.notAllowed', response.status);
  }
  return t('http.failed', `${response.status}${response.statusText ? ' ' + response.statusText : ''}`);
}
