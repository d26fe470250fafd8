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
  median: '#4e79a7',
  p90: '#a0cbe8',
  sla: '#59a14f',
  refusals: '#e15759',
};

/**
 * A bar chart in a canvas: labels, datasets [{ label, data, color }], options { yMax, yTitle, percent }.
 * Returns the Chart (call destroy() when done).
 */
export function barChart(canvas, { labels, datasets, yMax, yTitle, percent = false, legend = true }) {
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
          callbacks: percent ? { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y}%` } : {},
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
