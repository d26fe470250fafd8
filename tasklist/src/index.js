// USM Tasklist plugin (id "usm"): the service desk page (DESIGN §14), "Register a call" and "My calls", opened from
// two entries in Tasklist's header and drawn over Tasklist while the hash carries usm=new or usm=mine. It also
// hides Tasklist's "Start process" and "Create task" for the product's users (not for administrators). Built into
// src/main/resources/plugin-webapp/usm-tasklist/app/ by cockpit/build.mjs. Every render catches its own errors,
// so a failure never breaks Tasklist.
import { pick } from '../../cockpit/src/util/locale.js';
import { logError } from '../../cockpit/src/dom.js';
import { TEXTS } from './texts.js';
import { withPage } from './desk.js';
import { follow, markProductUser, rememberToken } from './page.js';

let started = false;

/** Once per page: the body's class for the product's users, and the panel following the hash. */
function start() {
  if (started) return;
  started = true;
  markProductUser();
  window.addEventListener('hashchange', follow);
  follow();
}

function entry(id, page, key, priority) {
  return {
    id,
    pluginPoint: 'tasklist.navbar.action',
    priority,
    render(node, data) {
      try {
        rememberToken(data);
        const link = document.createElement('a');
        link.setAttribute('href', withPage(location.hash, page));
        link.setAttribute('data-testid', `usm-nav-${page}`);
        link.textContent = pick(TEXTS[key]);
        // Tasklist's hash changes as the user works: the link opens the page from wherever they are.
        link.addEventListener('click', (event) => {
          event.preventDefault();
          location.hash = withPage(location.hash, page);
        });
        node.appendChild(link);
        start();
      } catch (error) {
        logError(error);
      }
    },
  };
}

export default [
  entry('usm-desk-new', 'new', 'newCall', 210),
  entry('usm-desk-mine', 'mine', 'myCalls', 200),
];
