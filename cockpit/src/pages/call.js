// One call: its header, open steps, the call tree (root and called instances), the diagram of the selected
// instance with the path taken, and the audit trail with a kind filter and a CSV export link.
import { h, clear, fill, errorBox, loading, table, select, messageOf, logError } from '../dom.js';
import { getJson } from '../http.js';
import { parseRoute, callHash, callUrl } from '../util/route.js';
import { formatDateTime, formatList, dataPairs, DASH } from '../util/format.js';
import { buildTree, diagramMarks, initialInstanceId, trailKinds, filterTrail } from '../util/tree.js';
import { createDiagram } from '../diagram.js';

function callLink(tn) {
  return h('a', { href: callHash(tn), class: 'usm-linked-call', 'data-testid': 'usm-linked-call' }, tn);
}

function item(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

export function renderHeader(call) {
  const predicted = call.predictedPattern && call.predictedPattern !== call.pattern
    ? h('span', { class: 'usm-muted' }, ` (predicted ${call.predictedPattern})`) : null;
  const linked = call.linkedCalls ?? {};
  const started = Array.isArray(linked.started) ? linked.started.filter(Boolean) : [];
  const cancellation = call.cancellation
    ? [formatDateTime(call.cancellation.at), call.cancellation.userId ? ` by ${call.cancellation.userId}` : '',
      call.cancellation.reason ? `: ${call.cancellation.reason}` : '']
    : null;
  const breached = call.slaBreachedAt
    ? h('span', { class: 'usm-badge usm-badge-breached', 'data-testid': 'usm-breached' },
      `breached ${formatDateTime(call.slaBreachedAt)}`)
    : null;
  return h('section', { class: 'usm-call-header', 'data-testid': 'usm-call-header' },
    h('dl', { class: 'usm-facts' },
      item('Tracking number', h('strong', { 'data-testid': 'usm-call-tn' }, call.trackingNumber ?? DASH)),
      item('Type', call.type ?? DASH),
      item('Service', call.serviceName || call.serviceId || DASH,
        call.serviceName && call.serviceId ? h('span', { class: 'usm-muted' }, ` (${call.serviceId})`) : null),
      item('Pattern', call.pattern ?? DASH, predicted),
      item('Status', h('span', { class: 'usm-status', 'data-testid': 'usm-call-status' }, call.status ?? DASH),
        call.suspended ? h('span', { class: 'usm-badge usm-badge-suspended' }, 'suspended') : null),
      item('Summary', call.summary || DASH),
      item('Requester', call.requester ?? DASH),
      item('Registered', formatDateTime(call.registeredAt)),
      item('SLA due', formatDateTime(call.slaDueDate), breached ? ' ' : null, breached),
      cancellation ? item('Cancelled', h('span', { 'data-testid': 'usm-cancellation' }, ...cancellation)) : null,
      item('Concerned components', formatList(call.concernedComponents)),
      item('Changed components', formatList(call.changedComponents)),
      item('Started from', linked.from ? callLink(linked.from) : DASH),
      item('Started calls', started.length ? started.flatMap((tn, i) => (i ? [', ', callLink(tn)] : [callLink(tn)])) : DASH),
      item('Process instance', call.processInstanceId ?? DASH,
        call.processDefinitionKey ? h('span', { class: 'usm-muted' }, ` (${call.processDefinitionKey})`) : null)));
}

export function renderOpenSteps(call) {
  const steps = Array.isArray(call.openSteps) ? call.openSteps : [];
  return h('section', { class: 'usm-section' },
    h('h3', null, 'Open steps'),
    steps.length
      ? table('usm-open-steps', ['Step', 'Name', 'Process', 'Assignee', 'Due'], steps.map((s) => h('tr', null,
        h('td', null, s.step ?? DASH),
        h('td', null, s.name ?? DASH),
        h('td', null, s.process ?? DASH),
        h('td', null, s.assignee ?? h('span', { class: 'usm-muted' }, 'unassigned')),
        h('td', { class: 'usm-nowrap' }, formatDateTime(s.due)))))
      : h('p', { class: 'usm-muted', 'data-testid': 'usm-open-steps' }, 'No open steps.'));
}

function stateClass(state) {
  return `usm-state usm-state-${String(state ?? 'unknown').toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

/** The call tree as a list of selectable nodes; onSelect(instance) when one is chosen. */
export function renderTree(nodes, selectedId, onSelect) {
  const list = h('ul', { class: 'usm-tree', 'data-testid': 'usm-call-tree', role: 'listbox', 'aria-label': 'Call tree' });
  for (const { instance, depth } of nodes) {
    const id = instance.processInstanceId;
    const running = instance.state === 'ACTIVE' || instance.state === 'SUSPENDED';
    const button = h('button', {
      type: 'button', class: 'usm-tree-select', title: `${instance.processDefinitionKey ?? ''} ${id}`.trim(),
    },
    h('span', { class: 'usm-tree-name' }, instance.processDefinitionName || instance.processDefinitionKey || id),
    ' ',
    h('span', { class: stateClass(instance.state) }, instance.state ?? DASH),
    h('span', { class: 'usm-tree-times' },
      `${formatDateTime(instance.startTime)} → ${instance.endTime ? formatDateTime(instance.endTime) : 'running'}`));
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
      title: 'Open this running instance in Cockpit',
    }, 'Cockpit ↗') : null);
    button.addEventListener('click', () => onSelect(instance));
    list.appendChild(node);
  }
  return list;
}

export function renderTrail(entries, kind) {
  const rows = filterTrail(entries, kind).map((e) => h('tr', { 'data-testid': 'usm-trail-row', 'data-kind': e.kind ?? '' },
    h('td', { class: 'usm-nowrap' }, formatDateTime(e.occurredAt)),
    h('td', null, h('span', { class: `usm-kind usm-kind-${String(e.kind ?? '').toLowerCase()}` }, e.kind ?? DASH)),
    h('td', null, e.step ?? ''),
    h('td', { title: e.processInstanceId ?? '' }, e.processKey ?? ''),
    h('td', null, e.userId ?? ''),
    h('td', null, e.ruleId ?? ''),
    h('td', { class: 'usm-message' }, e.message ?? ''),
    h('td', { class: 'usm-data' }, dataPairs(e.data).map(([key, value]) => h('div', { class: 'usm-pair' },
      key ? h('span', { class: 'usm-key' }, `${key}: `) : null, h('span', null, value))))));
  return h('div', null,
    table('usm-trail-table', ['Time', 'Kind', 'Step', 'Process', 'User', 'Rule', 'Message', 'Data'], rows),
    rows.length ? null : h('p', { class: 'usm-empty', 'data-testid': 'usm-trail-empty' }, 'No entries.'));
}

export function callPage(view) {
  const { root } = view;
  root.classList.add('usm-page', 'usm-call-page');
  const route = parseRoute(location.hash);
  const tn = route.view === 'call' ? route.trackingNumber : null;

  root.appendChild(h('div', { class: 'usm-breadcrumb' }, h('a', { href: '#/usm/calls', 'data-testid': 'usm-back' }, '‹ Calls')));
  root.appendChild(h('h2', { class: 'usm-title' }, 'Call ', h('span', { 'data-testid': 'usm-call-title' }, tn ?? '?')));
  if (!tn) {
    root.appendChild(errorBox('No tracking number in the address.'));
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
  const treeSlot = h('div', { class: 'usm-tree-slot' }, loading());
  const diagramTitle = h('div', { class: 'usm-diagram-title', 'data-testid': 'usm-diagram-title' });
  const diagramStatus = h('div', { class: 'usm-diagram-status', 'data-testid': 'usm-diagram-status' });
  const diagramHost = h('div', { class: 'usm-diagram', 'data-testid': 'usm-diagram' });
  const trailSlot = h('div', null, loading());
  const kindSlot = h('span');

  root.appendChild(headerSlot);
  root.appendChild(stepsSlot);
  root.appendChild(h('section', { class: 'usm-section' },
    h('h3', null, 'Call tree and path taken'),
    h('div', { class: 'usm-tree-diagram' },
      h('div', { class: 'usm-tree-col' }, treeSlot),
      h('div', { class: 'usm-diagram-col' }, diagramTitle, diagramHost, diagramStatus,
        h('div', { class: 'usm-legend' },
          h('span', { class: 'usm-legend-taken' }, 'taken (badge: how often)'),
          h('span', { class: 'usm-legend-active' }, 'active now'))))));
  root.appendChild(h('section', { class: 'usm-section' },
    h('h3', null, 'Audit trail'),
    h('div', { class: 'usm-trail-tools' }, kindSlot,
      h('a', {
        href: callUrl(base, tn, '/audit?format=csv'), download: `${tn}-trail.csv`, class: 'btn btn-default btn-sm',
        'data-testid': 'usm-csv-link',
      }, 'Export CSV')),
    trailSlot));

  // header and open steps
  getJson(callUrl(base, tn)).then((call) => {
    if (!view.alive) return;
    fill(headerSlot, () => renderHeader(call ?? {}));
    fill(stepsSlot, () => renderOpenSteps(call ?? {}));
  }, (error) => {
    if (!view.alive) return;
    clear(headerSlot).appendChild(errorBox(messageOf(error)));
  });

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
        if (!body || typeof body.bpmn20Xml !== 'string') throw new Error(`No BPMN XML for ${definitionId}`);
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
    diagramStatus.textContent = 'Loading diagram…';
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
          ? `Not in this diagram: ${result.missing.join(', ')}` : '';
      }, (error) => {
        if (!view.alive || mine !== selection) return;
        logError(error);
        diagramHost.setAttribute('data-state', 'error');
        diagram.clear();
        diagramStatus.textContent = '';
        diagramStatus.appendChild(errorBox(`Diagram: ${messageOf(error)}`));
      });
  };

  getJson(callUrl(base, tn, '/instances')).then((instances) => {
    if (!view.alive) return;
    nodes = buildTree(instances);
    if (!nodes.length) {
      clear(treeSlot).appendChild(h('p', { class: 'usm-muted', 'data-testid': 'usm-call-tree' }, 'No process instances.'));
      return;
    }
    selectedId = initialInstanceId(nodes, null);
    fill(treeSlot, () => renderTree(nodes, selectedId, selectInstance));
    selectInstance(nodes.find((n) => n.instance.processInstanceId === selectedId).instance);
  }, (error) => {
    if (!view.alive) return;
    clear(treeSlot).appendChild(errorBox(messageOf(error)));
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
    clear(trailSlot).appendChild(errorBox(messageOf(error)));
  });
}

function kindFilter(entries, onChange) {
  const counts = new Map();
  for (const e of entries) counts.set(e?.kind, (counts.get(e?.kind) ?? 0) + 1);
  const options = [['', `all kinds (${entries.length})`],
    ...trailKinds(entries).map((k) => [k, `${k} (${counts.get(k) ?? 0})`])];
  const control = select('kind', options, '', 'usm-filter-kind');
  control.addEventListener('change', () => onChange(control.value));
  return h('label', { class: 'usm-field usm-field-inline' }, h('span', { class: 'usm-field-label' }, 'Kind'), control);
}
