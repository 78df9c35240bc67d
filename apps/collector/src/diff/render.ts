import { ms, renderMarkdown, renderText, type Table } from '../format.ts';
import { MISSING, mib } from '../resources.ts';
import type { DiffChange, DiffResult, DiffRow, DiffRunInfo, DiffSide } from './compare.ts';
import { MEMORY_MIN_CHANGE_PCT } from './memory.ts';
import { smallSampleNote } from './power.ts';

/** The output formats of `arena diff`. */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;

function sideCell(s: DiffSide): string {
  if (s.status === 'missing' || s.status === 'not-run') return '–';
  if (s.status === 'failed') return 'FAILED';
  return `${ms(s.medianS)} ± ${s.ciHalfWidthPct.toFixed(1)} %`;
}

/** The Δ cell of every row that was not compared. */
const CHANGE_CELL: Record<Exclude<DiffChange, 'compared'>, string> = {
  'now-failing': 'now failing',
  gone: 'gone',
  new: 'new',
  'not-run': 'not run',
  fixed: 'fixed',
  'still-failing': 'still failing',
};

function deltaCell(r: DiffRow): string {
  if (r.change !== 'compared') return CHANGE_CELL[r.change];
  return r.significant && r.deltaPct !== null ? pct(r.deltaPct) : '~';
}

const runs = (s: DiffSide) => (s.status === 'ok' ? String(s.runs) : '–');

/** `A → B` of a figure of ok sides; MISSING for a side without it; empty when neither side is ok. */
function pairCell(r: DiffRow, of: (s: Extract<DiffSide, { status: 'ok' }>) => string | null): string {
  if (r.a.status !== 'ok' && r.b.status !== 'ok') return '';
  const cell = (s: DiffSide) => (s.status === 'ok' ? (of(s) ?? MISSING) : MISSING);
  return `${cell(r.a)} → ${cell(r.b)}`;
}

/** The Δ mem cell: the change when judged one (see compareMemory), ~ when not, MISSING when not compared. */
function memoryDeltaCell(r: DiffRow): string {
  if (r.change !== 'compared') return '';
  if (!r.memory) return MISSING;
  return r.memory.significant ? pct(r.memory.deltaPct) : '~';
}

/**
 * The diff as a table: variant, A and B median ms ± CI half-width, change (or ~), p and run counts,
 * then median peak memory and CPU seconds per run, A → B, with the change of memory (or ~).
 */
export function diffTable(result: DiffResult): Table {
  const paired = result.test === 'paired-signed-rank';
  const rows = result.rows.map((r) => [
    r.label,
    sideCell(r.a),
    sideCell(r.b),
    deltaCell(r),
    ...(paired
      ? [ciCell(r), r.paired ? `${pValue(r.paired.p)} → ${pValue(r.paired.pHolm)}` : '', r.paired ? String(r.paired.rounds) : '']
      : [r.p === null ? '' : `p=${r.p.toFixed(3)}`, `${runs(r.a)}+${runs(r.b)}`]),
    pairCell(r, (s) => (s.peakMemory ? mib(s.peakMemory.medianBytes) : null)),
    memoryDeltaCell(r),
    pairCell(r, (s) => s.cpuS.toFixed(3)),
  ]);
  const g = result.geomean;
  const filler = paired ? ['', '', `${g?.rows ?? 0} rows`] : ['', `${g?.rows ?? 0} rows`];
  if (g) rows.push(['geomean', ms(g.aS), ms(g.bS), pct(g.deltaPct), ...filler, '', '', '']);
  const middle = paired ? ['B/A 95 % CI', 'p → p Holm', 'rounds'] : ['p', 'n'];
  const right = paired ? [1, 2, 3, 4, 6, 7, 8, 9] : [1, 2, 3, 6, 7, 8];
  return { header: ['variant', 'A median ms ± 95 % CI', 'B median ms ± 95 % CI', 'Δ', ...middle, 'peak MiB A → B', 'Δ mem', 'CPU s A → B'], rows, right };
}

/** A p-value in a few characters: 0.031, 2.4e-4. */
const pValue = (p: number) => (p >= 0.001 ? p.toFixed(3) : p.toExponential(1));

/** The paired CI of B/A as a change in percent, `[-0.8, +3.1] %`. */
function ciCell(r: DiffRow): string {
  const ci = r.paired?.ci;
  if (!r.paired) return '';
  if (!ci) return 'too few rounds';
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
  return `[${signed((ci.low - 1) * 100)}, ${signed((ci.high - 1) * 100)}] %`;
}

const describe = (name: string, r: DiffRunInfo) =>
  `${name}: ${r.id} · ${r.commit ? r.commit.slice(0, 10) : 'no git'}${r.dirty ? ' (dirty)' : ''} · ${r.createdAt.slice(0, 16).replace('T', ' ')} UTC · ${r.file}`;

