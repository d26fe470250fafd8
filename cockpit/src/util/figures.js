// The chain figures as the owner reads them (DESIGN §13): the watermelon view's bars and the teams the book
// warns about (l.487–511). Pure functions: no DOM, no globals.
import { DASH } from './format.js';
import { t } from '../texts.js';

/** The teams of a row as bars beside the chain's: label, queue and work (minutes), marked when green beside red. */
export function watermelonBars(row) {
  const bars = [{ label: t('report.customerBar'), chain: row.fulfilmentLeadTimeMedianMinutes }];
  for (const team of row.teams ?? []) {
    bars.push({
      label: `${team.group ?? DASH} · ${team.step}`,
      queue: team.queueTimeMedianMinutes,
      work: team.workTimeMedianMinutes,
      marked: Boolean(team.greenWhileChainRed),
    });
  }
  return bars;
}

/** The teams the book warns about: quick on their own terms while the chain misses its SLA. */
export function greenWhileChainRed(rows) {
  return rows.flatMap((row) => (row.teams ?? []).filter((t) => t.greenWhileChainRed)
    .map((t) => `${t.group} (${t.step}, ${row.pattern})`));
}

