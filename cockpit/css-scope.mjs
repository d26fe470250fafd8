// Scopes a flat stylesheet (bpmn-js's) under a selector, so it styles only our diagram and not Cockpit's.

/** Splits a selector list at top-level commas (not inside (), [] or quotes). */
function splitSelectors(text) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** Prefixes every rule of a flat stylesheet (no at-rules) with a scope selector. */
export function scopeCss(css, scope, source) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) {
      if (text.slice(i).trim()) throw new Error(`${source}: unexpected text after the last rule`);
      break;
    }
    const selector = text.slice(i, open).trim();
    if (selector.startsWith('@')) throw new Error(`${source}: at-rule "${selector}" is not supported by the scoper`);
    // find the closing brace, skipping quoted strings
    let j = open + 1;
    let quote = null;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') throw new Error(`${source}: nested block in "${selector}"`);
      else if (c === '}') break;
    }
    if (j >= text.length) throw new Error(`${source}: unclosed rule "${selector}"`);
    const body = text.slice(open + 1, j);
    const scoped = splitSelectors(selector).map((s) => `${scope} ${s}`).join(',\n');
    out += `${scoped} {${body}}\n`;
    i = j + 1;
  }
  return out;
}
