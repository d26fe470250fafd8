// The call tree (a call's process instances) and the path marks of a diagram. Pure functions.

/**
 * Orders instances as a tree: `[{ instance, depth, parentId }]`, each instance followed by its called
 * instances (depth-first), siblings in the order the server gave. An instance whose super instance is not in
 * the list is a root (depth 0). Cycles and duplicates are cut: every instance appears once.
 */
export function buildTree(instances) {
  const list = (Array.isArray(instances) ? instances : []).filter((i) => i && i.processInstanceId);
  const byId = new Map();
  for (const instance of list) {
    if (!byId.has(instance.processInstanceId)) byId.set(instance.processInstanceId, instance);
  }
  const children = new Map();
  const roots = [];
  for (const instance of byId.values()) {
    const parent = instance.superProcessInstanceId;
    if (parent && parent !== instance.processInstanceId && byId.has(parent)) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(instance);
    } else {
      roots.push(instance);
    }
  }
  const result = [];
  const seen = new Set();
  const visit = (instance, depth, parentId) => {
    if (seen.has(instance.processInstanceId)) return;
    seen.add(instance.processInstanceId);
    result.push({ instance, depth, parentId });
    for (const child of children.get(instance.processInstanceId) ?? []) {
      visit(child, depth + 1, instance.processInstanceId);
    }
  };
  for (const root of roots) visit(root, 0, null);
  // instances only reachable through a cycle: show them as roots rather than drop them
  for (const instance of byId.values()) visit(instance, 0, null);
  return result;
}

/** The activity id a count belongs to in the diagram: a multi-instance body counts for its activity. */
export function diagramActivityId(activityId) {
  const text = String(activityId ?? '');
  const hash = text.indexOf('#');
  return hash < 0 ? text : text.slice(0, hash);
}

/**
 * Marks for a diagram: `{ counts: Map(id → count > 0), active: Set(id) }`. A count on "X#multiInstanceBody"
 * is used for X only when X has no count of its own.
 */
export function diagramMarks(activityCounts, activeActivityIds) {
  const own = new Map();
  const derived = new Map();
  for (const [id, count] of Object.entries(activityCounts ?? {})) {
    const n = Number(count);
    if (!Number.isFinite(n) || n <= 0) continue;
    const target = diagramActivityId(id);
    if (!target) continue;
    if (target === id) own.set(target, (own.get(target) ?? 0) + n);
    else derived.set(target, Math.max(derived.get(target) ?? 0, n));
  }
  const counts = new Map(own);
  for (const [id, n] of derived) if (!counts.has(id)) counts.set(id, n);
  const active = new Set();
  for (const id of Array.isArray(activeActivityIds) ? activeActivityIds : []) {
    const target = diagramActivityId(id);
    if (target) active.add(target);
  }
  return { counts, active };
}

/** Which instance a call page shows first: the given one if present, else the root. */
export function initialInstanceId(nodes, wanted) {
  if (wanted && nodes.some((n) => n.instance.processInstanceId === wanted)) return wanted;
  return nodes.length ? nodes[0].instance.processInstanceId : null;
}

/** Audit kinds known to the product, in the order of the docs; kinds present in a trail are added after. */
export const AUDIT_KINDS = ['REGISTERED', 'STEP_COMPLETED', 'DECISION', 'HANDOVER', 'RETURN', 'REROUTE', 'REFUSAL',
  'SLA_BREACH', 'ESCALATION', 'ASSIGNMENT', 'REGISTER', 'LINKED_CALL', 'INTERVENTION', 'CONFIRMATION', 'CLOSED'];

export function trailKinds(entries) {
  const kinds = [...AUDIT_KINDS];
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (entry?.kind && !kinds.includes(entry.kind)) kinds.push(entry.kind);
  }
  return kinds;
}

/** Trail entries of one kind ('' = all). */
export function filterTrail(entries, kind) {
  const list = Array.isArray(entries) ? entries : [];
  return kind ? list.filter((e) => e?.kind === kind) : list;
}
