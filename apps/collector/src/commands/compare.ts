import path from 'node:path';
import os from 'node:os';
import { COMPARE_SCHEMA_VERSION, compareMetric, type CompareDocument, type RunDocument } from '@arena/contract';
import { acquireBenchLock, describeMachine, killAllChildren, requireTools, TOOLS } from '@arena/hyperfine-wrapper';
import { ConfigError, discoverVariants, discoverWorkloads, leftOutOf, loadAnswers, readSettings, resolveRuntimes, type Settings } from '@arena/suite';
import { execa } from 'execa';
import { runId } from '../collect.ts';
import { countCompare } from '../compare/count.ts';
import { pairedDiff } from '../compare/paired.ts';
import { checkLayout, commitSide, workingTreeSide, type SideSpec } from '../compare/refs.ts';
import { sideVariants, type Side } from '../compare/sides.ts';
import { saveCompare } from '../compare/store.ts';
import { named, timeSides } from '../compare/time.ts';
import { checkout, prepare, removeWorktree } from '../compare/worktree.ts';
import { parseCommandArgs, choiceOption, numberOption } from '../diff/args.ts';
import { regressions, type DiffResult } from '../diff/compare.ts';
import { processIo, type Io } from '../diff/io.ts';
import { DIFF_FORMATS, renderDiff } from '../diff/render.ts';
import { gateNotes } from '../diff/gate.ts';
import { buildGoToolchains } from '../go-builds.ts';
import { repoRoot, resultsDir } from '../paths.ts';
import { countGateNotes } from '../count/gate.ts';
import { countRegressions, countRows, DEFAULT_COUNT_FAIL_ABOVE_PCT } from '../count/judge.ts';
import { renderCounts } from '../count/render.ts';
import { processCountOnce } from '../count/valgrind.ts';

const USAGE =
  'usage: pnpm arena compare <A> [B] [--metric time|instructions|both] [--format text|markdown|json] [--alpha 0.05] [--fail-above PCT [--allow-missing]] [--count-runs N] [--count-jobs N] ' +
  '(A, B: git refs; B defaults to the working tree)';

