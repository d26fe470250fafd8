// The service desk page in Tasklist: a panel over Tasklist's columns while the hash carries usm=new|mine, with
// "Register a call" and "My calls". Requests go to the plugin's endpoints with Tasklist's session; every write
// carries the CSRF token.
import { h, clear, errorBox, messageOf, logError } from '../../cockpit/src/dom.js';
import { getJson, send } from '../../cockpit/src/http.js';
import { language, pick } from '../../cockpit/src/util/locale.js';
import { TEXTS } from './texts.js';
import {
  apiBase, pageOf, withPage, typeOptions, requestBody, fieldOf, statusText, whereNow, expectedDate,
  registeredOn, linkedCalls, awaitsVerdict, verdictBody,
} from './desk.js';

/** The fields of the register form that an API refusal may name. */
const FIELDS = ['serviceId', 'type', 'summary', 'requester', 'impact', 'urgency', 'description'];
const LEVELS = ['high', 'medium', 'low'];
/** The class on <body> that hides Tasklist's "Start process" and "Create task" (plugin.css). */
export const PRODUCT_USER_CLASS = 'usm-product-user';

const state = { panel: null, me: null, token: null, lang: language() };

const t = (key) => pick(TEXTS[key], state.lang);
const base = () => apiBase(location.pathname);

/** Who the user is (asked once per page load). */
export function me() {
  if (!state.me) state.me = getJson(`${base()}/me`);
  return state.me;
}

/**
 * Hides "Start process" and "Create task" for the product's users: under the trust rules a call starts only
 * through intake, and a task outside a call leads nowhere. Administrators keep Tasklist as it is.
 */
export function markProductUser() {
  me().then((user) => document.body.classList.toggle(PRODUCT_USER_CLASS, !user.administrator))
    .catch(logError);
}

export function rememberToken(data) {
  if (data?.api?.CSRFToken) state.token = data.api.CSRFToken;
}

/** Shows or hides the panel as the hash asks. */
export function follow() {
  const { page, call } = pageOf(location.hash);
  if (!page) {
    if (state.panel) state.panel.remove();
    state.panel = null;
    return;
  }
  const panel = ensurePanel();
  const content = panel.querySelector('.usm-desk-content');
  for (const tab of panel.querySelectorAll('[data-page]')) tab.classList.toggle('active', tab.dataset.page === page);
  clear(content);
  (page === 'new' ? registerPage : myCallsPage)(content, call).catch((error) => {
    clear(content);
    content.appendChild(errorBox(messageOf(error)));
  });
}

function ensurePanel() {
  if (state.panel && state.panel.isConnected) return state.panel;
  const header = document.querySelector('[cam-widget-header]');
  const top = header ? Math.round(header.getBoundingClientRect().bottom) : 40;
  const tab = (page, key) => h('a', {
    href: withPage(location.hash, page), 'data-page': page, 'data-testid': `usm-desk-tab-${page}`,
    class: 'usm-desk-tab',
  }, t(key));
  state.panel = h('div', { class: 'usm-plugin usm-desk', style: `top:${top}px`, 'data-testid': 'usm-desk' },
    h('div', { class: 'usm-desk-bar' },
      h('strong', null, t('desk')), tab('new', 'newCall'), tab('mine', 'myCalls'),
      h('a', { href: withPage(location.hash, null), class: 'usm-desk-close', 'data-testid': 'usm-desk-close' }, t('close'))),
    h('div', { class: 'usm-desk-content' }));
  document.body.appendChild(state.panel);
  return state.panel;
}

// ---- Register a call ---------------------------------------------------------------------------------------

