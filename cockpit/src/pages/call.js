// One call: its header, open steps, the calls its steps handed to links (with an administrator's "Send again
// now" for deliveries still on their way), the call tree (root and called instances), the diagram of the
// selected instance with the path taken, and the audit trail with a kind filter and a CSV export link.
import { h, clear, fill, errorBox, failureBox, loading, table, select, messageOf, logError } from '../dom.js';
import { getJson, send } from '../http.js';
import { parseRoute, callHash, callUrl } from '../util/route.js';
import { formatDateTime, formatList, dataPairs, DASH } from '../util/format.js';
import { buildTree, diagramMarks, initialInstanceId, trailKinds, filterTrail } from '../util/tree.js';
import {
  callLinks, linkLabel, deliveryFacts, isLinkOutcome, isLocalCall, offersSendAgain, retriedText,
} from '../util/links.js';
import { csrfToken } from '../util/services.js';
import { createDiagram } from '../diagram.js';
import { t, callStatus, callType, linkStatus, deliveryState, instanceState, trailKind } from '../texts.js';

function callLink(tn) {
  return h('a', { href: callHash(tn), class: 'usm-linked-call', 'data-testid': 'usm-linked-call' }, tn);
}

function item(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

export function renderHeader(call) {
  const predicted = call.predictedPattern && call.predictedPattern !== call.pattern
    ? h('span', { class: 'usm-muted' }, t('call.predicted', call.predictedPattern)) : null;
  const linked = call.linkedCalls ?? {};
  const started = Array.isArray(linked.started) ? linked.started.filter(Boolean) : [];
  const cancellation = call.cancellation
    ? [formatDateTime(call.cancellation.at), call.cancellation.by ? t('call.by', call.cancellation.by) : '',
      call.cancellation.reason ? `: ${call.cancellation.reason}` : '']
    : null;
  const breached = call.slaBreachedAt
    ? h('span', { class: 'usm-badge usm-badge-breached', 'data-testid': 'usm-breached' },
      t('call.breachedAt', formatDateTime(call.slaBreachedAt)))
    : null;
  return h('section', { class: 'usm-call-header', 'data-testid': 'usm-call-header' },
    h('dl', { class: 'usm-facts' },
      item(t('field.trackingNumber'), h('strong', { 'data-testid': 'usm-call-tn' }, call.trackingNumber ?? DASH)),
      item(t('field.type'), callType(call.type) ?? DASH),
      item(t('field.service'), call.serviceName || call.serviceId || DASH,
        call.serviceName && call.serviceId ? h('span', { class: 'usm-muted' }, ` (${call.serviceId})`) : null),
      item(t('field.pattern'), call.pattern ?? DASH, predicted),
      item(t('field.status'), h('span', { class: 'usm-status', 'data-testid': 'usm-call-status', 'data-status': call.status ?? '' },
        callStatus(call.status) ?? DASH),
        call.suspended ? h('span', { class: 'usm-badge usm-badge-suspended' }, t('call.suspended')) : null),
      // An exit the coordinator took (rule E1) or the outcome of a handed-over call: which one and why.
      call.outcome ? item(t('call.outcome'), h('span', { 'data-testid': 'usm-call-outcome' }, call.outcome)) : null,
      call.reclassifiedAs ? item(t('call.reclassifiedAs'), callLink(call.reclassifiedAs)) : null,
      item(t('field.summary'), call.summary || DASH),
      call.description ? item(t('call.description'), h('span', { class: 'usm-description', 'data-testid': 'usm-call-description' },
        call.description)) : null,
      call.reference ? item(t('call.reference'), h('strong', { 'data-testid': 'usm-call-reference' }, call.reference),
        h('span', { class: 'usm-muted' }, t('call.referenceNote')))
        : null,
      item(t('field.requester'), call.requester ?? DASH),
      item(t('field.registered'), formatDateTime(call.registeredAt)),
      item(t('field.slaDue'), formatDateTime(call.slaDueDate), breached ? ' ' : null, breached),
      cancellation ? item(t(call.status === 'withdrawn' ? 'call.withdrawn' : 'call.cancelled'),
        h('span', { 'data-testid': 'usm-cancellation' }, ...cancellation)) : null,
      item(t('call.concerned'), formatList(call.concernedComponents)),
      item(t('call.changed'), formatList(call.changedComponents)),
      item(t('call.startedFrom'), linked.from ? callLink(linked.from) : DASH),
      item(t('call.startedCalls'), started.length ? started.flatMap((tn, i) => (i ? [', ', callLink(tn)] : [callLink(tn)])) : DASH),
      item(t('call.processInstance'), call.processInstanceId ?? DASH,
        call.processDefinitionKey ? h('span', { class: 'usm-muted' }, ` (${call.processDefinitionKey})`) : null)));
}

export function renderOpenSteps(call) {
  const steps = Array.isArray(call.openSteps) ? call.openSteps : [];
  return h('section', { class: 'usm-section' },
    h('h3', null, t('call.openSteps')),
    steps.length
      ? table('usm-open-steps', [t('call.step'), t('call.name'), t('call.process'), t('call.assignee'), t('call.due')], steps.map((s) => h('tr', null,
        h('td', null, s.step ?? DASH),
        h('td', null, s.name ?? DASH),
        h('td', null, s.process ?? DASH),
        h('td', null, s.assignee ?? h('span', { class: 'usm-muted' }, t('call.unassigned'))),
        h('td', { class: 'usm-nowrap' }, formatDateTime(s.due)))))
      : h('p', { class: 'usm-muted', 'data-testid': 'usm-open-steps' }, t('call.noOpenSteps')));
}

function statusClass(status) {
  return `usm-link-status usm-link-status-${String(status ?? 'unknown').toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

function deliveryCell(delivery) {
  const facts = deliveryFacts(delivery);
  if (!facts) return h('span', { class: 'usm-muted' }, DASH);
  return h('div', { 'data-testid': 'usm-link-delivery', 'data-state': facts.state },
    h('span', { class: `usm-badge usm-badge-delivery usm-badge-delivery-${facts.state.replace(/[^a-z]+/g, '-')}` },
      deliveryState(facts.state)),
    ` ${facts.attempts}`,
    facts.lastError ? h('div', { class: 'usm-pair' }, h('span', { class: 'usm-key' }, t('call.lastError')),
      h('span', { class: 'usm-message' }, facts.lastError)) : null,
    facts.nextAttemptAt ? h('div', { class: 'usm-pair' }, h('span', { class: 'usm-key' }, t('call.nextAttempt')),
      formatDateTime(facts.nextAttemptAt)) : null);
}

/**
 * The calls the call's steps handed to links (DESIGN §11): the link, the provider's tracking number and
 * status as last reported, its message, the step that waits for it (rule L1), the link's due date and a
 * breach, and a delivery still on its way to the other installation.
 */
export function renderLinks(call) {
  const links = callLinks(call);
  if (!links.length) {
    return h('p', { class: 'usm-muted', 'data-testid': 'usm-links-empty' }, t('call.noLinks'));
  }
  const rows = links.map((link) => h('tr', {
    'data-testid': 'usm-link-row', 'data-link': link.link ?? '', 'data-status': link.status ?? '',
  },
  h('td', null, linkLabel(link), link.type ? h('div', { class: 'usm-muted' }, link.type) : null),
  h('td', { 'data-testid': 'usm-link-tn' }, link.trackingNumber
    ? h('strong', null, isLocalCall(call, link.trackingNumber) ? callLink(link.trackingNumber) : link.trackingNumber)
    : h('span', { class: 'usm-muted' }, t('call.notRegisteredYet'))),
  h('td', null, h('span', { class: statusClass(link.status), 'data-testid': 'usm-link-status' }, linkStatus(link.status) ?? DASH),
    isLinkOutcome(link.status) ? null : h('div', { class: 'usm-muted' }, t('call.open'))),
  h('td', { class: 'usm-message' }, link.summary ? h('div', null, link.summary) : null,
    link.message ? h('div', { 'data-testid': 'usm-link-message' }, h('span', { class: 'usm-key' }, t('call.provider')),
      link.message) : null),
  h('td', null, link.step ?? DASH,
    link.requestedBy ? h('div', { class: 'usm-muted' }, t('call.requestedBy', link.requestedBy)) : null,
    link.requestedAt ? h('div', { class: 'usm-muted usm-nowrap' }, formatDateTime(link.requestedAt)) : null),
  h('td', { class: 'usm-nowrap' }, formatDateTime(link.dueAt),
    link.breachedAt ? h('div', null, h('span', {
      class: 'usm-badge usm-badge-breached', 'data-testid': 'usm-link-breached',
    }, t('call.breachedAt', formatDateTime(link.breachedAt)))) : null),
  h('td', null, deliveryCell(link.delivery))));
  return table('usm-links-table', [t('call.link'), t('call.providersCall'), t('field.status'),
    t('call.summaryAndMessage'), { text: t('call.step'), title: t('call.linkStepTitle') },
    { text: t('call.due'), title: t('call.linkDueTitle') }, t('call.delivery')], rows);
}

function stateClass(state) {
  return `usm-state usm-state-${String(state ?? 'unknown').toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

/** The call tree as a list of selectable nodes; onSelect(instance) when one is chosen. */
export function renderTree(nodes, selectedId, onSelect) {
  const list = h('ul', { class: 'usm-tree', 'data-testid': 'usm-call-tree', role: 'listbox', 'aria-label': t('call.tree') });
  for (const { instance, depth } of nodes) {
    const id = instance.processInstanceId;
    const running = instance.state === 'ACTIVE' || instance.state === 'SUSPENDED';
    const button = h('button', {
      type: 'button', class: 'usm-tree-select', title: `${instance.processDefinitionKey ?? ''} ${id}`.trim(),
    },
    h('span', { class: 'usm-tree-name' }, instance.processDefinitionName || instance.processDefinitionKey || id),
    ' ',
    h('span', { class: stateClass(instance.state) }, instanceState(instance.state) ?? DASH),
    h('span', { class: 'usm-tree-times' },
      `${formatDateTime(instance.startTime)} → ${instance.endTime ? formatDateTime(instance.endTime) : t('call.running')}`));
    const node = h('li', {
      class: 'usm-tree-node' + (id === selectedId ? ' usm-selected' : ''),
      'data-testid': 'usm-tree-node',
      'data-instance-id': id,
      'data-depth': String(depth),
      role: 'option',
      'aria-selected': id === selectedId ? 'true' : 'false',
      style: `padding-left:${depth * 20 + 4}px`,
    }, button,
    running ? h('a', {
      href: `#/process-instance/${encodeURIComponent(id)}/runtime`, class: 'usm-cockpit-link',
      title: t('call.openInCockpit'),
    }, 'Cockpit ↗') : null);
    button.addEventListener('click', () => onSelect(instance));
    list.appendChild(node);
  }
  return list;
}

export function renderTrail(entries, kind) {
  const rows = filterTrail(entries, kind).map((e) => h('tr', { 'data-testid': 'usm-trail-row', 'data-kind': e.kind ?? '' },
    h('td', { class: 'usm-nowrap' }, formatDateTime(e.occurredAt)),
    h('td', null, h('span', { class: `usm-kind usm-kind-${String(e.kind ?? '').toLowerCase()}`, title: e.kind ?? '' },
      trailKind(e.kind) ?? DASH)),
    h('td', null, e.step ?? ''),
    h('td', { title: e.processInstanceId ?? '' }, e.processKey ?? ''),
    h('td', null, e.userId ?? ''),
    h('td', null, e.ruleId ?? ''),
    h('td', { class: 'usm-message' }, e.message ?? ''),
    h('td', { class: 'usm-data' }, dataPairs(e.data).map(([key, value]) => h('div', { class: 'usm-pair' },
      key ? h('span', { class: 'usm-key' }, `${key}: `) : null, h('span', null, value))))));
  return h('div', null,
    table('usm-trail-table', ['call.time', 'call.kind', 'call.step', 'call.process', 'call.user', 'call.rule',
      'call.message', 'call.data'].map((key) => t(key)), rows),
    rows.length ? null : h('p', { class: 'usm-empty', 'data-testid': 'usm-trail-empty' }, t('call.noEntries')));
}

export function callPage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-call-page');
  const route = parseRoute(location.hash);
  const tn = route.view === 'call' ? route.trackingNumber : null;

  root.appendChild(h('div', { class: 'usm-breadcrumb' }, h('a', { href: '#/usm/calls', 'data-testid': 'usm-back' }, t('call.back'))));
  root.appendChild(h('h2', { class: 'usm-title' }, t('call.title'), h('span', { 'data-testid': 'usm-call-title' }, tn ?? '?')));
  if (!tn) {
    root.appendChild(errorBox(t('call.noTrackingNumber')));
    return;
  }

  // another call's page (a link to a linked call): render it in place if Cockpit does not re-render us
  view.onHashChange(() => {
    const next = parseRoute(location.hash);
    if (next.view === 'call' && next.trackingNumber !== tn && root.isConnected) {
      const { node, data } = view;
      const rerender = view.rerender;
      if (rerender) rerender(node, data);
    }
  });

  const base = view.urls.usm;
  const headerSlot = h('div', null, loading());
  const stepsSlot = h('div');
  const linksSlot = h('div', null, loading());
  const sendAgainSlot = h('div', { class: 'usm-send-again' });
  const sendAgainMessage = h('div', { class: 'usm-send-again-message', 'aria-live': 'polite' });
  const treeSlot = h('div', { class: 'usm-tree-slot' }, loading());
  const diagramTitle = h('div', { class: 'usm-diagram-title', 'data-testid': 'usm-diagram-title' });
  const diagramStatus = h('div', { class: 'usm-diagram-status', 'data-testid': 'usm-diagram-status' });
  const diagramHost = h('div', { class: 'usm-diagram', 'data-testid': 'usm-diagram' });
  const trailSlot = h('div', null, loading());
  const kindSlot = h('span');

  root.appendChild(headerSlot);
  root.appendChild(stepsSlot);
  root.appendChild(h('section', { class: 'usm-section', 'data-testid': 'usm-links' },
    h('h3', null, t('call.linkedCalls')), linksSlot, sendAgainSlot, sendAgainMessage));
  root.appendChild(h('section', { class: 'usm-section' },
    h('h3', null, t('call.treeAndPath')),
    h('div', { class: 'usm-tree-diagram' },
      h('div', { class: 'usm-tree-col' }, treeSlot),
      h('div', { class: 'usm-diagram-col' }, diagramTitle, diagramHost, diagramStatus,
        h('div', { class: 'usm-legend' },
          h('span', { class: 'usm-legend-taken' }, t('call.legendTaken')),
          h('span', { class: 'usm-legend-active' }, t('call.legendActive')))))));
  root.appendChild(h('section', { class: 'usm-section' },
    h('h3', null, t('call.trail')),
    h('div', { class: 'usm-trail-tools' }, kindSlot,
      h('a', {
        href: callUrl(base, tn, '/audit?format=csv'), download: `${tn}-trail.csv`, class: 'btn btn-default btn-sm',
        'data-testid': 'usm-csv-link',
      }, t('call.exportCsv'))),
    trailSlot));

  // header, open steps and linked calls
  const loadCall = () => getJson(callUrl(base, tn)).then((call) => {
    if (!view.alive) return null;
    fill(headerSlot, () => renderHeader(call ?? {}));
    fill(stepsSlot, () => renderOpenSteps(call ?? {}));
    fill(linksSlot, () => renderLinks(call ?? {}));
    return call ?? {};
  }, (error) => {
    if (!view.alive) return null;
    // a call the user may not read is answered as one that does not exist: whether it exists is not theirs to know
    clear(headerSlot).appendChild(error && error.status === 404 ? errorBox(t('call.notFound', tn)) : failureBox(error));
    clear(linksSlot);
    return null;
  });

  // an administrator may send the call's stuck deliveries again (the server decides who may; this only asks
  // whether to offer it)
  const me = getJson(`${base}/me`).catch((error) => {
    logError(error);
    return null;
  });
  let sending = false;
  const sendAgain = (button) => {
    if (sending) return;
    sending = true;
    button.disabled = true;
    clear(sendAgainMessage);
    const token = csrfToken(view.data?.api, typeof document !== 'undefined' ? document.cookie : '');
    send(callUrl(base, tn, '/link-deliveries/retry'), { method: 'POST', token, contentType: null }).then((answer) => {
      if (!view.alive) return;
      fill(sendAgainMessage, () => h('div', { class: 'usm-success', role: 'status', 'data-testid': 'usm-send-again-done' },
        retriedText(answer)));
      loadCall();
    }, (error) => {
      if (!view.alive) return;
      fill(sendAgainMessage, () => errorBox(t('call.sendAgainFailed', messageOf(error))));
    }).finally(() => {
      sending = false;
      button.disabled = false;
    });
  };
  Promise.all([loadCall(), me]).then(([call, user]) => {
    if (!view.alive || !call) return;
    fill(sendAgainSlot, () => {
      if (!offersSendAgain(call, user)) return null;
      const button = h('button', {
        type: 'button', class: 'btn btn-default btn-sm', 'data-testid': 'usm-send-again',
        title: t('call.sendAgainTitle'),
      }, t('call.sendAgain'));
      button.addEventListener('click', () => sendAgain(button));
      return button;
    });
  }).catch(logError);

  // the call tree and the diagram
  const diagram = createDiagram(diagramHost);
  view.onDispose(() => diagram.destroy());
  const xmlCache = new Map();
  let nodes = [];
  let selectedId = null;
  let selection = 0;

  const loadXml = (definitionId) => {
    if (!xmlCache.has(definitionId)) {
      const url = `${view.urls.engineApi}/process-definition/${encodeURIComponent(definitionId)}/xml`;
      const promise = getJson(url).then((body) => {
        if (!body || typeof body.bpmn20Xml !== 'string') throw new Error(t('call.noXml', definitionId));
        return body.bpmn20Xml;
      });
      promise.catch(() => xmlCache.delete(definitionId));
      xmlCache.set(definitionId, promise);
    }
    return xmlCache.get(definitionId);
  };

  const selectInstance = (instance) => {
    if (!view.alive || !instance) return;
    selectedId = instance.processInstanceId;
    for (const li of treeSlot.querySelectorAll('[data-testid="usm-tree-node"]')) {
      const on = li.getAttribute('data-instance-id') === selectedId;
      li.classList.toggle('usm-selected', on);
      li.setAttribute('aria-selected', on ? 'true' : 'false');
    }
    diagramHost.setAttribute('data-instance-id', selectedId);
    diagramHost.setAttribute('data-state', 'loading');
    diagramTitle.textContent = `${instance.processDefinitionName || instance.processDefinitionKey || ''} — ${selectedId}`;
    diagramStatus.textContent = t('call.loadingDiagram');
    diagramStatus.className = 'usm-diagram-status';
    const mine = ++selection;
    loadXml(instance.processDefinitionId)
      .then((xml) => {
        if (!view.alive || mine !== selection) return null;
        return diagram.show(xml, diagramMarks(instance.activityCounts, instance.activeActivityIds));
      })
      .then((result) => {
        if (!view.alive || mine !== selection || !result) return;
        diagramHost.setAttribute('data-state', 'shown');
        diagramStatus.textContent = result.missing.length
          ? t('call.notInDiagram', result.missing.join(', ')) : '';
      }, (error) => {
        if (!view.alive || mine !== selection) return;
        logError(error);
        diagramHost.setAttribute('data-state', 'error');
        diagram.clear();
        diagramStatus.textContent = '';
        diagramStatus.appendChild(errorBox(t('call.diagramFailed', messageOf(error))));
      });
  };

  getJson(callUrl(base, tn, '/instances')).then((instances) => {
    if (!view.alive) return;
    nodes = buildTree(instances);
    if (!nodes.length) {
      clear(treeSlot).appendChild(h('p', { class: 'usm-muted', 'data-testid': 'usm-call-tree' }, t('call.noInstances')));
      return;
    }
    selectedId = initialInstanceId(nodes, null);
    fill(treeSlot, () => renderTree(nodes, selectedId, selectInstance));
    selectInstance(nodes.find((n) => n.instance.processInstanceId === selectedId).instance);
  }, (error) => {
    if (!view.alive) return;
    clear(treeSlot).appendChild(failureBox(error));
  });

  // the trail
  getJson(callUrl(base, tn, '/audit')).then((entries) => {
    if (!view.alive) return;
    const list = Array.isArray(entries) ? entries : [];
    let kind = '';
    const kindSelect = kindFilter(list, (value) => {
      kind = value;
      fill(trailSlot, () => renderTrail(list, kind));
    });
    clear(kindSlot).appendChild(kindSelect);
    fill(trailSlot, () => renderTrail(list, kind));
  }, (error) => {
    if (!view.alive) return;
    clear(trailSlot).appendChild(failureBox(error));
  });
}

function kindFilter(entries, onChange) {
  const counts = new Map();
  for (const e of entries) counts.set(e?.kind, (counts.get(e?.kind) ?? 0) + 1);
  const options = [['', t('call.allKinds', entries.length)],
    ...trailKinds(entries).map((k) => [k, `${trailKind(k)} (${counts.get(k) ?? 0})`])];
  const control = select('kind', options, '', 'usm-filter-kind');
  control.addEventListener('change', () => onChange(control.value));
  return h('label', { class: 'usm-field usm-field-inline' }, h('span', { class: 'usm-field-label' }, t('call.kind')), control);
}
