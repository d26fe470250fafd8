// The life of one rendered view: whether it is still shown, what to undo when it goes, where the backend is.
import { apiUrls } from './util/route.js';
import { h, errorBox, messageOf, logError } from './dom.js';
import { t } from './texts.js';

export function createView(node, data) {
  const root = h('div', { class: 'usm-plugin' });
  const cleanups = [];
  const view = {
    node,
    root,
    data: data ?? {},
    alive: true,
    urls: apiUrls(typeof location !== 'undefined' ? location.pathname : ''),
    onDispose(fn) {
      cleanups.push(fn);
    },
    dispose() {
      if (!view.alive) return;
      view.alive = false;
      while (cleanups.length) {
        const fn = cleanups.pop();
        try {
          fn();
        } catch (error) {
          logError(error);
        }
      }
      if (root.parentNode) root.parentNode.removeChild(root);
    },
    /** Runs fn after the node is in the page (render gets a node that is not attached yet). */
    whenAttached(fn, tries = 100) {
      const step = (left) => {
        if (!view.alive) return;
        if (root.isConnected || left <= 0) {
          try {
            fn();
          } catch (error) {
            logError(error);
          }
          return;
        }
        setTimeout(() => step(left - 1), 30);
      };
      setTimeout(() => step(tries), 0);
    },
    /** Listens to hash changes while the view lives; a view whose node left the page disposes itself. */
    onHashChange(fn) {
      // Cockpit (ngRoute) re-renders a route plugin when the hash changes: give it the first go, and act only
      // if this view is still shown afterwards (a host that does not re-render).
      const listener = () => {
        setTimeout(() => {
          if (!view.alive) return;
          if (view.attachedOnce && !root.isConnected) {
            view.dispose();
            return;
          }
          try {
            fn();
          } catch (error) {
            logError(error);
          }
        }, 30);
      };
      window.addEventListener('hashchange', listener);
      view.onDispose(() => window.removeEventListener('hashchange', listener));
    },
    attachedOnce: false,
  };
  node.appendChild(root);
  view.whenAttached(() => {
    view.attachedOnce = root.isConnected;
  });
  return view;
}

/**
 * A plugin object whose render never throws: errors become a message in the node. One view per plugin at a
 * time: a new render or unmount disposes the previous one.
 */
export function plugin(definition, build) {
  let current = null;
  const self = {
    ...definition,
    render(node, data) {
      try {
        if (current) current.dispose();
        current = null;
        const view = createView(node, data);
        view.rerender = (n, d) => self.render(n, d);
        current = view;
        build(view);
      } catch (error) {
        logError(error);
        try {
          node.appendChild(errorBox(t('pluginFailed', messageOf(error))));
        } catch {
          // nothing left to show it in
        }
      }
    },
    unmount() {
      try {
        if (current) current.dispose();
      } catch (error) {
        logError(error);
      }
      current = null;
    },
  };
  return self;
}
