import { parseArgs } from 'node:util';
import type { OkResult, RunDocument } from '@arena/contract';
import { ConfigError, PROFILES } from '../config.ts';
import { compareRuns, type DiffResult } from '../diff/compare.ts';
import { renderDiff } from '../diff/render.ts';
import { renderText, resultLabel, type Table } from '../format.ts';
import { runBench } from './bench.ts';

/** Per result: the noise seen in each of the two runs and the difference between them. */
export function noiseTable(a: RunDocument, b: RunDocument, diff: DiffResult): Table {
  const ok = (doc: RunDocument) => new Map(doc.results.filter((r): r is OkResult => r.status === 'ok').map((r) => [resultLabel(r), r]));
  const [okA, okB] = [ok(a), ok(b)];
  const rows = diff.rows.map((row) => {
    const [ra, rb] = [okA.get(row.label), okB.get(row.label)];
    const cell = (r: OkResult | undefined) => (r ? `${r.stop.cvPct.toFixed(1)} % / ±${r.stop.ciHalfWidthPct.toFixed(1)} %` : '–');
    return [row.label, cell(ra), cell(rb), row.deltaPct === null ? '–' : `${row.deltaPct >= 0 ? '+' : ''}${row.deltaPct.toFixed(2)} %`, row.significant ? 'FLAGGED' : 'ok'];
  });
  return { header: ['variant', 'A CV / CI', 'B CV / CI', 'A→B', 'verdict'], rows, right: [3] };
}

/** The results the diff calls changed (significant), or that failed on either side. */
export function flagged(diff: DiffResult): string[] {
  return diff.rows.filter((r) => r.significant || r.a.status !== 'ok' || r.b.status !== 'ok').map((r) => r.label);
}

/**
 * `arena aa [--profile default|quick] [--alpha 0.05] [--noise PCT]`: runs the suite twice back to back on the same
 * commit and diffs the two. Nothing changed, so every result should show `~`; a flagged result is the
 * harness's false-positive rate (or real drift of the machine) made visible. Exit 0 when none is flagged.
 */
export async function aa(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { profile: { type: 'string' }, alpha: { type: 'string' }, noise: { type: 'string' } } });
  const profile = values.profile ?? process.env.BENCH_PROFILE ?? 'default';
  if (!Object.hasOwn(PROFILES, profile)) throw new ConfigError(`--profile must be one of ${Object.keys(PROFILES).join(', ')}, got "${profile}"`);
  const alpha = values.alpha === undefined ? 0.05 : Number(values.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new ConfigError(`--alpha must be a number in (0, 1), got "${values.alpha}"`);
  const noisePct = values.noise === undefined ? 0 : Number(values.noise);
  if (!(noisePct >= 0 && noisePct <= 100)) throw new ConfigError(`--noise must be a percentage in 0..100, got "${values.noise}"`);
  process.env.BENCH_PROFILE = profile;
  const started = Date.now();
  const runs: Array<{ doc: RunDocument; file: string }> = [];
  for (const which of ['A', 'B']) {
    console.error(`[arena aa] run ${which} of 2 (profile ${profile})`);
    const r = await runBench();
    if (!r.doc || !r.runFile) return r.code === 0 ? 1 : r.code;
    runs.push({ doc: r.doc, file: r.runFile });
  }
  const [a, b] = runs as [{ doc: RunDocument; file: string }, { doc: RunDocument; file: string }];
  const diff = compareRuns(a, b, alpha, noisePct);
  const bad = flagged(diff);
  const drift = driftPct(compareRuns(a, b, alpha));
  console.log(renderDiff(diff, 'text'));
  console.log(`\nObserved noise (coefficient of variation / median CI half-width):\n\n${renderText(noiseTable(a.doc, b.doc, diff))}\n`);
  console.log(`A/A: ${bad.length} of ${diff.rows.length} results flagged as changed at alpha ${alpha}${bad.length ? `: ${bad.join(', ')}` : ''} · both runs took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (drift > 0) console.log(`The largest change the test alone calls significant is ${drift.toFixed(1)} %: on this machine, use diff --noise ${Math.ceil(drift)} (or more) to tell changes from drift.`);
  return bad.length ? 1 : 0;
}

/** The largest |Δ| among results a pure significance test (no noise threshold) flags: the machine's drift. */
export function driftPct(diff: DiffResult): number {
  return Math.max(0, ...diff.rows.filter((r) => r.significant && r.deltaPct !== null).map((r) => Math.abs(r.deltaPct!)));
}