const log = (m: string) => console.error(`[arena ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Resolves, checks out, installs and builds both sides; the sides whose worktrees this call made are pushed to `made`. */
async function prepareSides(root: string, specs: SideSpec[], settings: Settings, made: string[], signal: AbortSignal): Promise<Side[]> {
  const sides: Side[] = [];
  // The checkout's turbo cache, so a worktree restores what matches; TURBO_CACHE_DIR moves it (as it moves turbo's).
  const cacheDir = process.env.TURBO_CACHE_DIR ? path.resolve(process.env.TURBO_CACHE_DIR) : path.join(root, '.turbo', 'cache');
  for (const spec of specs) {
    if (spec.kind === 'working-tree') {
      if (!settings.skipBuild) {
        log(`${named(spec)}: building the working tree (turbo, cached)`);
        await execa('bash', ['scripts/toolchain.sh', 'pnpm', 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', cancelSignal: signal });
      }
      sides.push({ ...spec, root });
      continue;
    }
    const same = sides.find((s) => s.kind === 'commit' && s.commit === spec.commit);
    if (same) {
      sides.push({ ...spec, root: same.root });
      continue;
    }
    log(`${named(spec)}: checking out into .cache/compare/worktrees/`);
    const wt = await checkout(root, spec.commit, signal);
    if (wt.created) made.push(wt.dir);
    try {
      await prepare(wt.dir, cacheDir, signal, (m) => log(`${named(spec)}: ${m}`));
    } catch (error) {
      if (signal.aborted) throw error;
      throw new Error(`${named(spec)}: the worktree at ${path.relative(root, wt.dir)} did not ${(error as Error).message}; nothing was timed`);
    }
    sides.push({ ...spec, root: wt.dir });
  }
  return sides;
}

/**
 * `arena compare <A> [B]`: checks out each ref as a git worktree (B: the working tree by default),
 * installs and builds it, then measures both sides by `--metric`: `time` (the default) verifies and
 * times every result of both sides in shared rounds, each result's A and B runs side by side in
 * alternating order; `instructions` counts every countable result under valgrind at the workloads'
 * two counting sizes, every answer verified; `both` does both. Writes results/compare/<id>.json and
 * prints the diff. The gate: with --fail-above (time), or always for instructions (default 0.5 %),
 * exits 1 on a flagged change, a result now failing, or one on one side only (unless --allow-missing).
 */
export async function compare(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    alpha: { type: 'string' },
    'fail-above': { type: 'string' },
    'allow-missing': { type: 'boolean' },
    metric: { type: 'string' },
    'count-runs': { type: 'string' },
    'count-jobs': { type: 'string' },
  });
  if (positionals.length < 1 || positionals.length > 2) throw new ConfigError(USAGE);
  const format = choiceOption('format', values.format, DIFF_FORMATS, 'text');
  const metric = choiceOption('metric', values.metric, compareMetric.options, 'time');
  const [timed, counted] = [metric !== 'instructions', metric !== 'time'];
  const alpha = numberOption('alpha', values.alpha, 0, 1, true) ?? 0.05;
  const failAbovePct = numberOption('fail-above', values['fail-above'], 0, Number.MAX_VALUE) ?? (counted ? DEFAULT_COUNT_FAIL_ABOVE_PCT : undefined);
  const countRuns = numberOption('count-runs', values['count-runs'], 2, 20);
  if (countRuns !== undefined && !Number.isInteger(countRuns)) throw new ConfigError(`--count-runs must be an integer between 2 and 20, got "${values['count-runs']}"`);
  if (countRuns !== undefined && !counted) throw new ConfigError('--count-runs only applies with --metric instructions or both');
  const countJobs = numberOption('count-jobs', values['count-jobs'], 1, 64);
  if (countJobs !== undefined && !Number.isInteger(countJobs)) throw new ConfigError(`--count-jobs must be an integer between 1 and 64, got "${values['count-jobs']}"`);
  if (countJobs !== undefined && !counted) throw new ConfigError('--count-jobs only applies with --metric instructions or both');
  const allowMissing = values['allow-missing'] === true;
  if (allowMissing && failAbovePct === undefined) throw new ConfigError('--allow-missing only applies with --fail-above (or --metric instructions or both, whose gate is always on)');
  // compare has its own stop rule over paired rounds: unless told otherwise it measures as the
  // precise profile does (the default profile's decisions answer another question).
  const settings = readSettings({ ...process.env, BENCH_PROFILE: process.env.BENCH_PROFILE?.trim() || 'precise' });
  const root = repoRoot();
  const results = resultsDir(root);
  const specs = [await commitSide(root, 'A', positionals[0]!), positionals[1] === undefined ? await workingTreeSide(root, 'B') : await commitSide(root, 'B', positionals[1])];
  // Before the lock and any checkout: a ref this harness cannot drive is refused with nothing made.
  for (const s of specs) if (s.kind === 'commit') await checkLayout(root, s);
  await requireTools([...(timed ? [TOOLS.hyperfine] : []), TOOLS.go, TOOLS.clang, TOOLS.flock, ...(counted ? [TOOLS.valgrind] : [])]);

  const ac = new AbortController();
  const made: string[] = [];
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping the compare; nothing will be written, and the worktrees it made are removed`);
    ac.abort();
    killAllChildren();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const lock = await acquireBenchLock({ onWait: log, onLost: (why) => log(`warning: the benchmark lock was lost (${why}); the compare will be recorded as interrupted`) });
  let failed = true;
  try {
    const sides = await prepareSides(root, specs, settings, made, ac.signal);
    const found = sides.map((s) => sideVariants(s, settings));
    const only = settings.config.only;
    const unknown = only?.filter((n) => !found.some((f) => f.variants.some((v) => v.name === n) || f.broken.some((b) => b.name === n))) ?? [];
    if (unknown.length) throw new ConfigError(`BENCH_ONLY names no variant of either side: ${unknown.join(', ')}`);
    const runtimes = await resolveRuntimes(
      found.flatMap((f) => f.variants),
      settings.config,
      root,
      log,
    );
    if (!settings.skipBuild) {
      for (const [i, s] of sides.entries()) await buildGoToolchains({ root: s.root, variants: found[i]!.variants, toolchains: runtimes.go, say: log, signal: ac.signal });
    }
    const answers = await loadAnswers(root, settings.workloads);
    const createdAt = new Date();
    const machine = await describeMachine();
    const id = runId(createdAt, sides[1]!.commit);
    const discovered = {
      variants: sides.flatMap((s) => {
        const d = discoverVariants(s.root);
        return [...d.variants, ...d.broken].map((v) => v.name);
      }),
      workloads: sides.flatMap((s) => discoverWorkloads(s.root).workloads.map((w) => w.name)),
    };
    const config = { ...settings.config, leftOut: leftOutOf(settings.config, discovered) };
    const context = { sides, found, settings, runtimes, answers, alpha, root, id, createdAt, machine, config, signal: ac.signal, say: log };
    const runs = timed ? await timeSides(context) : null;
    const counts = counted
      ? await countCompare(
          sides,
          found,
          settings,
          runtimes,
          answers,
          { runs: countRuns ?? 3, jobs: countJobs ?? os.availableParallelism(), machine, say: log, signal: ac.signal },
          processCountOnce(ac.signal),
        )
      : null;
    const status = lock.lost() === null ? 'complete' : 'interrupted';
    const [docA, docB] = runs ? runs(status) : [null, null];
    const side = (s: Side, run: RunDocument | null, c: CompareDocument['a']['counts']) => ({
      ref: s.ref,
      commit: s.commit,
      dirty: s.kind === 'working-tree' && s.dirty,
      run,
      counts: c,
    });
    const doc: CompareDocument = {
      schemaVersion: COMPARE_SCHEMA_VERSION,
      kind: 'compare',
      id,
      createdAt: createdAt.toISOString(),
      metric,
      counting: counts?.method ?? null,
      a: side(sides[0]!, docA, counts?.a ?? null),
      b: side(sides[1]!, docB, counts?.b ?? null),
    };
    const file = saveCompare(results, doc);
    failed = false;
    return report(doc, file, { format, alpha, failAbovePct, allowMissing }, io, status);
  } catch (error) {
    if (ac.signal.aborted) {
      log('interrupted: children stopped, lock released, nothing written');
      return 130;
    }
    throw error;
  } finally {
    await lock.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // A worktree this compare made is kept for the next one only when the compare got through.
    if (failed) for (const dir of made) await removeWorktree(root, dir);
  }
}

