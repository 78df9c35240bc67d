import path from 'node:path';
import { COMPARE_SCHEMA_VERSION, runDocument, type CompareDocument, type PeakMemory, type RunDocument } from '@arena/contract';
import { acquireBenchLock, describeMachine, killAllChildren, requireTools, runSchedule, TOOLS, type Measured, type TargetState } from '@arena/hyperfine-wrapper';
import { ConfigError, discoverVariants, discoverWorkloads, leftOutOf, loadAnswers, readSettings, resolveRuntimes, type Settings } from '@arena/suite';
import { execa } from 'execa';
import { collectRun, runId, toResult, unmeasuredResults } from '../collect.ts';
import { comparePlan, interleave, onSide, pairCount } from '../compare/plan.ts';
import { pairedDiff } from '../compare/paired.ts';
import { checkLayout, commitSide, workingTreeSide, type SideSpec } from '../compare/refs.ts';
import { planSide, sideVariants, type Side, type SidePlan } from '../compare/sides.ts';
import { saveCompare } from '../compare/store.ts';
import { checkout, prepare, removeWorktree } from '../compare/worktree.ts';
import { parseCommandArgs, choiceOption, numberOption } from '../diff/args.ts';
import { regressions, type DiffResult } from '../diff/compare.ts';
import { processIo, type Io } from '../diff/io.ts';
import { DIFF_FORMATS, renderDiff } from '../diff/render.ts';
import { gateNotes } from '../diff/gate.ts';
import { buildGoToolchains } from '../go-builds.ts';
import { describeProbe, memoryProbe } from '../memory/method.ts';
import { measureMemory, processRunOnce } from '../memory/runs.ts';
import { repoRoot, resultsDir } from '../paths.ts';

const USAGE = 'usage: pnpm arena compare <A> [B] [--format text|markdown|json] [--alpha 0.05] [--fail-above PCT [--allow-missing]] ' + '(A, B: git refs; B defaults to the working tree)';

