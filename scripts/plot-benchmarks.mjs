// Draws the plots of docs/performance.md from the benchmarks' CSV output kept in docs/benchmarks/ (the
// benchmarks write target/benchmarks/*.csv; rows worth keeping are appended to docs/benchmarks/). Vega-Lite
// specifications rendered to SVG by Vega, without a browser. `--check` fails when a committed plot differs
// from what the committed CSV gives.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'docs', 'benchmarks');
const images = join(root, 'docs', 'images', 'performance');
const check = process.argv.includes('--check');

function rows(name) {
  const file = join(data, `${name}.csv`);
  return existsSync(file) ? vega.read(readFileSync(file, 'utf8'), { type: 'csv', parse: 'auto' }) : [];
}

/** The rows of the newest run: the last date and revision in the file. */
function newestRun(all) {
  if (all.length === 0) {
    return [];
  }
  const last = all[all.length - 1];
  return all.filter((row) => String(row.date) === String(last.date) && row.revision === last.revision);
}

/** The run a row belongs to, as the plots name it: date and revision. */
function run(row) {
  const date = row.date instanceof Date ? row.date.toISOString().slice(0, 10) : String(row.date);
  return `${date} ${row.revision}`;
}

const load = rows('http-load');
const overhead = rows('product-overhead').map((row) => ({ ...row, run: run(row) }));
const loadRun = newestRun(load);
const loadTitle = loadRun.length ? `${run(loadRun[0])}, ${loadRun[0].machine}` : '';

const plots = {
  'http-load-throughput': {
    title: { text: 'Completions per second over HTTP', subtitle: loadTitle },
    data: { values: loadRun },
    facet: { column: { field: 'mode', title: null } },
    spec: {
      width: 260, height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'clients', type: 'ordinal', title: 'concurrent clients', axis: { labelAngle: 0 } },
        y: { field: 'completions_per_s', type: 'quantitative', title: 'completions / s' },
        color: { field: 'database', type: 'nominal', title: null },
      },
    },
  },
  'http-load-latency': {
    title: { text: 'Completion latency over HTTP (median solid, 95th percentile dashed)', subtitle: loadTitle },
    data: { values: loadRun },
    transform: [{ fold: ['completion_median_ms', 'completion_p95_ms'], as: ['measure', 'ms'] }],
    facet: { column: { field: 'mode', title: null } },
    spec: {
      width: 260, height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'clients', type: 'ordinal', title: 'concurrent clients', axis: { labelAngle: 0 } },
        y: { field: 'ms', type: 'quantitative', title: 'ms' },
        color: { field: 'database', type: 'nominal', title: null },
        strokeDash: { field: 'measure', type: 'nominal', legend: null },
      },
    },
  },
  'product-overhead': {
    title: { text: 'A WF4 call driven to closed: the product against a plain engine (median of the rounds)',
      subtitle: 'H2 in memory, authorization on, history FULL; one bar pair per measured revision' },
    data: { values: overhead },
    width: { step: 60 }, height: 220,
    mark: 'bar',
    encoding: {
      x: { field: 'run', type: 'ordinal', title: null, sort: null, axis: { labelAngle: 0, labelLimit: 120 } },
      xOffset: { field: 'engine', type: 'nominal' },
      y: { aggregate: 'median', field: 'ms_per_call', type: 'quantitative', title: 'ms a call' },
      color: { field: 'engine', type: 'nominal', title: null },
    },
  },
  'statements-per-completion': {
    title: { text: 'SQL statements a task completion sends (batched rows counted)',
      subtitle: 'the product against a plain engine on the same models; one bar pair per measured revision' },
    data: { values: overhead },
    width: { step: 60 }, height: 220,
    mark: 'bar',
    encoding: {
      x: { field: 'run', type: 'ordinal', title: null, sort: null, axis: { labelAngle: 0, labelLimit: 120 } },
      xOffset: { field: 'engine', type: 'nominal' },
      y: { aggregate: 'max', field: 'statements_per_completion', type: 'quantitative', title: 'statements' },
      color: { field: 'engine', type: 'nominal', title: null },
    },
  },
};

mkdirSync(images, { recursive: true });
let stale = [];
for (const [name, spec] of Object.entries(plots)) {
  if (spec.data.values.length === 0) {
    continue;
  }
  const view = new vega.View(vega.parse(vegaLite.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font: 'sans-serif', background: 'white' }, ...spec }).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const file = join(images, `${name}.svg`);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== svg) {
      stale.push(file);
    }
  } else {
    writeFileSync(file, svg);
    console.log(`wrote ${file}`);
  }
}
if (stale.length) {
  console.error(`plots differ from docs/benchmarks/*.csv (run npm run plot:benchmarks): ${stale.join(', ')}`);
  process.exit(1);
}
