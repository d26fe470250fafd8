// A tiny DOM builder. Text always goes in through text nodes (never innerHTML), so server data is escaped.
import { t } from './texts.js';

/**
 * h('a', { href, class: 'x', 'data-testid': 'y', onclick: fn }, 'text', childNode, [more], null)
 * Attribute values null/undefined/false are skipped; true sets an empty attribute; functions under
 * on* keys become listeners.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'value' && 'value' in el) {
        el.value = String(value);
      } else if (key === 'text') {
        el.textContent = String(value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (typeof child === 'object' && child.nodeType) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** An error message box (data-testid usm-error). */
export function errorBox(message) {
  return h('div', { class: 'usm-error', role: 'alert', 'data-testid': 'usm-error' }, String(message ?? t('error')));
}

/**
 * What a failed request shows: a refusal (403) says the user has no access, rather than an error or an
 * empty list; any other failure its message.
 */
export function failureBox(error) {
  if (error && error.status === 403) {
    return h('div', { class: 'usm-error usm-no-access', role: 'alert', 'data-testid': 'usm-no-access' },
      h('strong', null, t('noAccess.title')), h('p', null, t('noAccess.text')));
  }
  return errorBox(messageOf(error));
}

export function loading(text = t('loading')) {
  return h('div', { class: 'usm-loading', 'data-testid': 'usm-loading' }, text);
}

/** Replaces a section's content, catching errors of the builder so one section never breaks the page. */
export function fill(section, build) {
  try {
    clear(section);
    append(section, [build()]);
  } catch (error) {
    clear(section);
    section.appendChild(errorBox(messageOf(error)));
    logError(error);
  }
}

export function messageOf(error) {
  if (error && typeof error.message === 'string' && error.message) return error.message;
  return String(error ?? t('unknownError'));
}

export function logError(error) {
  try {
    // eslint-disable-next-line no-console
    console.error('[usm plugin]', error);
  } catch {
    // no console
  }
}

/** A <table> with a header row; a header is a text or { text, title } (title: the header's tooltip). */
export function table(testid, headers, rows, attrs = {}) {
  const th = (header) => (header !== null && typeof header === 'object'
    ? h('th', { scope: 'col', title: header.title }, header.text)
    : h('th', { scope: 'col' }, header));
  return h('table', { class: 'usm-table cam-table', 'data-testid': testid, ...attrs },
    h('thead', null, h('tr', null, headers.map(th))),
    h('tbody', null, rows));
}

/** A labelled form field. */
export function field(label, control) {
  return h('label', { class: 'usm-field' }, h('span', { class: 'usm-field-label' }, label), control);
}

export function select(name, options, value, testid) {
  return h('select', { name, class: 'form-control', 'data-testid': testid },
    options.map(([v, text]) => {
      const option = h('option', { value: v }, text);
      if (v === value) option.selected = true;
      return option;
    }));
}

/** On submit, the form's named controls' trimmed values (missing ones as '') to `onSubmit`, without leaving the page. */
export function onFilterSubmit(form, names, onSubmit) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    for (const name of names) {
      const control = form.elements.namedItem(name);
      values[name] = control ? String(control.value ?? '').trim() : '';
    }
    onSubmit(values);
  });
  return form;
}
