// The "USM call" tab of a running process instance: finds the call's tracking number (the business key, of
// this instance or of the instance that called it) and links to the call's page.
import { h, clear, errorBox, failureBox, loading } from '../dom.js';
import { t } from '../texts.js';
import { getJson } from '../http.js';
import { callHash } from '../util/route.js';

const MAX_LEVELS = 10;

async function businessKeyOf(engineApi, id) {
  let current = id;
  for (let level = 0; level < MAX_LEVELS && current; level++) {
    const instance = await getJson(`${engineApi}/process-instance/${encodeURIComponent(current)}`);
    if (instance && instance.businessKey) return { businessKey: instance.businessKey, via: current };
    // a called instance without a business key: ask for the instance that called it
    const parents = await getJson(`${engineApi}/process-instance?subProcessInstance=${encodeURIComponent(current)}&maxResults=1`);
    current = Array.isArray(parents) && parents.length ? parents[0].id : null;
  }
  return null;
}

export function callTab(view) {
  const { root, data } = view;
  root.classList.add('usm-tab');
  const box = h('div', { 'data-testid': 'usm-call-tab' }, loading());
  root.appendChild(box);
  const id = data.processInstanceId;
  if (!id) {
    clear(box).appendChild(errorBox(t('tab.noInstance')));
    return;
  }
  businessKeyOf(view.urls.engineApi, id).then((found) => {
    if (!view.alive) return;
    clear(box);
    if (!found) {
      box.appendChild(h('p', { class: 'usm-muted' }, t('tab.noCall')));
      return;
    }
    box.appendChild(h('p', null,
      h('a', { href: callHash(found.businessKey), 'data-testid': 'usm-call-link' },
        t('tab.openCall', found.businessKey))));
    if (found.via !== id) {
      box.appendChild(h('p', { class: 'usm-muted' }, t('tab.via', found.via)));
    }
  }, (error) => {
    if (!view.alive) return;
    clear(box).appendChild(failureBox(error));
  });
}