/**
 * Prints a compare document: the paired time diff (its gate only with --fail-above, when time is
 * the only metric) and the instructions table (whose gate is on whenever it was counted: a flagged
 * change, a result now failing or on one side only fails it). The exit code.
 */
export function report(
  doc: CompareDocument,
  file: string,
  o: { format: (typeof DIFF_FORMATS)[number]; alpha: number; failAbovePct: number | undefined; allowMissing: boolean },
  io: Io,
  status: RunDocument['status'] = 'complete',
): number {
  const counted = doc.counting !== null && doc.a.counts !== null && doc.b.counts !== null;
  let failing = false;
  let time: DiffResult | null = null;
  if (doc.a.run && doc.b.run) {
    time = pairedDiff({ doc: doc.a.run, file }, { doc: doc.b.run, file }, o.alpha);
    const refs = { ...time, a: { ...time.a, id: `${doc.a.ref}` }, b: { ...time.b, id: `${doc.b.ref}` } };
    // With counts, instructions gate and time is reported.
    const gated = !counted && o.failAbovePct !== undefined;
    const notes = gated ? gateNotes(time, o.failAbovePct!, o.allowMissing, true) : [];
    if (!(counted && o.format === 'json')) io.out(renderDiff(refs, o.format, notes));
    failing ||= gated && regressions(time, o.failAbovePct!, o.allowMissing, true).length > 0;
  }
  if (counted) {
    const failAbovePct = o.failAbovePct ?? DEFAULT_COUNT_FAIL_ABOVE_PCT;
    const rows = countRows(doc.a.counts!, doc.b.counts!, failAbovePct);
    const notes = countGateNotes(rows, failAbovePct, o.allowMissing);
    const rendered = renderCounts(rows, { format: o.format, failAbovePct, method: doc.counting!, notes, ...(time ? { time: time.rows } : {}) });
    if (o.format === 'json' && time) {
      const timeJson = JSON.parse(renderDiff(time, 'json')) as unknown;
      io.out(`${JSON.stringify({ time: timeJson, instructions: JSON.parse(rendered) as unknown }, null, 2)}\n`);
    } else {
      if (time) io.out('\n');
      io.out(rendered);
    }
    failing ||= countRegressions(rows, o.allowMissing).length > 0;
  }
  io.err(`wrote ${file}\n`);
  return failing || status === 'interrupted' ? 1 : 0;
}
