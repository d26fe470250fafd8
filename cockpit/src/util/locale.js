// The language of the product's pages (DESIGN §14): Dutch where the browser asks for Dutch, English otherwise,
// as the Camunda webapps around them decide. Dates and numbers follow it, in one format for every page.

export const LANGUAGES = ['nl', 'en'];

const LOCALES = { nl: 'nl-NL', en: 'en-GB' };

/** 'nl' when the browser's first preferred language that the product speaks is Dutch, else 'en'. */
export function language(preferred = globalThis.navigator?.languages ?? []) {
  for (const tag of preferred) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) return primary;
  }
  return 'en';
}

/** The text of a { nl, en } pair in the page's language; English where no Dutch is given. */
export function pick(texts, lang = language()) {
  return texts[lang] ?? texts.en;
}

/** A date and time: "5 dec 2026 09:30" in Dutch, "5 Dec 2026, 09:30" in English; null as null. */
export function dateTime(iso, lang = language()) {
  const date = toDate(iso);
  return date && new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A date: "5 dec 2026" in Dutch, "5 Dec 2026" in English; null as null. */
export function dateOnly(iso, lang = language()) {
  const date = toDate(iso);
  return date && new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' }).format(date);
}

/** A number with the language's separators: 1.234,5 in Dutch, 1,234.5 in English. */
export function number(value, lang = language(), fractionDigits = 1) {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits }).format(value);
}

/** The call priority P1–P4 of a Camunda task priority (100, 75, 50, 25), as the product sets it. */
export function priorityOfTask(taskPriority) {
  const byTaskPriority = { 100: 'P1', 75: 'P2', 50: 'P3', 25: 'P4' };
  return byTaskPriority[taskPriority] ?? String(taskPriority);
}

function toDate(iso) {
  if (iso === null || iso === undefined || iso === '') return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
