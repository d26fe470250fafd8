// Dates in the language of the page (docs/operator-guide.md, "Languages"). Camunda gives moment.js the
// date names of every locale file it loads, the page's language and English, its fallback; each load also
// makes that locale moment's global one, so whichever file arrives last decides, and a Dutch page could show
// "in 3 days". This script, a custom script of every app (scripts/config.js), makes the page's language
// the global locale again after each load. The page's language is chosen as Camunda chooses it: the
// browser's first language if the app offers it, otherwise the app's fallback.

// Camunda's moment.js module in the webjar's bundle (camunda-webapp-webjar 7.24.0), reached through the
// bundle's module loader; a bundle of another version fails the check below and dates stay as Camunda shows
// them, which the browser test webapps-nl.test.mjs notices.
const MOMENT_MODULE = 98024;

function bundleModuleLoader() {
  let load;
  (self.webpackChunkcamunda_bpm_webapp ||= []).push([[Symbol('usm-date-language')], {}, (require) => {
    load = require;
  }]);
  return load;
}

function moment() {
  try {
    const candidate = bundleModuleLoader()(MOMENT_MODULE);
    return typeof candidate?.updateLocale === 'function' && typeof candidate.locale === 'function' ? candidate
      : null;
  } catch {
    return null;
  }
}

const base = document.querySelector('base');
const app = base.getAttribute('app-name');
const { default: config } = await import(`${base.getAttribute('app-root')}/app/${app}/scripts/config.js`);
const { availableLocales, fallbackLocale } = config.locales;
const browser = (navigator.languages?.[0] || navigator.language || '').split('-')[0].toLowerCase();
const language = availableLocales.includes(browser) ? browser : fallbackLocale;

const dates = moment();
if (dates) {
  for (const name of ['defineLocale', 'updateLocale']) {
    const camundas = dates[name];
    dates[name] = function (...args) {
      const result = camundas.apply(this, args);
      if (dates.locales().includes(language)) {
        dates.locale(language);
      }
      return result;
    };
  }
}
