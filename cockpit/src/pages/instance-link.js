// Tasklist links each task to Cockpit's page of its process instance. Coordinators and operators may read
// their calls but not the engine's instances, and Cockpit CE has no page for an ended instance: whoever may
// read the call is taken to the call's page instead of an error. Anyone who may read the instance stays.
import { getJson, HttpError } from '../http.js';
import { apiUrls, instanceOfHash } from '../util/route.js';
import { logError } from '../dom.js';

let following = false;
// The call page an instance link led to, until the user acts there: Cockpit's own handling of the instance it
// could not show may send the page to its dashboard after the plugin already went to the call.
let ledTo = null;
// Where the page was opened: Cockpit sends a user who may not read an instance on to its dashboard, possibly
// before the plugin is drawn.
const openedAt = typeof location === 'undefined' ? '' : location.hash;

const isDashboard = (hash) => /^#!?\/dashboard/.test(hash);

/** Whether the user is still where the link led, or where Cockpit sent them from there. */
function stillThere(hash) {
  return location.hash === hash || isDashboard(location.hash);
}

async function follow(hash) {
  const id = instanceOfHash(hash);
  if (!id) return;
  const urls = apiUrls(location.pathname);
  try {
    await getJson(`${urls.engineApi}/process-instance/${encodeURIComponent(id)}`);
    return;
  } catch (error) {
    if (!(error instanceof HttpError) || (error.status !== 403 && error.status !== 404)) return;
  }
  try {
    const call = await getJson(`${urls.usm}/process-instances/${encodeURIComponent(id)}/call`);
    if (stillThere(hash)) {
      ledTo = `#/usm/calls/${encodeURIComponent(call.trackingNumber)}`;
      location.replace(ledTo);
    }
  } catch {
    // not a call this user may read: Cockpit's own answer stands
  }
}

/** Starts following instance links to calls, once per page load (called as Cockpit draws its header). */
export function followInstanceLinksToCalls() {
  if (following || typeof window === 'undefined') return;
  following = true;
  const acted = () => { ledTo = null; };
  window.addEventListener('pointerdown', acted, true);
  window.addEventListener('keydown', acted, true);
  window.addEventListener('hashchange', (event) => {
    const from = new URL(event.oldURL).hash;
    if (ledTo && from === ledTo && isDashboard(location.hash)) {
      location.replace(ledTo);
      return;
    }
    follow(instanceOfHash(from) && isDashboard(location.hash) ? from : location.hash).catch(logError);
  });
  follow(openedAt).catch(logError);
}
