// Bar charts with Chart.js, registering only what they use (tree-shaken). Registration happens on first use,
// never at module load, so a failure cannot break the plugin's import.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';

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
};

/**
 * A bar chart in a canvas: labels, datasets [{ label, data, color }], options { yMax, yTitle, percent, unit }
 * (unit: a suffix for the tooltip values, e.g. "min" or "h").
 * Returns the Chart (call destroy() when done).
 */
export function barChart(canvas, { labels, datasets, yMax, yTitle, percent = false, unit, legend = true }) {
  let tooltipLabel = null;
  if (percent) tooltipLabel = (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y}%`;
  else if (unit) tooltipLabel = (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y} ${unit}`;
  ensureRegistered();
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
        x: { ticks: { autoSkip: false, maxRotation: 45 } },
        y: {
          beginAtZero: true,
          max: yMax,
          title: { display: Boolean(yTitle), text: yTitle ?? '' },
          ticks: percent ? { callback: (value) => `${value}%` } : { precision: 0 },
        },
      },
    },
  });
}
