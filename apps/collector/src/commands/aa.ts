import type { OkResult, RunDocument } from '@arena/contract';
import { ConfigError, PROFILES, readSettings } from '@arena/suite';
import { choiceOption, numberOption, parseCommandArgs } from '../diff/args.ts';
import { compareRuns, NO_NOISE, type DiffResult, type DiffRow } from '../diff/compare.ts';
import { processIo, type Io } from '../diff/io.ts';
import { whyNotLearned } from '../diff/learn.ts';
import { noisePath, noiseSetting, observedDriftPct, recordNoise, thresholdOf } from '../diff/noise.ts';
import { renderDiff } from '../diff/render.ts';
import { locate, resolveRun } from '../diff/resolve.ts';
import { renderText, resultLabel, type Table } from '../format.ts';
import { runBench } from './bench.ts';

/** Per result: the noise seen in each of the two runs and the difference between them. */
export function noiseTable(a: RunDocument, b: RunDocument, diff: DiffResult): Table {
  const ok = (doc: RunDocument) => new Map(doc.results.filter((r): r is OkResult => r.status === 'ok').map((r) => [resultLabel(r), r]));
  const [okA, okB] = [ok(a), ok(b)];
  const rows = diff.rows.map((row) => {
    const [ra, rb] = [okA.get(row.label), okB.get(row.label)];
    const cell = (r: OkResult | undefined) => (r ? `${r.stop.cvPct.toFixed(1)} % / ±${r.stop.ciHalfWidthPct.toFixed(1)} %` : '–');
    const verdict = isFlagged(row) ? 'FLAGGED' : row.change === 'not-run' ? 'not run' : 'ok';
    return [row.label, cell(ra), cell(rb), row.deltaPct === null ? '–' : `${row.deltaPct >= 0 ? '+' : ''}${row.deltaPct.toFixed(2)} %`, verdict];
  });
  return { header: ['variant', 'A CV / CI', 'B CV / CI', 'A→B', 'verdict'], rows, right: [3] };
}

/**
 * Nothing changed, so a row is flagged when called changed, or when it failed, appeared or
 * disappeared on one side; a result left out by BENCH_ONLY is not (narrowing is deliberate).
 */
const isFlagged = (r: DiffRow) => r.significant || (r.change !== 'compared' && r.change !== 'not-run');

/** The labels of the flagged results (isFlagged). */
export function flagged(diff: DiffResult): string[] {
  return diff.rows.filter(isFlagged).map((r) => r.label);
}

type Run = { doc: RunDocument; file: string };

/** Runs the suite twice back to back; the exit code instead when a run produced no document. */
async function twoRuns(profile: string, io: Io): Promise<[Run, Run] | number> {
  const settings = readSettings({ ...process.env, BENCH_PROFILE: profile });
  const runs: Run[] = [];
  for (const which of ['A', 'B']) {
    io.err(`[arena aa] run ${which} of 2 (profile ${profile})\n`);
    const r = await runBench(settings);
    if (!r.doc || !r.runFile) return r.code === 0 ? 1 : r.code;
    runs.push({ doc: r.doc, file: r.runFile });
  }
  return runs as [Run, Run];
}

/**
 * `arena aa [--profile default|precise|quick] [--alpha 0.05] [--noise PCT] [--from A B]`: runs the suite twice
 * back to back on the same commit (or, with --from, takes two recorded runs) and diffs the two.
 * Nothing changed, so every result should show `~`; a flagged result is the harness's false-positive
 * rate (or drift of the machine) made visible. The verdict uses the noise threshold learned so far
 * (out of sample); then, if the pair may teach anything (whyNotLearned), its drift is added to what
 * this machine has learned, which `diff` uses by default; otherwise it says why not. Exit 0 when none
 * is flagged.
 */
export async function aa(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    profile: { type: 'string' },
    alpha: { type: 'string' },
    noise: { type: 'string' },
    from: { type: 'boolean' },
  });
  const alpha = numberOption('alpha', values.alpha, 0, 1, true) ?? 0.05;
  const option = numberOption('noise', values.noise, 0, 100);
  const started = Date.now();
  const loc = locate(io.cwd);
  const say = (line: string) => io.out(`${line}\n`);
  let pair: [Run, Run];
  if (values.from) {
    if (positionals.length !== 2) throw new ConfigError('usage: pnpm arena aa --from <A> <B> (two runs of the same code: run files, run ids or git refs)');
    const warn = (m: string) => io.err(`warning: ${m}\n`);
    pair = [await resolveRun(positionals[0]!, loc, warn), await resolveRun(positionals[1]!, loc, warn)];
  } else {
    if (positionals.length) throw new ConfigError(`aa takes no runs unless --from is given, got "${positionals.join(' ')}"`);
    const profile = choiceOption('profile', values.profile ?? process.env.BENCH_PROFILE, Object.keys(PROFILES), 'default');
    const runs = await twoRuns(profile, io);
    if (typeof runs === 'number') return runs;
    pair = runs;
  }
  const [a, b] = pair;
  const { results } = loc;
  const diff = compareRuns(a, b, alpha, noiseSetting(results, a.doc, b.doc, option));
  const bad = flagged(diff);
  say(renderDiff(diff, 'text'));
  say(`\nObserved noise (coefficient of variation / median CI half-width):\n\n${renderText(noiseTable(a.doc, b.doc, diff))}\n`);
  const threshold = diff.noisePct > 0 ? `, noise threshold ${diff.noisePct} % (${diff.noiseSource === 'learned' ? 'learned before this check' : '--noise'})` : ', no noise threshold';
  const took = values.from ? '' : ` · both runs took ${((Date.now() - started) / 1000).toFixed(0)} s`;
  say(`A/A: ${bad.length} of ${diff.rows.length} results flagged as changed at alpha ${alpha}${threshold}${bad.length ? `: ${bad.join(', ')}` : ''}${took}`);
  const notLearned = whyNotLearned(a.doc, b.doc, alpha);
  if (notLearned) {
    say(`Nothing learned about noise: ${notLearned}.`);
  } else {
    const fp = a.doc.machine.fingerprint;
    const drift = observedDriftPct(compareRuns(a, b, alpha, NO_NOISE));
    const learned = recordNoise(results, fp, { runs: [a.doc.id, b.doc.id], profile: a.doc.config.profile, at: new Date().toISOString(), maxFlaggedDeltaPct: drift });
    say(
      `Largest change the statistics alone call significant (drift): ${drift.toFixed(1)} %. This machine's noise threshold is now ${thresholdOf(learned.observations)} % ` +
        `(worst of its last ${learned.observations.length} A/A check${learned.observations.length > 1 ? 's' : ''}, ${noisePath(results, fp)}); diff uses it unless --noise is given.`,
    );
  }
  return bad.length ? 1 : 0;
}
