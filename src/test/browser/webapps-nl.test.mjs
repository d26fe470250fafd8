// The Camunda webapps in the browser's language (docs/operator-guide.md, "Languages"): a Dutch browser sees
// Tasklist, Cockpit, Admin and Welcome in Dutch, dates included, an English browser in English; neither sees
// Camunda's migration banner or a gap where it was; Tasklist sorts by due date, earliest first, and shows its
// notifications away from the Complete button. The demo's month of calls gives Tasklist its tasks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appShown, base, launch, sessions, shot } from './support.mjs';

let browser;
let dutch;
let english;

before(async () => {
  browser = await launch();
  dutch = sessions(browser, { locale: 'nl-NL' });
  english = sessions(browser, { locale: 'en-US' });
});

after(async () => {
  await browser?.close();
});

/** Opens an app in the logged-in browser of the page (the login holds for every app). */
async function open(page, app) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  await appShown(page);
}

/** The banner is not shown, and the page starts right under the header. */
async function noBanner(page, app) {
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, `${app}: no Camunda 8 banner`);
  const header = await page.locator('[cam-widget-header]').boundingBox();
  const top = await page.evaluate(() => parseFloat(getComputedStyle(document.body).paddingTop));
  assert.ok(Math.abs(header.y + header.height - top) <= 2, `${app}: the page starts under the header (${
    header.y + header.height} px), not at ${top} px`);
}

async function sees(page, texts) {
  for (const text of texts) {
    await page.getByText(text, { exact: true }).first().waitFor({ timeout: 20000 });
  }
}

const LANGUAGES = [
  {
    name: 'Dutch', a: 'a', browser: () => dutch, suffix: 'nl',
    tasklist: ['Vervaldatum', 'Kies een taak in de lijst.'], relative: /\d+ (dagen|uur|minuten) geleden|over /,
    cockpit: ['Processen', 'Beslissingen', 'Gebruikerstaken'],
    admin: ['Gebruikers', 'Groepen', 'Autorisaties'],
    welcome: ['Applicaties', 'Profiel'],
  },
  {
    name: 'English', a: 'an', browser: () => english, suffix: 'en',
    tasklist: ['Due date', 'Select a task in the list.'], relative: /\d+ (days|hours|minutes) ago|in /,
    cockpit: ['Processes', 'Decisions', 'Human Tasks'],
    admin: ['Users', 'Groups', 'Authorizations'],
    welcome: ['Applications', 'Profile'],
  },
];

for (const language of LANGUAGES) {
  test(`${language.a} ${language.name} browser sees Tasklist in ${language.name}, sorted by due date, dates included`,
    async () => {
      const page = await language.browser()('coordinator', 'tasklist');
      await open(page, 'tasklist');
      await sees(page, language.tasklist);
      const sorting = new URL(page.url().replace('#/', '')).searchParams.get('sorting');
      assert.deepEqual(JSON.parse(sorting), [{ sortBy: 'dueDate', sortOrder: 'asc' }],
        'the list is sorted by due date, earliest first, as the sort control says');
      const due = await page.locator('.tasks-list .task').first().innerText();
      assert.match(due, language.relative, `dates in ${language.name}: ${due}`);
      await noBanner(page, 'tasklist');
      const notifications = await page.locator('.page-notifications')
        .evaluate((panel) => panel.getBoundingClientRect().left);
      assert.ok(notifications < 100, `notifications open on the left, away from the Complete button (${
        notifications} px)`);
      await shot(page, `webapps-nl-tasklist-${language.suffix}`);
    });

  test(`${language.a} ${language.name} browser sees Cockpit in ${language.name}`, async () => {
    const page = await language.browser()('coordinator', 'tasklist');
    await open(page, 'cockpit');
    await sees(page, language.cockpit);
    await noBanner(page, 'cockpit');
    await shot(page, `webapps-nl-cockpit-${language.suffix}`);
  });

  test(`${language.a} ${language.name} browser sees Admin and Welcome in ${language.name}`, async () => {
    const page = await language.browser()('admin', 'admin');
    await sees(page, language.admin);
    await noBanner(page, 'admin');
    await shot(page, `webapps-nl-admin-${language.suffix}`);
    await open(page, 'welcome');
    await sees(page, language.welcome);
    await noBanner(page, 'welcome');
  });
}