const log = (m: string) => console.error(`[arena ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** The short name of a side for messages: `A (HEAD~1, 3059578a1b)`. */
const named = (s: SideSpec) => `${s.name} (${s.ref}, ${s.commit.slice(0, 10)}${s.kind === 'working-tree' && s.dirty ? ', dirty' : ''})`;

/**
 * Throws, before anything is timed, when every result one side planned failed its verification run
 * while the other side's passed: its variants do not speak this harness's protocol, and a compare of
 * the other side's numbers with nothing would be half a compare.
 */
export function refuseHalf(states: readonly TargetState[], sides: readonly SidePlan[]): void {
  // By key: both sides of `compare X X` run from the same worktree.
  const ofSide = (s: SidePlan) => states.filter((x) => onSide(s.side.name, x.target.key));
  const dead = (s: SidePlan) => ofSide(s).length > 0 && ofSide(s).every((x) => x.status === 'failed');
  for (const s of sides) {
    const other = sides.find((o) => o !== s)!;
    if (!dead(s) || dead(other)) continue;
    const first = ofSide(s).find((x) => x.status === 'failed');
    const why = first?.status === 'failed' ? first.error.split('\n')[0] : '';
    throw new ConfigError(
      `${named(s.side)}: every result failed its verification run against this harness (first: ${why}); its variants do not speak the protocol this harness checks, so compare refuses it rather than half-compare`,
    );
  }
}

/** A side's results as a run document, sharing the compare's machine, config, order and accounting. */
function sideDocument(plan: SidePlan, measured: Measured[], peaks: Map<string, PeakMemory>, shared: Omit<Parameters<typeof collectRun>[0], 'git' | 'results' | 'id'> & { id: string }): RunDocument {
  const c = shared.config;
  const results = [...unmeasuredResults(plan.broken, plan.problems, plan.workloads, c.sizes), ...measured.map((m) => toResult(m, peaks.get(m.target.key) ?? null))];
  const dirty = plan.side.kind === 'working-tree' && plan.side.dirty;
  return runDocument.parse(collectRun({ ...shared, id: `${shared.id}-${plan.side.name.toLowerCase()}`, git: { commit: plan.side.commit, dirty }, results }));
}

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
 * installs and builds it, then verifies and times every result of both sides in shared rounds,
 * each result's A and B runs side by side in alternating order. Writes results/compare/<id>.json
 * and prints the paired diff; with --fail-above, exits 1 on a significant slowdown above PCT, a
 * result now failing, or one on one side only (unless --allow-missing).
 */
export async function compare(args: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    alpha: { type: 'string' },
    'fail-above': { type: 'string' },
    'allow-missing': { type: 'boolean' },
  });
  if (positionals.length < 1 || positionals.length > 2) throw new ConfigError(USAGE);
  const format = choiceOption('format', values.format, DIFF_FORMATS, 'text');
  const alpha = numberOption('alpha', values.alpha, 0, 1, true) ?? 0.05;
  const failAbovePct = numberOption('fail-above', values['fail-above'], 0, Number.MAX_VALUE);
  const allowMissing = values['allow-missing'] === true;
  if (allowMissing && failAbovePct === undefined) throw new ConfigError('--allow-missing only applies with --fail-above');
  // compare has its own stop rule over paired rounds: unless told otherwise it measures as the
  // precise profile does (the default profile's decisions answer another question).
  const settings = readSettings({ ...process.env, BENCH_PROFILE: process.env.BENCH_PROFILE?.trim() || 'precise' });
  const root = repoRoot();
  const results = resultsDir(root);
  const specs = [await commitSide(root, 'A', positionals[0]!), positionals[1] === undefined ? await workingTreeSide(root, 'B') : await commitSide(root, 'B', positionals[1])];
  // Before the lock and any checkout: a ref this harness cannot drive is refused with nothing made.
  for (const s of specs) if (s.kind === 'commit') await checkLayout(root, s);
  await requireTools([TOOLS.hyperfine, TOOLS.go, TOOLS.clang, TOOLS.flock]);
  const probe = memoryProbe(settings.memoryCgroup);

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
    const plans = sides.map((s, i) => planSide(s, found[i]!, settings, runtimes));
    const [pa, pb] = plans as [SidePlan, SidePlan];
    const targets = interleave(pa.targets, pb.targets);
    const { plan, raisedFrom } = comparePlan(settings.config, pairCount(pa.targets, pb.targets), alpha);
    if (raisedFrom !== null)
      log(`at least ${plan.minRounds} rounds (not ${raisedFrom}): fewer could never give a signed-rank p that survives Holm over ${pairCount(pa.targets, pb.targets)} results at alpha ${alpha}`);
    log(
      `${named(pa.side)} vs ${named(pb.side)}: ${pairCount(pa.targets, pb.targets)} results on both sides, ${targets.length} targets, rounds ${plan.minRounds}..${plan.maxRounds} of ${plan.runsPerRound} runs, A and B side by side in alternating order`,
    );
    const answers = await loadAnswers(root, settings.workloads);
    const createdAt = new Date();
    const machine = await describeMachine();
    const id = runId(createdAt, pb.side.commit);
    const discovered = {
      variants: sides.flatMap((s) => {
        const d = discoverVariants(s.root);
        return [...d.variants, ...d.broken].map((v) => v.name);
      }),
      workloads: sides.flatMap((s) => discoverWorkloads(s.root).workloads.map((w) => w.name)),
    };
    const config = { ...settings.config, minRounds: plan.minRounds, maxRounds: plan.maxRounds, suiteBudgetS: plan.suiteBudgetS, leftOut: leftOutOf(settings.config, discovered) };
    const scheduled = await runSchedule(targets, { ...plan, timeoutS: settings.timeoutS }, answers, {
      progress: log,
      signal: ac.signal,
      cwd: root,
      verified: (states) => refuseHalf(states, plans),
    });
    log(`memory runs: ${config.memoryRuns ? `${config.memoryRuns} per result (${describeProbe(probe)})` : 'off (BENCH_MEMORY_RUNS=0)'}`);
    let memoryS = 0;
    let referencesS = 0;
    const measured: Measured[] = [];
    const peaks = new Map<string, PeakMemory>();
    for (const p of plans) {
      const mine = scheduled.results.filter((m) => onSide(p.side.name, m.target.key));
      const mem = await measureMemory(
        mine,
        answers,
        { runs: config.memoryRuns, probe, timeoutS: settings.timeoutS, runId: `${id}-${p.side.name.toLowerCase()}`, say: log, signal: ac.signal },
        processRunOnce(probe, p.side.root, ac.signal),
      );
      measured.push(...mem.results);
      for (const [k, v] of mem.peaks) peaks.set(k, v);
      memoryS += mem.memoryS;
      referencesS += mem.referencesS;
    }
    const a = scheduled.accounting;
    const accountingS = { verification: a.verificationS, references: a.referencesS + referencesS, rounds: a.roundsS, memory: memoryS, total: a.totalS + referencesS + memoryS };
    const status = lock.lost() === null ? 'complete' : 'interrupted';
    const shared = { createdAt, machine, config, order: scheduled.order, accountingS, status, id } as const;
    const bySide = (p: SidePlan) =>
      sideDocument(
        p,
        measured.filter((m) => onSide(p.side.name, m.target.key)),
        peaks,
        shared,
      );
    const [docA, docB] = [bySide(pa), bySide(pb)];
    const side = (p: SidePlan, run: RunDocument) => ({ ref: p.side.ref, commit: p.side.commit, dirty: run.git.dirty, run });
    const doc: CompareDocument = { schemaVersion: COMPARE_SCHEMA_VERSION, kind: 'compare', id, createdAt: createdAt.toISOString(), a: side(pa, docA), b: side(pb, docB) };
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

/** Prints the paired diff of a compare document with the gate's verdict; the exit code. */
export function report(
  doc: CompareDocument,
  file: string,
  o: { format: (typeof DIFF_FORMATS)[number]; alpha: number; failAbovePct: number | undefined; allowMissing: boolean },
  io: Io,
  status: RunDocument['status'] = 'complete',
): number {
  const result: DiffResult = pairedDiff({ doc: doc.a.run, file }, { doc: doc.b.run, file }, o.alpha);
  const refs = { ...result, a: { ...result.a, id: `${doc.a.ref}` }, b: { ...result.b, id: `${doc.b.ref}` } };
  const notes = o.failAbovePct === undefined ? [] : gateNotes(result, o.failAbovePct, o.allowMissing, true);
  io.out(renderDiff(refs, o.format, notes));
  io.err(`wrote ${file}\n`);
  const failing = o.failAbovePct !== undefined && regressions(result, o.failAbovePct, o.allowMissing, true).length > 0;
  return failing || status === 'interrupted' ? 1 : 0;
}
