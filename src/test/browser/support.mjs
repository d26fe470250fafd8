// What the browser tests share: Debian's Chromium with the arguments the closed network needs, logged-in
// pages of the webapps per demo user, reads over the REST APIs, and screenshots. BrowserTest (JUnit)
// passes USM_BASE_URL, USM_CHROMIUM and USM_SCREENSHOTS.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const base = process.env.USM_BASE_URL;
const shots = process.env.USM_SCREENSHOTS;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: process.env.USM_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Logged-in pages of the webapps, one per demo user and app (every demo password is the user id), in a
 * browser that asks for `locale` (Camunda's webapps and the plugin pages follow it: `nl-NL` for Dutch).
 */
export function sessions(browser, { locale = 'en-US' } = {}) {
  const pages = {};
  return async function session(user, app) {
    const key = `${user}:${app}`;
    if (!pages[key]) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true,
        locale });
      const page = await context.newPage();
      // A script error in a webapp shows as a page that never renders: the log says which.
      page.on('pageerror', (error) => console.error(`${user} in ${app} (${locale}): ${error.stack ?? error}`));
      watch(page);
      pages[key] = await logIn(page, user, app);
    }
    return pages[key];
  };
}

const watched = new WeakMap();

/** Keeps what a page's scripts said and which of its requests failed or are still open, for `appShown`. */
function watch(page) {
  const seen = { said: [], failed: [], open: new Set() };
  watched.set(page, seen);
  const keep = (list, text) => list.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) {
      keep(seen.said, `${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => keep(seen.said, `uncaught: ${error.message}`));
  page.on('request', (request) => seen.open.add(request));
  page.on('requestfinished', (request) => seen.open.delete(request));
  page.on('requestfailed', (request) => {
    seen.open.delete(request);
    keep(seen.failed, `${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      seen.open.clear();
    }
  });
}

/**
 * Waits until the Camunda webapp in the page has started (its header shows once AngularJS has compiled the
 * page). A webapp that does not start is loaded once more, and what its page said and what it was still
 * waiting for goes to the log (once, on CI, Tasklist stayed unstarted after a login: issue 20's note); a
 * webapp that does not start the second time either fails the test with the same account.
 */
export async function appShown(page, timeout = 30000) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('[cam-widget-header]').waitFor({ timeout });
      return;
    } catch (error) {
      const seen = watched.get(page) ?? { said: [], failed: [], open: new Set() };
      const account = `the webapp at ${page.url()} did not start within ${timeout} ms; its scripts said: ${
        JSON.stringify(seen.said.slice(-20))}; failed requests: ${JSON.stringify(seen.failed.slice(-20))}; still open: ${
        JSON.stringify([...seen.open].map((request) => request.url()))}`;
      if (attempt === 2) {
        throw new Error(account, { cause: error });
      }
      console.error(`WARNING (loaded again): ${account}`);
      await page.reload();
    }
  }
}

/**
 * Logs the user in to the webapp. A loaded machine (the whole suite, the demo history being written) can
 * show the login form before the webapp listens to it, so that a filled form sends no credentials: then
 * the form is still there after the click, and the login is tried again.
 */
async function logIn(page, user, app) {
  const name = { auditor: 'Auditor (demo)', admin: 'Demo Administrator' }[user] ?? /\(demo\)/;
  const loggedIn = page.getByText(name).first();
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${base}/camunda/app/${app}/default/`);
    // The login form in English or Dutch, as the browser's language chooses.
    const username = page.getByPlaceholder(/^(Username|Gebruikersnaam)$/);
    await username.waitFor({ timeout: 60000 });
    await username.fill(user);
    await page.getByPlaceholder(/^(Password|Wachtwoord)$/).fill(user);
    await page.getByRole('button', { name: /^(Log in|Inloggen)$/ }).click();
    try {
      await loggedIn.waitFor({ timeout: 45000 });
      return page;
    } catch (error) {
      if (attempt === 3) {
        const text = (await page.locator('body').innerText()).slice(0, 500);
        throw new Error(`${user} not logged in to ${app} after 3 attempts; page ${page.url()} shows: ${text}`,
          { cause: error });
      }
    }
  }
}

function basic(user) {
  return { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') };
}

/** GET on the engine's REST API as the user; asserts 200. */
export async function rest(user, path) {
  const response = await fetch(`${base}/engine-rest${path}`, { headers: basic(user) });
  assert.equal(response.status, 200, `GET ${path} as ${user}`);
  return response.json();
}

/** GET on the product's API as the user; asserts 200. */
export async function api(user, path) {
  const response = await fetch(`${base}/api${path}`, { headers: basic(user) });
  assert.equal(response.status, 200, `GET /api${path} as ${user}`);
  return response.json();
}

export async function shot(page, name) {
  await page.screenshot({ path: `${shots}/${name}.png` });
}

/** Types into a form field; form-js takes typed text in after a short debounce, flushed on leaving the field. */
export async function type(page, label, text) {
  await page.getByLabel(label).fill(text);
  await page.getByLabel(label).blur();
  await page.waitForTimeout(400);
}

/** Working steps in Tasklist as the demo users, with the logged-in pages of `session`. */
export function tasklist(session) {
  async function taskId(user, trackingNumber, step) {
    const tasks = await rest(user, `/task?processInstanceBusinessKey=${trackingNumber}&taskDefinitionKey=${step}`);
    assert.equal(tasks.length, 1, `${user} sees the task ${step} of ${trackingNumber}`);
    return tasks[0].id;
  }

  /** Opens the step's task in Tasklist and claims it; returns the page and the task's id. */
  async function open(user, trackingNumber, step) {
    const page = await session(user, 'tasklist');
    const id = await taskId(user, trackingNumber, step);
    await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${id}`);
    const code = step.substring(0, step.indexOf('_'));
    await page.locator('h2.task').filter({ hasText: new RegExp(`^${code} .* · ${trackingNumber} · `) }).waitFor();
    await page.locator('.fjs-form').waitFor();
    const claim = page.locator('button.claim');
    if (await claim.isVisible()) {
      await claim.click();
      await claim.waitFor({ state: 'detached' });
    }
    return { page, id };
  }

  /** Opens the task, lets `fill` fill the form, completes it; returns the page and the response. */
  async function work(user, trackingNumber, step, fill = async () => {}, screenshot) {
    const { page, id } = await open(user, trackingNumber, step);
    await fill(page);
    if (screenshot) {
      await shot(page, screenshot);
    }
    const submitted = page.waitForResponse((r) => r.url().includes(`/task/${id}/submit-form`), { timeout: 15000 });
    await page.getByRole('button', { name: /^(Complete|Afronden)$/ }).click();
    return { page, response: await submitted };
  }

  async function completes(user, trackingNumber, step, fill, screenshot) {
    const { response } = await work(user, trackingNumber, step, fill, screenshot);
    assert.equal(response.status(), 204, `${user} completes ${step}: ${await response.text()}`);
  }

  return { open, work, completes };
}
