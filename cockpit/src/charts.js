// Bar charts with Chart.js, registering only what they use (tree-shaken). Registration happens on first use,
// never at module load, so a failure cannot break the plugin's import.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { h, errorBox, messageOf } from './dom.js';
import { t } from './texts.js';
import { language } from './util/locale.js';

let registered = false;

function ensureRegistered() {
  if (!registered) {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    registered = true;
  }
}

export const COLORS = {
  stepTime: '#59a14f',
  median: '#4e79a7',
  p90: '#a0cbe8',
  sla: '#59a14f',
  refusals: '#e15759',
  queue: '#f28e2b',
  work: '#59a14f',
  chain: '#4e79a7',
};

/**
 * A bar chart in a canvas: labels, datasets [{ label, data, color }], options { yMax, yTitle, percent, unit }
 * (unit: a suffix for the tooltip values, e.g. "min" or "h"); `horizontal` lays the bars along the x axis,
 * `stacked` piles the datasets of a label onto one bar.
 * Returns the Chart (call destroy() when done).
 */
export function barChart(canvas, {
  labels, datasets, yMax, yTitle, percent = false, unit, legend = true, horizontal = false, stacked = false,
}) {
  let tooltipLabel = null;
  // formattedValue: the value as the chart's locale writes it
  if (percent) tooltipLabel = (ctx) => `${ctx.dataset.label}: ${ctx.formattedValue}%`;
  else if (unit) tooltipLabel = (ctx) => `${ctx.dataset.label}: ${ctx.formattedValue} ${unit}`;
  ensureRegistered();
  const valueAxis = horizontal ? 'x' : 'y';
  const labelAxis = horizontal ? 'y' : 'x';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: datasets.map((d) => ({
        label: d.label,
        data: d.data,
        backgroundColor: d.color,
        borderColor: d.color,
        borderWidth: 1,
      })),
    },
    options: {
      // numbers on the axes and in the tooltips in the page's language (a decimal comma in Dutch)
      locale: language() === 'nl' ? 'nl-NL' : 'en-GB',
      indexAxis: labelAxis,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: legend },
        tooltip: {
          callbacks: tooltipLabel ? { label: tooltipLabel } : {},
        },
      },
      scales: {
        [labelAxis]: { stacked, ticks: { autoSkip: false, maxRotation: 45 } },
        [valueAxis]: {
          stacked,
          beginAtZero: true,
          max: yMax,
          title: { display: Boolean(yTitle), text: yTitle ?? '' },
          ticks: percent ? { callback: (value) => `${value}%` } : { precision: 0 },
        },
      },
    },
  });
}

/** A captioned figure with the canvas a chart is drawn in: `{ box, canvas }`; `height` in pixels, else the CSS's. */
export function chartBox(title, testid, { wide = false, height } = {}) {
  const canvas = h('canvas', { 'data-testid': testid, role: 'img', 'aria-label': title });
  const box = h('figure', { class: 'usm-chart' + (wide ? ' usm-chart-wide' : '') },
    h('figcaption', null, title),
    h('div', { class: 'usm-chart-canvas', style: height ? `height:${height}px` : null }, canvas));
  return { box, canvas };
}

/** Draws a chart into its box with `build`, adding it to `made`; a chart that fails shows its error in its box. */
export function drawInto(box, build, made) {
  try {
    made.push(build());
  } catch (error) {
    box.box.appendChild(errorBox(t('chart.failed', messageOf(error))));
  }
}
