// GET requests to the backend with the Cockpit session (the plugin never changes anything: GET only).

export class HttpError extends Error {
  constructor(message, status, field) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.field = field ?? null;
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
    throw new HttpError(`Network error: ${error && error.message ? error.message : error}`, 0);
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
    throw new HttpError(`Unexpected answer from ${url} (not JSON; is the session still valid?)`, response.status);
  }
  return body;
}

function errorText(body, response) {
  if (body && typeof body === 'object') {
    const text = body.error || body.message;
    if (text) return String(text);
  }
  if (response.status === 401 || response.status === 403) {
    return `Not allowed (HTTP ${response.status}): log in again or ask for access.`;
  }
  return `Request failed: HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`;
}
