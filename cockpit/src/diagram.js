// A read-only BPMN diagram (bpmn-js NavigatedViewer) with the path taken marked: every activity with a count
// gets the marker usm-taken and a badge with its count, active activities the marker usm-active.
// The bpmn.io watermark that bpmn-js adds stays visible (its licence requires it).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { h } from './dom.js';
import { t } from './texts.js';

export function createDiagram(container) {
  let viewer = null;
  let generation = 0;

  const ensureViewer = () => {
    if (!viewer) viewer = new NavigatedViewer({ container, width: '100%', height: '100%' });
    return viewer;
  };

  const fit = (tries = 60) => {
    const mine = generation;
    const step = (left) => {
      if (!viewer || mine !== generation) return;
      if ((container.isConnected && container.clientWidth > 0 && container.clientHeight > 0) || left <= 0) {
        try {
          const canvas = viewer.get('canvas');
          canvas.resized();
          const scale = canvas.zoom('fit-viewport', 'auto');
          // a little margin, so labels at the edges are not cut
          if (Number.isFinite(scale) && scale > 0) canvas.zoom(scale * 0.94);
        } catch {
          // an empty diagram has nothing to fit
        }
        return;
      }
      setTimeout(() => step(left - 1), 50);
    };
    // wait a tick: the node may not be in the page yet
    setTimeout(() => step(tries), 0);
  };

  return {
    /**
     * Imports the XML and marks it. marks = { counts: Map(id → n), active: Set(id) }.
     * Resolves to { marked, missing } (ids not found in the diagram), or null if a newer show() won.
     */
    async show(xml, marks) {
      const mine = ++generation;
      const bpmn = ensureViewer();
      const result = await bpmn.importXML(xml);
      if (mine !== generation) return null;
      const canvas = bpmn.get('canvas');
      const registry = bpmn.get('elementRegistry');
      const overlays = bpmn.get('overlays');
      const marked = [];
      const missing = [];
      for (const [id, count] of marks?.counts ?? []) {
        const element = registry.get(id);
        if (!element || element.waypoints) {
          missing.push(id);
          continue;
        }
        canvas.addMarker(id, 'usm-taken');
        overlays.add(id, 'usm-count', {
          position: { bottom: 0, right: 0 },
          html: h('div', {
            class: 'usm-count', 'data-testid': 'usm-diagram-count', 'data-element-id': id,
            title: t('call.takenTimes', id, count),
          }, String(count)),
        });
        marked.push(id);
      }
      for (const id of marks?.active ?? []) {
        const element = registry.get(id);
        if (!element || element.waypoints) {
          if (!missing.includes(id)) missing.push(id);
          continue;
        }
        canvas.addMarker(id, 'usm-active');
      }
      fit();
      return { marked, missing, warnings: result?.warnings ?? [] };
    },
    clear() {
      generation++;
      if (viewer) viewer.clear();
    },
    destroy() {
      generation++;
      if (viewer) {
        try {
          viewer.destroy();
        } finally {
          viewer = null;
        }
      }
    },
    fit,
  };
}