const noiseClause = (r: DiffResult) =>
  r.noisePct > 0
    ? ` and the change is at least the noise threshold of ${r.noisePct} %${r.noiseSource === 'learned' ? ` (learned on this machine by \`arena aa\`, ${r.noiseFile}; --noise 0 turns it off)` : ''}`
    : '';

const narrowing = (r: DiffRunInfo) =>
  [r.only ? `narrowed to ${r.only.join(', ')}` : '', r.workloads ? `workloads narrowed to ${r.workloads.join(', ')}` : ''].filter(Boolean).join(', ') || 'every variant';

/** What the absence words in the Δ column mean, for those that occur. */
function absences(r: DiffResult): string {
  const has = (c: DiffChange) => r.rows.some((row) => row.change === c);
  return [
    has('gone') ? ' gone: in A, missing from B although B was not narrowed to leave it out (fails --fail-above unless --allow-missing).' : '',
    has('new') ? ' new: only in B (never fails the gate).' : '',
    has('not-run') ? ` not run: left out on purpose by BENCH_ONLY${r.a.workloads || r.b.workloads ? ' or BENCH_WORKLOADS' : ''} (A: ${narrowing(r.a)}; B: ${narrowing(r.b)}).` : '',
  ].join('');
}

const pairedLegend = (r: DiffResult) =>
  `A and B were measured in the same rounds, each result's A and B runs next to each other in alternating order (A B, then B A, …), so the drift of the machine falls on both alike. ` +
  `Δ: the change B/A − 1 (+ is slower), the Hodges–Lehmann median of the per-round ratios (B's round median over A's), shown when the two-sided Wilcoxon signed-rank test of those ratios, adjusted by Holm over all ${r.rows.filter((x) => x.paired).length} compared results, gives p < ${r.alpha}; ~ otherwise. ` +
  'Holm keeps the chance that any result of an unchanged suite is flagged at alpha (family-wise); the raw p is shown before the arrow, the adjusted one after. ' +
  'B/A 95 % CI: the signed-rank interval of the change, per result (not adjusted). No noise threshold applies.';

const legend = (r: DiffResult) => (r.test === 'paired-signed-rank' ? pairedLegend(r) + memoryLegend + absences(r) : twoSampleLegend(r) + memoryLegend + absences(r));

const twoSampleLegend = (r: DiffResult) =>
  `Δ: change of the median from A to B (+ is slower), shown when a two-sided Mann-Whitney U test on the per-run times gives p < ${r.alpha}, the two medians' 95 % CIs do not overlap${noiseClause(r)}; ~ otherwise. ` +
  'p is exact for samples of at most 8 runs without ties, else the normal approximation with tie and continuity correction.' +
  (r.noiseSource === 'none' ? ' No noise threshold: between-run drift of the machine can show as a change (`arena aa` measures it).' : '');

const memoryLegend = ` Δ mem: change of the median peak memory of the process tree, shown when every memory run of one side peaked above every run of the other (the ranges do not overlap) and the medians differ by at least ${MEMORY_MIN_CHANGE_PCT} % (with 3–5 memory runs a side no rank test can reach p < 0.05); ~ otherwise; ${MISSING} when a side has no memory runs or they were measured differently. CPU s: user + system seconds per run (mean), shown, not judged.`;

/** The small-sample note, when some compared result can never be judged. */
export function sampleNote(result: DiffResult): string | null {
  if (result.test === 'paired-signed-rank') return pairedSampleNote(result);
  const compared = result.rows.flatMap((r) =>
    r.a.status === 'ok' && r.b.status === 'ok' ? [{ label: r.label, runs: [r.a.runs, r.b.runs] as [number, number], ciInformative: r.a.ciInformative && r.b.ciInformative }] : [],
  );
  return smallSampleNote(compared, result.alpha);
}

/** The note when some paired result can never be flagged: its rounds cannot give a p that survives Holm. */
function pairedSampleNote(result: DiffResult): string | null {
  const tested = result.rows.filter((r) => r.paired);
  const small = tested.filter((r) => r.tooSmall);
  if (!small.length) return null;
  const which = small.length === tested.length ? 'all results' : small.map((r) => r.label).join(', ');
  const fewest = Math.min(...small.map((r) => r.paired!.rounds));
  return `Note: too few rounds to judge ${which}: ${fewest} rounds cannot give a signed-rank p below ${(2 / 2 ** fewest).toPrecision(2)}, and Holm over ${tested.length} results needs p < ${(result.alpha / tested.length).toPrecision(2)}.`;
}

/** "B: js-wasm failed: <first line of the error>" for every failed side. */
function failures(result: DiffResult): string[] {
  return result.rows.flatMap((r) =>
    (['a', 'b'] as const).flatMap((s) => {
      const side = r[s];
      return side.status === 'failed' ? [`${s.toUpperCase()}: ${r.label} failed: ${side.error.split('\n')[0]}`] : [];
    }),
  );
}

/** Extra lines after the table: what the gate found (the small-sample note comes first on its own). */
export type DiffNotes = string[];

/** Renders the diff as aligned text, GitHub Markdown or JSON; warnings are part of the output. */
export function renderDiff(result: DiffResult, format: DiffFormat, gateNotes: DiffNotes = []): string {
  const small = sampleNote(result);
  const notes = small ? [small, ...gateNotes] : gateNotes;
  if (format === 'json') return `${JSON.stringify({ ...result, notes }, null, 2)}\n`;
  const table = diffTable(result);
  if (format === 'markdown') {
    return [
      `- ${describe('**A**', result.a)}`,
      `- ${describe('**B**', result.b)}`,
      '',
      ...result.warnings.map((w) => `> **Warning:** ${w}\n`),
      renderMarkdown(table),
      '',
      ...failures(result).map((f) => `- ${f}`),
      '',
      legend(result),
      ...notes.map((n) => `\n**${n}**`),
      '',
    ].join('\n');
  }
  return [describe('A', result.a), describe('B', result.b), ...result.warnings.map((w) => `warning: ${w}`), '', renderText(table), '', ...failures(result), legend(result), ...notes, ''].join('\n');
}
