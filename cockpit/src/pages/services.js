// The Services pages for process designers: the list of services, one service (header, its links, version
// history, the eight workflows of its current version, the editor of its definition) and the editor of a new service.
// The editor checks the text as it is typed (a dry run, debounced) and on "Check", previews the eight
// workflows the text would get, and deploys it (a new service or a new version); a service can be retired.
// Every POST, PUT and DELETE carries the CSRF token (http.js send()).
import { h, clear, fill, errorBox, failureBox, loading, table, messageOf, logError } from '../dom.js';
import { getJson, getText, send } from '../http.js';
import {
  parseRoute, serviceHash, servicesUrl, serviceUrl, workflowUrl, previewUrl,
} from '../util/route.js';
import { formatDateTime, DASH } from '../util/format.js';
import {
  WORKFLOW_NUMBERS, formatViolation, violationsOf, csrfToken, newServiceTemplate, deployedText, stateOf,
} from '../util/services.js';
import { serviceLinks } from '../util/links.js';
import { createDiagram } from '../diagram.js';
import { t, serviceState, callType } from '../texts.js';

/** How long the editor waits after the last keystroke before it checks the text. */
export const CHECK_DELAY_MS = 600;

// A message to show on the next service page drawn (after a new service is deployed, the page changes).
let flash = null;

function stateBadge(state, testid) {
  const s = String(state ?? '').toLowerCase();
  return h('span', { class: `usm-service-state usm-service-state-${s.replace(/[^a-z]+/g, '-') || 'unknown'}`, 'data-testid': testid },
    serviceState(state) ?? DASH);
}

// ---- the list ------------------------------------------------------------------------------------------------

const LIST_COLUMNS = ['services.id', 'services.name', 'services.version', 'services.state', 'services.changedAt',
  'services.changedBy'];

export function renderServicesTable(services) {
  const list = Array.isArray(services) ? services.filter((s) => s && typeof s === 'object') : [];
  const rows = list.map((s) => h('tr', { 'data-testid': 'usm-services-row', 'data-service-id': s.id ?? '', 'data-state': s.state ?? '' },
    h('td', null, h('a', { href: serviceHash(s.id ?? ''), class: 'usm-service-link' }, s.id ?? DASH)),
    h('td', null, h('a', { href: serviceHash(s.id ?? '') }, s.name || DASH)),
    h('td', { class: 'usm-num' }, s.version ?? DASH),
    h('td', null, stateBadge(s.state)),
    h('td', { class: 'usm-nowrap' }, formatDateTime(s.changedAt)),
    h('td', null, s.changedBy ?? DASH)));
  return h('div', null,
    table('usm-services-table', LIST_COLUMNS.map((key) => t(key)), rows),
    rows.length ? null : h('p', { class: 'usm-empty', 'data-testid': 'usm-services-empty' }, t('services.empty')));
}

export function servicesPage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-services-page');
  root.appendChild(h('div', { class: 'usm-title-row' },
    h('h2', { class: 'usm-title' }, t('services.title')),
    h('a', { href: serviceHash(null), class: 'btn btn-default usm-btn-primary', role: 'button', 'data-testid': 'usm-service-new' },
      t('services.new'))));
  const results = h('div', { class: 'usm-results' }, loading());
  root.appendChild(results);
  getJson(servicesUrl(view.urls.usm)).then((services) => {
    if (!view.alive) return;
    fill(results, () => renderServicesTable(services));
  }, (error) => {
    if (!view.alive) return;
    clear(results).appendChild(failureBox(error));
  });
}

// ---- one service ---------------------------------------------------------------------------------------------

