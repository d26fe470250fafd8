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
  return all.filter((row) => run(row) === run(last));
}

/** The run a row belongs to, as the plots name it: date and revision. */
function run(row) {
  // CSV parsing reads the date as a point in time (UTC midnight).
  const date = typeof row.date === 'string' ? row.date : new Date(row.date).toISOString().slice(0, 10);
  return `${date} ${row.revision}`;
}

const load = rows('http-load');
const overhead = rows('product-overhead').map((row) => ({ ...row, run: run(row) }));
const tasklist = rows('tasklist-scale').map((row) => ({ ...row, run: run(row) }));
const loadRun = newestRun(load);
const loadTitle = loadRun.length ? `${run(loadRun[0])}, ${loadRun[0].machine}` : '';

/** A line per database over the client counts, a panel per way of working (own calls, shared calls). */
function loadPlot(text, y, extra = {}) {
  return {
    title: { text, subtitle: loadTitle },
    data: { values: loadRun },
    transform: extra.transform ?? [],
    facet: { column: { field: 'mode', title: null } },
    spec: {
      width: 260, height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'clients', type: 'ordinal', title: 'concurrent clients', axis: { labelAngle: 0 } },
        y,
        color: { field: 'database', type: 'nominal', title: null },
        ...extra.encoding,
      },
    },
  };
}

/** A bar pair (product, plain engine) per measured revision. */
function overheadPlot(text, subtitle, y) {
  return {
    title: { text, subtitle },
    data: { values: overhead },
    width: { step: 90 }, height: 220,
    mark: 'bar',
    encoding: {
      x: { field: 'run', type: 'ordinal', title: null, sort: null,
        axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')" } },
      xOffset: { field: 'engine', type: 'nominal' },
      y,
      color: { field: 'engine', type: 'nominal', title: null },
    },
  };
}

const plots = {
  'tasklist-scale': {
    title: { text: "Tasklist's filter and a completion with N open calls (95th percentile)",
      subtitle: 'PostgreSQL, over HTTP as the coordinator; a panel per measured revision' },
    data: { values: tasklist },
    facet: { column: { field: 'run', type: 'ordinal', title: null, sort: null } },
    spec: {
      width: 220, height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'N', type: 'ordinal', title: 'open calls', axis: { labelAngle: 0, format: ',' } },
        y: { field: 'p95_ms', type: 'quantitative', title: 'ms (log scale)', scale: { type: 'log' } },
        color: { field: 'read', type: 'nominal', title: null },
      },
    },
  },
  'http-load-throughput': loadPlot('Completions per second over HTTP',
    { field: 'completions_per_s', type: 'quantitative', title: 'completions / s' }),
  'http-load-latency': loadPlot('Completion latency over HTTP (median solid, 95th percentile dashed)',
    { field: 'ms', type: 'quantitative', title: 'ms' }, {
      transform: [{ fold: ['completion_median_ms', 'completion_p95_ms'], as: ['measure', 'ms'] }],
      encoding: { strokeDash: { field: 'measure', type: 'nominal', legend: null } },
    }),
  'product-overhead': overheadPlot('A WF4 call driven to closed: the product against a plain engine',
    'median of the rounds; H2 in memory, authorization on, history FULL',
    { aggregate: 'median', field: 'ms_per_call', type: 'quantitative', title: 'ms a call' }),
  'statements-per-completion': overheadPlot('SQL statements a task completion sends (batched rows counted)',
    'the product against a plain engine on the same models',
    { aggregate: 'max', field: 'statements_per_completion', type: 'quantitative', title: 'statements' }),
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
