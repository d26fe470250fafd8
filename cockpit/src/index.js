// USM Cockpit plugin (id "usm"): the Calls, Chain and Service report pages, one call's page, a "USM call" tab on process
// instances, and the Services pages for process designers. The Calls, Chain and tab pages only send GET
// requests, but for an administrator's "Send again now" on a call's page (a POST); the Services pages also
// POST, PUT and DELETE. Every request that is not a read carries the CSRF token. Built into
// src/main/resources/plugin-webapp/usm/app/ by cockpit/build.mjs. Nothing here runs at import time except
// defining the plugin objects: every render catches its own errors, so a failure shows as a message and never
// hangs Cockpit. The Calls entry of the header also takes a user who may read a call but not its process
// instance from Cockpit's instance page (where Tasklist links each task) to the call's page.
import { plugin } from './view.js';
import { callsPage } from './pages/calls.js';
import { callPage } from './pages/call.js';
import { chainPage } from './pages/chain.js';
import { reportPage } from './pages/report.js';
import { callTab } from './pages/tab.js';
import { servicesPage, servicePage } from './pages/services.js';
import { followInstanceLinksToCalls } from './pages/instance-link.js';
import { t } from './texts.js';

function navigation(id, name, path, priority, onRender = () => {}) {
  return {
    id,
    pluginPoint: 'cockpit.navigation',
    priority,
    properties: { path },
    render(node) {
      try {
        const link = document.createElement('a');
        link.setAttribute('href', '#' + path);
        link.setAttribute('data-testid', `usm-nav-${name}`);
        link.textContent = t(`nav.${name}`);
        node.appendChild(link);
        onRender();
      } catch {
        // nothing to draw into
      }
    },
  };
}

export default [
  // The header is drawn on every page: there Tasklist's links to process instances are followed to calls.
  navigation('usm.navigation.calls', 'calls', '/usm/calls', 15, followInstanceLinksToCalls),
  navigation('usm.navigation.chain', 'chain', '/usm/chain', 14),
  navigation('usm.navigation.report', 'report', '/usm/report', 14),
  navigation('usm.navigation.services', 'services', '/usm/services', 13),
  plugin({ id: 'usm.route.calls', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/usm/calls' } }, callsPage),
  plugin({
    id: 'usm.route.call', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/usm/calls/:trackingNumber' },
  }, callPage),
  plugin({ id: 'usm.route.chain', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/usm/chain' } }, chainPage),
  plugin({ id: 'usm.route.report', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/usm/report' } }, reportPage),
  plugin({
    id: 'usm.route.services', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/usm/services' },
  }, servicesPage),
  // one service, and the editor of a new one (#/usm/services/new)
  plugin({
    id: 'usm.route.service', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/usm/services/:serviceId' },
  }, servicePage),
  plugin({
    id: 'usm.processInstance.tab', pluginPoint: 'cockpit.processInstance.runtime.tab', priority: 5,
    properties: { label: t('tab.label') },
  }, callTab),
];