function item(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

export function renderServiceHeader(service) {
  return h('section', { class: 'usm-service-header', 'data-testid': 'usm-service-header' },
    h('dl', { class: 'usm-facts' },
      item(t('services.name'), h('strong', { 'data-testid': 'usm-service-name' }, service.name || DASH)),
      item(t('services.id'), h('code', { 'data-testid': 'usm-service-id' }, service.id ?? DASH)),
      item(t('services.version'), h('span', { 'data-testid': 'usm-service-version' }, service.version ?? DASH)),
      item(t('services.state'), stateBadge(service.state, 'usm-service-state')),
      item(t('services.processKeys'), Array.isArray(service.processDefinitionKeys) && service.processDefinitionKeys.length
        ? h('span', { class: 'usm-muted usm-keys' }, service.processDefinitionKeys.join(', ')) : DASH)));
}

/**
 * The links of the service's definition (DESIGN §11): an internal link names another service of this product,
 * an external one another organisation's installation, its service there and the account used there, with the
 * name of the variable holding that account's password (never the password: the definition has none).
 */
export function renderServiceLinks(definition) {
  const links = serviceLinks(definition);
  if (!links.length) {
    return h('p', { class: 'usm-muted', 'data-testid': 'usm-service-links-empty' }, t('services.noLinks'));
  }
  const rows = links.map((link) => h('tr', {
    'data-testid': 'usm-service-link-row', 'data-link-id': link.id, 'data-kind': link.external ? 'external' : 'internal',
  },
  h('td', null, h('code', null, link.id || DASH)),
  h('td', null, link.name || DASH),
  h('td', null, link.external
    ? h('span', { class: 'usm-link-kind usm-link-kind-external' }, t('services.external'))
    : h('span', { class: 'usm-link-kind usm-link-kind-internal' }, t('services.internal'))),
  h('td', { 'data-testid': 'usm-service-link-target' }, link.external
    ? [h('div', null, h('span', { class: 'usm-key' }, t('services.url')), h('code', null, link.url)),
      h('div', null, h('span', { class: 'usm-key' }, t('services.providerService')), h('code', null, link.service || DASH)),
      link.user ? h('div', null, h('span', { class: 'usm-key' }, t('services.account')), h('code', null, link.user)) : null,
      link.passwordFrom ? h('div', { title: t('services.passwordFromTitle') },
        h('span', { class: 'usm-key' }, t('services.passwordFrom')), h('code', null, link.passwordFrom)) : null]
    : [h('span', { class: 'usm-key' }, t('services.service')),
      link.service ? h('a', { href: serviceHash(link.service), class: 'usm-service-link' }, link.service) : DASH]),
  h('td', null, link.callTypes.length ? link.callTypes.map(callType).join(', ') : DASH),
  h('td', { class: 'usm-data' }, link.handlingTimes.length
    ? link.handlingTimes.map((time) => h('div', { class: 'usm-pair' }, h('span', { class: 'usm-key' }, `${callType(time.type)}: `),
      h('span', null, time.text)))
    : DASH)));
  return table('usm-service-links', [t('services.id'), t('services.name'), t('services.kind'), t('field.service'),
    t('services.callTypes'), { text: t('services.handlingTimes'), title: t('services.handlingTimesTitle') }],
  rows);
}

export function renderHistory(history) {
  const list = Array.isArray(history) ? history.filter((c) => c && typeof c === 'object') : [];
  const rows = list.map((c) => h('tr', { 'data-testid': 'usm-service-history-row', 'data-version': c.version ?? '' },
    h('td', { class: 'usm-num' }, c.version ?? DASH),
    h('td', null, stateBadge(c.state)),
    h('td', { class: 'usm-nowrap' }, formatDateTime(c.changedAt)),
    h('td', null, c.changedBy ?? DASH),
    h('td', null, c.change ?? '')));
  return table('usm-service-history', ['services.version', 'services.state', 'services.changedAt', 'services.changedBy',
    'services.change'].map((key) => t(key)), rows);
}

/** The violations list, or the note that the text is valid. */
export function renderCheck(valid, violations) {
  if (valid && !violations.length) {
    return h('div', { class: 'usm-valid', 'data-testid': 'usm-service-valid', role: 'status' },
      t('services.valid'));
  }
  return h('div', { class: 'usm-violations-box' },
    h('div', { class: 'usm-violations-title' },
      violations.length === 1 ? t('services.violation') : t('services.violations', violations.length)),
    h('ul', { class: 'usm-violations', 'data-testid': 'usm-service-violations', role: 'status' },
      violations.map((v) => h('li', { class: 'usm-violation', 'data-testid': 'usm-service-violation', 'data-field': v.field },
        formatViolation(v)))));
}

/** The one route of a service and of the new-service editor (`#/usm/services/new`). */
export function servicePage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-service-page');
  const route = parseRoute(location.hash);
  const isNew = route.view === 'service-new';
  const serviceId = route.view === 'service' ? route.serviceId : null;

  root.appendChild(h('div', { class: 'usm-breadcrumb' },
    h('a', { href: '#/usm/services', 'data-testid': 'usm-back' }, t('services.back'))));
  root.appendChild(h('h2', { class: 'usm-title' }, isNew ? t('services.new')
    : [t('services.serviceTitle'), h('span', { 'data-testid': 'usm-service-title' }, serviceId ?? '?')]));
  if (!isNew && !serviceId) {
    root.appendChild(errorBox(t('services.noId')));
    return;
  }

  // another service (or the new one) in place, if Cockpit does not re-render us
  view.onHashChange(() => {
    const next = parseRoute(location.hash);
    const same = (next.view === 'service-new' && isNew) || (next.view === 'service' && next.serviceId === serviceId);
    if ((next.view === 'service' || next.view === 'service-new') && !same && root.isConnected && view.rerender) {
      view.rerender(view.node, view.data);
    }
  });

  const base = view.urls.usm;
  const token = () => csrfToken(view.data?.api, typeof document !== 'undefined' ? document.cookie : '');
  const pending = new Set();
  const abortable = () => {
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    if (controller) pending.add(controller);
    return controller;
  };
  const done = (controller) => {
    if (controller) pending.delete(controller);
  };
  view.onDispose(() => {
    for (const controller of pending) controller.abort();
    pending.clear();
  });

  // ---- slots ----
  const messageSlot = h('div', { class: 'usm-service-messages', 'aria-live': 'polite' });
  const headerSlot = h('div', null, isNew ? null : loading());
  const historySlot = h('div', null, isNew ? null : loading());
  const linksSlot = h('div', { 'data-testid': 'usm-service-links-slot' }, isNew ? null : loading());
  const checkSlot = h('div', { class: 'usm-check', 'data-testid': 'usm-service-check-result', 'aria-live': 'polite' });
  const editor = h('textarea', {
    class: 'usm-editor form-control', 'data-testid': 'usm-service-editor', rows: '30', spellcheck: 'false',
    wrap: 'off', autocomplete: 'off', autocapitalize: 'off', 'aria-label': t('services.editorLabel'), disabled: true,
    placeholder: t('services.loadingDefinition'),
  });
  const button = (label, testid, extra = {}) => h('button', { type: 'button', class: 'btn btn-default', 'data-testid': testid, ...extra }, label);
  const checkButton = button(t('services.check'), 'usm-service-check', { title: t('services.checkTitle') });
  const previewButton = button(t('services.preview'), 'usm-service-preview', { title: t('services.previewTitle') });
  const deployButton = button(t(isNew ? 'services.deploy' : 'services.deployNewVersion'), 'usm-service-deploy', { class: 'btn btn-default usm-btn-primary' });
  const retireButton = isNew ? null : button(t('services.retire'), 'usm-service-retire', { class: 'btn btn-default usm-btn-danger' });

  const workflowSelect = h('select', { class: 'form-control', 'data-testid': 'usm-service-workflow-select', 'aria-label': t('services.workflow') },
    WORKFLOW_NUMBERS.map((n) => h('option', { value: String(n) }, `WF${n}`)));
  const sourceLabel = h('span', { class: 'usm-diagram-source', 'data-testid': 'usm-service-diagram-source' });
  const showDeployed = isNew ? null : button(t('services.showDeployed'), 'usm-service-show-deployed', { class: 'btn btn-default btn-sm', hidden: true });
  const diagramHost = h('div', { class: 'usm-diagram', 'data-testid': 'usm-service-diagram', 'data-state': 'empty' });
  const diagramStatus = h('div', { class: 'usm-diagram-status', 'data-testid': 'usm-service-diagram-status' },
    isNew ? t('services.previewHint') : '');

  root.appendChild(messageSlot);
  if (!isNew) {
    root.appendChild(headerSlot);
    root.appendChild(h('section', { class: 'usm-section', 'data-testid': 'usm-service-links-section' },
      h('h3', null, t('services.links')), linksSlot));
    root.appendChild(h('section', { class: 'usm-section' }, h('h3', null, t('services.history')), historySlot));
  }
  root.appendChild(h('div', { class: 'usm-design' },
    h('section', { class: 'usm-section usm-design-editor' },
      h('h3', null, t('services.definition')),
      editor,
      h('div', { class: 'usm-editor-actions' }, checkButton, previewButton, deployButton, retireButton),
      checkSlot),
    h('section', { class: 'usm-section usm-design-diagram' },
      h('h3', null, t('services.workflows')),
      h('div', { class: 'usm-diagram-tools' },
        h('label', { class: 'usm-field usm-field-inline' }, h('span', { class: 'usm-field-label' }, t('services.workflow')), workflowSelect),
        sourceLabel, showDeployed),
      diagramHost, diagramStatus)));

  const message = (node) => {
    clear(messageSlot);
    if (node) messageSlot.appendChild(node);
  };
  const success = (text, testid) => h('div', { class: 'usm-success', role: 'status', 'data-testid': testid }, text);

  if (flash && flash.serviceId === serviceId) {
    message(success(flash.text, flash.testid));
  }
  flash = null;

  // ---- the service's facts ----
  let current = null; // the details of the service
  const showFacts = (service) => {
    current = service;
    fill(headerSlot, () => renderServiceHeader(service));
    fill(linksSlot, () => renderServiceLinks(service.definition));
    fill(historySlot, () => renderHistory(service.history));
    const retired = stateOf(service) === 'retired';
    if (retireButton) retireButton.hidden = retired;
    if (retired) closeRetire();
    deployButton.disabled = retired;
    if (retired) deployButton.setAttribute('title', t('services.retiredNoVersions'));
    else deployButton.removeAttribute('title');
  };
  const loadFacts = () => getJson(serviceUrl(base, serviceId)).then((service) => {
    if (!view.alive) return;
    showFacts(service ?? {});
  }, (error) => {
    if (!view.alive) return;
    clear(headerSlot).appendChild(failureBox(error));
    clear(linksSlot);
    clear(historySlot);
  });

  // ---- the diagram: the deployed version's workflows, or a preview of the editor's text ----
  const diagram = createDiagram(diagramHost);
  view.onDispose(() => diagram.destroy());
  let mode = isNew ? 'none' : 'deployed';
  let deployed = new Map(); // n → Promise<xml>
  let preview = null; // { xmls: Map(n → xml), text }
  let shown = 0;

  const deployedXml = (n) => {
    if (!deployed.has(n)) {
      const promise = getText(workflowUrl(base, serviceId, n), { accept: 'application/xml, text/xml, application/json' })
        .then((xml) => {
          if (typeof xml !== 'string' || !xml.trim()) throw new Error(t('call.noXml', `WF${n}`));
          return xml;
        });
      promise.catch(() => deployed.delete(n));
      deployed.set(n, promise);
    }
    return deployed.get(n);
  };

  const showSelected = () => {
    if (!view.alive) return;
    const n = Number(workflowSelect.value) || 1;
    const mine = ++shown;
    diagramHost.setAttribute('data-workflow', `WF${n}`);
    if (mode === 'none') {
      diagramHost.setAttribute('data-state', 'empty');
      return;
    }
    diagramHost.setAttribute('data-source', mode);
    diagramHost.setAttribute('data-state', 'loading');
    if (showDeployed) showDeployed.hidden = mode !== 'preview';
    sourceLabel.textContent = mode === 'preview'
      ? t(preview && preview.text !== editor.value ? 'services.previewSourceChanged' : 'services.previewSource')
      : t('services.deployedVersion', current?.version ?? '…');
    sourceLabel.className = `usm-diagram-source usm-diagram-source-${mode}`;
    diagramStatus.textContent = t('call.loadingDiagram');
    const xml = mode === 'preview' ? Promise.resolve(preview.xmls.get(n)) : deployedXml(n);
    xml.then((text) => {
      if (!view.alive || mine !== shown) return null;
      return diagram.show(text);
    }).then((result) => {
      if (!view.alive || mine !== shown || !result) return;
      diagramHost.setAttribute('data-state', 'shown');
      diagramStatus.textContent = '';
    }, (error) => {
      if (!view.alive || mine !== shown) return;
      logError(error);
      diagramHost.setAttribute('data-state', 'error');
      diagram.clear();
      clear(diagramStatus).appendChild(errorBox(`WF${n}: ${messageOf(error)}`));
    });
  };
  workflowSelect.addEventListener('change', showSelected);
  if (showDeployed) {
    showDeployed.addEventListener('click', () => {
      mode = 'deployed';
      showSelected();
    });
  }

  // ---- checking: as the text is typed (debounced) and on Check ----
  let checked = null; // the text of the last check shown
  let checkRun = 0;
  let checkController = null;
  let timer = null;
  const dryRunUrl = () => (isNew ? servicesUrl(base, { dryRun: true }) : serviceUrl(base, serviceId, '', { dryRun: true }));

  const showViolations = (valid, violations) => fill(checkSlot, () => renderCheck(valid, violations));

  const check = (explicit) => {
    if (timer) clearTimeout(timer);
    timer = null;
    const text = editor.value;
    if (!explicit && text === checked) return Promise.resolve();
    const mine = ++checkRun;
    if (checkController) checkController.abort();
    const controller = abortable();
    checkController = controller;
    checkSlot.setAttribute('data-state', 'checking');
    checkSlot.classList.add('usm-checking');
    checkButton.disabled = true;
    const method = isNew ? 'POST' : 'PUT';
    return send(dryRunUrl(), { method, body: text, token: token(), signal: controller?.signal }).then((answer) => {
      if (!view.alive || mine !== checkRun) return;
      checked = text;
      const violations = violationsOf(answer);
      const valid = !!(answer && answer.valid === true) && !violations.length;
      checkSlot.setAttribute('data-state', valid ? 'valid' : 'invalid');
      showViolations(valid, violations);
    }, (error) => {
      if (!view.alive || mine !== checkRun || (error && error.name === 'AbortError')) return;
      checked = null;
      checkSlot.setAttribute('data-state', 'error');
      fill(checkSlot, () => h('div', null, errorBox(t('services.checkFailed', messageOf(error))),
        violationsOf(error).length ? renderCheck(false, violationsOf(error)) : null));
    }).finally(() => {
      done(controller);
      if (mine === checkRun) {
        checkSlot.classList.remove('usm-checking');
        checkButton.disabled = false;
      }
    });
  };
  editor.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (view.alive) check(false);
    }, CHECK_DELAY_MS);
    if (mode === 'preview' && preview) sourceLabel.textContent = t('services.previewSourceChanged');
  });
  view.onDispose(() => {
    if (timer) clearTimeout(timer);
  });
  checkButton.addEventListener('click', () => check(true));

  // ---- preview: the eight workflows of the editor's text ----
  let previewRun = 0;
  previewButton.addEventListener('click', () => {
    const text = editor.value;
    const mine = ++previewRun;
    const controller = abortable();
    previewButton.disabled = true;
    message(null);
    diagramStatus.textContent = t('services.generating');
    const tok = token();
    Promise.all(WORKFLOW_NUMBERS.map((n) => send(previewUrl(base, n), {
      method: 'POST', body: text, token: tok, accept: 'application/xml, text/xml, application/json', signal: controller?.signal,
    }).then((xml) => {
      if (typeof xml !== 'string' || !xml.trim()) throw new Error(t('call.noXml', `WF${n}`));
      return [n, xml];
    }))).then((pairs) => {
      if (!view.alive || mine !== previewRun) return;
      preview = { xmls: new Map(pairs), text };
      mode = 'preview';
      showSelected();
    }, (error) => {
      if (!view.alive || mine !== previewRun || (error && error.name === 'AbortError')) return;
      controller?.abort(); // the other workflows are not needed any more
      diagramStatus.textContent = '';
      message(errorBox(t('services.previewFailed', messageOf(error))));
      const violations = violationsOf(error);
      if (violations.length) {
        checked = text;
        checkSlot.setAttribute('data-state', 'invalid');
        showViolations(false, violations);
      }
    }).finally(() => {
      done(controller);
      if (mine === previewRun) previewButton.disabled = false;
    });
  });

  // ---- deploy: a new service (POST) or a new version (PUT) ----
  deployButton.addEventListener('click', () => {
    const text = editor.value;
    deployButton.disabled = true;
    message(h('div', { class: 'usm-loading' }, t('services.deploying')));
    const controller = abortable();
    // The version the designer loaded: another designer's version stored since is not overwritten (409).
    send(isNew ? servicesUrl(base) : serviceUrl(base, serviceId, '', { expectedVersion: current?.version }), {
      method: isNew ? 'POST' : 'PUT', body: text, token: token(), signal: controller?.signal,
    }).then((stored) => {
      if (!view.alive) return;
      const note = deployedText(stored);
      checked = text;
      checkSlot.setAttribute('data-state', 'valid');
      showViolations(true, []);
      if (isNew) {
        const id = stored && stored.id ? String(stored.id) : null;
        message(success(note, 'usm-service-deployed'));
        if (id) {
          flash = { serviceId: id, text: note, testid: 'usm-service-deployed' };
          location.hash = serviceHash(id);
        }
        return;
      }
      message(success(note, 'usm-service-deployed'));
      deployed = new Map();
      mode = 'deployed';
      loadFacts().then(() => showSelected());
    }, (error) => {
      if (!view.alive || (error && error.name === 'AbortError')) return;
      message(errorBox(t('services.deployFailed', messageOf(error))));
      const violations = violationsOf(error);
      if (violations.length) {
        checkSlot.setAttribute('data-state', 'invalid');
        showViolations(false, violations);
      }
    }).finally(() => {
      done(controller);
      if (view.alive) deployButton.disabled = !isNew && stateOf(current) === 'retired';
    });
  });

  // ---- retire ----
  // Asked in the page, not with window.confirm: Cockpit's Content-Security-Policy sandbox lacks allow-modals,
  // so the browser ignores confirm() (it returns false, no dialog shows) and nothing would ever be retired.
  const retireBox = isNew ? null : h('div', {
    class: 'usm-retire-confirm', role: 'alertdialog', 'aria-label': t('services.retireDialog'), 'data-testid': 'usm-service-retire-dialog', hidden: true,
  });
  if (retireBox) retireButton.parentNode.insertAdjacentElement('afterend', retireBox);
  const closeRetire = () => {
    if (!retireBox) return;
    retireBox.hidden = true;
    clear(retireBox);
  };
  const retire = () => {
    closeRetire();
    retireButton.disabled = true;
    const controller = abortable();
    send(serviceUrl(base, serviceId), { method: 'DELETE', token: token(), signal: controller?.signal }).then((stored) => {
      if (!view.alive) return;
      message(success(t('services.retired', stored?.version ?? '?'), 'usm-service-retired'));
      loadFacts();
    }, (error) => {
      if (!view.alive || (error && error.name === 'AbortError')) return;
      message(errorBox(t('services.retireFailed', messageOf(error))));
    }).finally(() => {
      done(controller);
      if (view.alive) retireButton.disabled = false;
    });
  };
  if (retireButton) {
    retireButton.addEventListener('click', () => {
      if (!retireBox.hidden) return;
      const yes = button(t('services.retireDialog'), 'usm-service-retire-confirm', { class: 'btn btn-default usm-btn-danger' });
      const no = button(t('services.cancel'), 'usm-service-retire-cancel');
      yes.addEventListener('click', retire);
      no.addEventListener('click', () => {
        closeRetire();
        retireButton.focus();
      });
      fill(retireBox, () => [
        h('p', null, t('services.retireQuestion', serviceId)),
        h('div', { class: 'usm-retire-confirm-actions' }, yes, no)]);
      retireBox.hidden = false;
      no.focus();
    });
  }

  // ---- load ----
  const ready = (text) => {
    editor.value = text;
    editor.disabled = false;
    editor.removeAttribute('placeholder');
  };
  if (isNew) {
    // the template: the first service's definition with a new id and name, else the skeleton
    getJson(servicesUrl(base))
      .then((services) => {
        const first = Array.isArray(services) ? services.find((s) => s && s.id) : null;
        return first ? getText(serviceUrl(base, first.id, '/definition'), { accept: 'application/yaml, text/plain, */*' }) : null;
      })
      .then((definition) => newServiceTemplate(definition), (error) => {
        logError(error);
        return newServiceTemplate(null);
      })
      .then((template) => {
        if (!view.alive) return;
        ready(template);
      });
    showSelected();
    return;
  }
  loadFacts().then(() => {
    if (view.alive && current) showSelected();
  });
  getText(serviceUrl(base, serviceId, '/definition'), { accept: 'application/yaml, text/plain, */*' }).then((text) => {
    if (!view.alive) return;
    ready(typeof text === 'string' ? text : JSON.stringify(text, null, 2));
  }, (error) => {
    if (!view.alive) return;
    editor.setAttribute('placeholder', '');
    fill(checkSlot, () => errorBox(t('services.definitionFailed', messageOf(error))));
  });
}
