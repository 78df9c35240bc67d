import type { CountingMethod } from '@arena/contract';
import { renderMarkdown, renderText, type Table } from '../format.ts';
import type { DiffRow } from '../diff/compare.ts';
import type { DiffFormat } from '../diff/render.ts';
import { SPREAD_FACTOR, SPREAD_LIMIT_PCT, type CountChange, type CountRow } from './judge.ts';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)} %`;
const mega = (n: number) => (n / 1e6).toFixed(n >= 1e9 ? 0 : 2);

const CHANGE_CELL: Record<Exclude<CountRow['change'], 'counted'>, string> = {
  'not-countable': 'not countable',
  'now-failing': 'now failing',
  fixed: 'fixed',
  'still-failing': 'still failing',
  gone: 'gone',
  new: 'new',
};

/** The Δ cell of a figure: the change when it is beyond the rule, `~` within it (its Δ in brackets). */
const deltaCell = (c: CountChange | null) => (c === null ? '' : c.changed ? `${pct(c.deltaPct)}${c.flagged ? ' ▲' : ''}` : `~ (${pct(c.deltaPct)})`);

/** What the time compare says of the same result: its change when significant, ~ when not, empty when not compared. */
function timeCell(t: DiffRow | undefined): string {
  if (t?.change !== 'compared' || t.deltaPct === null) return '';
  return t.significant ? `${t.deltaPct >= 0 ? '+' : ''}${t.deltaPct.toFixed(1)} %` : '~';
}

/**
 * Whether instructions and time disagree on a result: one sees a change the other does not, or they
 * see it in opposite directions. Null when either has nothing to say.
 */
export function disagree(r: CountRow, t: DiffRow | undefined): boolean | null {
  if (r.change !== 'counted' || !t || t.change !== 'compared' || t.deltaPct === null || !r.whole) return null;
  const counted = [r.whole, r.kernel].filter((c): c is CountChange => c?.changed === true);
  const countSign = counted.length ? Math.sign(counted[0]!.deltaPct) : 0;
  const timeSign = t.significant ? Math.sign(t.deltaPct) : 0;
  return countSign !== timeSign;
}

/** The counts as a table; with `time` (a `--metric both` compare) a column for the timed change and a disagreement mark. */
export function countTable(rows: readonly CountRow[], time?: readonly DiffRow[]): Table {
  const body = rows.map((r) => {
    // By label: a diff row's key is its own (diff/key.ts), a count's the target's; both label alike.
    const t = time?.find((x) => x.label === r.label);
    const figures =
      r.change === 'counted' && r.whole
        ? [
            `${mega(r.whole.a)} → ${mega(r.whole.b)}`,
            deltaCell(r.whole),
            r.whole.spreadPct.toFixed(3),
            r.kernel ? `${mega(r.kernel.a)} → ${mega(r.kernel.b)}` : '–',
            r.kernel ? deltaCell(r.kernel) : 'not seen',
            r.kernel ? r.kernel.spreadPct.toFixed(3) : '',
          ]
        : [CHANGE_CELL[r.change as Exclude<CountRow['change'], 'counted'>], '', '', '', '', ''];
    const both = time ? [timeCell(t), disagree(r, t) ? '≠' : ''] : [];
    return [r.label, ...figures, ...both];
  });
  const header = ['result', 'whole M instr A → B', 'Δ whole', 'spread %', 'kernel M instr A → B', 'Δ kernel', 'spread %', ...(time ? ['Δ time', 'disagree'] : [])];
  return { header, rows: body, right: [2, 3, 5, 6, ...(time ? [7] : [])] };
}

const legend = (failAbovePct: number, method: CountingMethod) =>
  `Instructions executed by the whole process tree, counted by valgrind ${method.valgrind.replace(/^valgrind-/, '')} (${['cachegrind', ...method.options.slice(1)].join(' ')}), ${method.runsPerSize} runs a side and size, every answer verified; M: millions, medians. ` +
  "Whole: at the workload's larger counting size. Kernel: the larger size's count minus the smaller's, so start-up and compilation cancel out. " +
  `spread: (max − min) / median of a side's runs, the larger side's; a result whose counts spread more than ${SPREAD_LIMIT_PCT} % is not countable. ` +
  `Δ is shown when it is beyond ${failAbovePct} % and beyond ${SPREAD_FACTOR}× the spread, ~ (with the Δ) otherwise; ▲ more instructions: fails the gate. No p-values: counts are not samples of a noisy time. ` +
  'Instructions do not see cache and memory behaviour (radix-sort is memory-bound) or time spent waiting: the time compare does.';

/** Why each row without a figure has none, one line each. */
const reasons = (rows: readonly CountRow[]) => rows.filter((r) => r.why !== null).map((r) => `${r.label}: ${r.why!.split('\n')[0]}`);

/** Renders an instructions compare: text, Markdown or JSON (`time`: the timed rows of a `--metric both` compare). */
export function renderCounts(rows: readonly CountRow[], o: { format: DiffFormat; failAbovePct: number; method: CountingMethod; notes: string[]; time?: readonly DiffRow[] }): string {
  if (o.format === 'json') return `${JSON.stringify({ metric: o.time ? 'both' : 'instructions', failAbovePct: o.failAbovePct, method: o.method, rows, notes: o.notes }, null, 2)}\n`;
  const table = countTable(rows, o.time);
  const why = reasons(rows);
  if (o.format === 'markdown') {
    return ['#### Instructions', '', renderMarkdown(table), '', ...why.map((w) => `- ${w}`), '', legend(o.failAbovePct, o.method), ...o.notes.map((n) => `\n**${n}**`), ''].join('\n');
  }
  return ['Instructions', '', renderText(table), '', ...why, legend(o.failAbovePct, o.method), ...o.notes, ''].join('\n');
}