async function registerPage(content) {
  content.appendChild(h('p', { class: 'usm-loading' }, t('loading')));
  const [user, catalogue] = await Promise.all([me(), getJson(`${base()}/catalogue`)]);
  clear(content);
  const errors = {};
  const errorSlot = (name) => (errors[name] = h('div', { class: 'usm-desk-field-error', 'data-testid': `usm-desk-error-${name}` }));
  const row = (name, label, control, hint) => h('div', { class: 'usm-desk-row', 'data-field': name },
    h('label', { class: 'usm-desk-label', for: `usm-desk-${name}` }, label), control,
    hint ? h('div', { class: 'usm-muted' }, hint) : null, errorSlot(name));

  const service = h('select', { id: 'usm-desk-serviceId', name: 'serviceId', class: 'form-control', 'data-testid': 'usm-desk-service' },
    h('option', { value: '' }, t('chooseService')),
    catalogue.map((entry) => h('option', { value: entry.id }, entry.name)));
  const offers = h('div', { class: 'usm-desk-offers', 'data-testid': 'usm-desk-offers' });
  const types = h('div', { class: 'usm-desk-types', id: 'usm-desk-type', 'data-testid': 'usm-desk-types' });
  const showService = () => {
    const entry = catalogue.find((e) => e.id === service.value);
    clear(offers);
    clear(types);
    if (!entry) return;
    offers.setAttribute('lang', entry.language); // the service's own words, in its language
    offers.appendChild(h('p', null, entry.description ?? ''));
    if (entry.offers?.length) {
      offers.appendChild(h('div', { class: 'usm-muted' }, t('offers')));
      offers.appendChild(h('ul', null, entry.offers.map((offer) => h('li', null, offer))));
    }
    for (const [id, name, explanation] of typeOptions(entry, state.lang)) {
      types.appendChild(h('label', { class: 'usm-desk-type' },
        h('input', { type: 'radio', name: 'type', value: id, 'data-testid': `usm-desk-type-${id}` }),
        h('strong', null, ' ' + name), h('span', { class: 'usm-muted' }, ' — ' + explanation)));
    }
  };
  service.addEventListener('change', showService);

  const summary = h('input', { id: 'usm-desk-summary', name: 'summary', class: 'form-control', maxlength: 500, 'data-testid': 'usm-desk-summary' });
  const description = h('textarea', { id: 'usm-desk-description', name: 'description', class: 'form-control', rows: 3, maxlength: 4000, 'data-testid': 'usm-desk-description' });
  const requester = h('input', {
    id: 'usm-desk-requester', name: 'requester', class: 'form-control', value: user.userId, autocomplete: 'off',
    readonly: !user.registersForOthers, 'data-testid': 'usm-desk-requester',
  });
  const found = h('ul', { class: 'usm-desk-found', 'data-testid': 'usm-desk-requesters' });
  if (user.registersForOthers) searchAsYouType(requester, found);
  const level = (name) => h('select', { id: `usm-desk-${name}`, name, class: 'form-control', 'data-testid': `usm-desk-${name}` },
    LEVELS.map((value) => {
      const option = h('option', { value }, t(value));
      if (value === 'medium') option.selected = true;
      return option;
    }));

  const general = h('div', { 'data-testid': 'usm-desk-form-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'usm-desk-register' }, t('register'));
  const form = h('form', { class: 'usm-desk-form', novalidate: true, 'data-testid': 'usm-desk-form' },
    h('h2', { class: 'usm-title' }, t('newCall')),
    row('serviceId', t('service'), service), offers,
    row('type', t('type'), types),
    row('summary', t('summary'), summary),
    row('description', t('description'), description),
    row('requester', t('requester'), h('div', null, requester, found),
      user.registersForOthers ? t('requesterHint') : t('requesterSelf')),
    h('div', { class: 'usm-desk-levels' }, row('impact', t('impact'), level('impact')), row('urgency', t('urgency'), level('urgency'))),
    general, submit);
  content.appendChild(form);
  // A refusal stays next to its field until the user changes that field.
  form.addEventListener('input', (event) => {
    const row = event.target.closest('.usm-desk-row');
    if (row?.classList.contains('usm-desk-invalid')) {
      row.classList.remove('usm-desk-invalid');
      clear(errors[row.dataset.field]);
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const slot of Object.values(errors)) clear(slot);
    for (const marked of form.querySelectorAll('.usm-desk-invalid')) marked.classList.remove('usm-desk-invalid');
    clear(general);
    const values = Object.fromEntries(FIELDS.map((name) => [name, form.elements.namedItem(name)?.value ?? '']));
    submit.disabled = true;
    submit.textContent = t('registering');
    try {
      const answer = await send(`${base()}/calls`, {
        body: JSON.stringify(requestBody(values)), token: state.token, contentType: 'application/json',
      });
      clear(content);
      content.appendChild(registeredBox(answer));
    } catch (error) {
      const field = fieldOf(error, FIELDS);
      if (field) {
        errors[field].appendChild(h('span', { role: 'alert' }, messageOf(error)));
        errors[field].parentNode.classList.add('usm-desk-invalid');
        general.appendChild(h('p', { class: 'usm-desk-field-error' }, t('fixFields')));
      } else {
        general.appendChild(errorBox(messageOf(error)));
      }
    } finally {
      submit.disabled = false;
      submit.textContent = t('register');
    }
  });
}

function searchAsYouType(input, list) {
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    clear(list);
    if (text.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const users = await getJson(`${base()}/requesters?search=${encodeURIComponent(text)}`);
        clear(list);
        if (!users.length) list.appendChild(h('li', { class: 'usm-muted' }, t('noRequesterFound')));
        for (const user of users) {
          list.appendChild(h('li', null, h('button', {
            type: 'button', class: 'btn btn-link', 'data-testid': `usm-desk-requester-${user.id}`,
            onclick: () => {
              input.value = user.id;
              clear(list);
            },
          }, `${user.name} (${user.id})`)));
        }
      } catch (error) {
        clear(list);
        list.appendChild(h('li', { class: 'usm-desk-field-error' }, messageOf(error)));
      }
    }, 250);
  });
}

function registeredBox(answer) {
  return h('div', { class: 'usm-desk-registered', 'data-testid': 'usm-desk-registered' },
    h('p', null, t('registered'), ' ', h('strong', { 'data-testid': 'usm-desk-tracking-number' }, answer.trackingNumber),
      answer.priority ? ` (${t('priority')} ${answer.priority})` : ''),
    h('p', null,
      h('a', { href: withPage(location.hash, 'mine', answer.trackingNumber), 'data-testid': 'usm-desk-follow' }, t('follow')),
      ' · ',
      h('a', { href: withPage(location.hash, 'new'), onclick: () => setTimeout(follow, 0) }, t('another'))));
}

// ---- My calls ------------------------------------------------------------------------------------------

async function myCallsPage(content, focus) {
  content.appendChild(h('p', { class: 'usm-loading' }, t('loading')));
  const page = await getJson(`${base()}/calls?party=me&size=50`);
  const calls = await Promise.all(page.calls.map((summary) => getJson(`${base()}/calls/${encodeURIComponent(summary.trackingNumber)}`)));
  clear(content);
  content.appendChild(h('h2', { class: 'usm-title' }, t('myCalls')));
  if (!calls.length) {
    content.appendChild(h('p', { 'data-testid': 'usm-desk-no-calls' }, t('noCalls')));
    return;
  }
  for (const call of calls) {
    const card = callCard(call);
    if (call.trackingNumber === focus) {
      card.classList.add('usm-desk-focus');
      setTimeout(() => card.scrollIntoView({ block: 'center' }), 0);
    }
    content.appendChild(card);
  }
}

function callCard(call) {
  const fact = (key, value, testid) => h('div', { class: 'usm-desk-fact' },
    h('span', { class: 'usm-muted' }, t(key)), h('span', { 'data-testid': testid }, value));
  const links = linkedCalls(call);
  return h('section', { class: 'usm-desk-call', 'data-testid': `usm-desk-call-${call.trackingNumber}` },
    h('h3', null, h('span', { class: 'usm-desk-number' }, call.trackingNumber), ' ', call.summary),
    h('div', { class: 'usm-muted' }, call.serviceName),
    h('div', { class: 'usm-desk-facts' },
      fact('status', statusText(call.status, state.lang), 'usm-desk-status'),
      fact('whereNow', whereNow(call, state.lang), 'usm-desk-where'),
      fact('expected', expectedDate(call, state.lang), 'usm-desk-expected'),
      fact('registeredOn', registeredOn(call, state.lang), 'usm-desk-registered-on'),
      links.length ? fact('linked', links.map((link, i) => [i ? ', ' : '', `${t(link.relation)} `,
        h('a', { href: withPage(location.hash, 'mine', link.trackingNumber) }, link.trackingNumber)]), 'usm-desk-linked') : null),
    awaitsVerdict(call) ? verdictForm(call) : null);
}

function verdictForm(call) {
  const comment = h('textarea', { class: 'form-control', rows: 2, name: 'comment', 'data-testid': 'usm-desk-verdict-comment' });
  const message = h('div', { 'data-testid': 'usm-desk-verdict-message' });
  const answer = async (accepted) => {
    clear(message);
    const body = verdictBody(accepted, comment.value);
    if (!body) {
      message.appendChild(h('span', { class: 'usm-desk-field-error', role: 'alert' }, t('commentNeeded')));
      return;
    }
    try {
      await send(`${base()}/calls/${encodeURIComponent(call.trackingNumber)}/confirmation`, {
        body: JSON.stringify(body), token: state.token, contentType: 'application/json',
      });
      clear(form);
      form.appendChild(h('p', { 'data-testid': 'usm-desk-verdict-sent' }, t('verdictSent')));
    } catch (error) {
      message.appendChild(errorBox(messageOf(error)));
    }
  };
  const form = h('div', { class: 'usm-desk-verdict', 'data-testid': 'usm-desk-verdict' },
    h('strong', null, t('verdictTitle')),
    h('label', { class: 'usm-desk-label' }, t('comment'), comment),
    h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'usm-desk-accept', onclick: () => answer(true) }, t('accept')),
    ' ',
    h('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'usm-desk-reject', onclick: () => answer(false) }, t('reject')),
    message);
  return form;
}

