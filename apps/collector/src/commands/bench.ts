import { accessSync, constants, mkdirSync } from 'node:fs';
import { runDocument, type RunDocument, type VariantResult } from '@arena/contract';
import { acquireBenchLock, describeMachine, FIXED_DECISIONS, killAllChildren, requireTools, runSchedule, TOOLS } from '@arena/hyperfine-wrapper';
import { answerLines } from '../decisions/answer.ts';
import { decideOnce } from '../decisions/final.ts';
import { questionsOf } from '../decisions/questions.ts';
import { recordDecisions } from '../decisions/record.ts';
import { execa } from 'execa';
import { collectRun, runId, toResult, unmeasuredResults } from '../collect.ts';
import { describeProbe, memoryProbe } from '../memory/method.ts';
import { measureMemory, processRunOnce } from '../memory/runs.ts';
import {
  ConfigError,
  discoverVariants,
  discoverWorkloads,
  checkSettingNames,
  leftOutOf,
  loadAnswers,
  planTargets,
  readModules,
  readSettings,
  resolveRuntimes,
  withoutMissingPrograms,
  type Modules,
  type Settings,
} from '@arena/suite';
import { buildGoToolchains } from '../go-builds.ts';
import { renderText } from '../format.ts';
import { gitState } from '../git.ts';
import { repoRoot, resultsDir } from '../paths.ts';
import { saveRun } from '../store.ts';
import { writeReports } from '../report/write.ts';
import { articleTable, runHeader, variationTables, workloadTables } from '../table.ts';

const log = (m: string) => console.error(`[arena ${new Date().toISOString().slice(11, 19)}] ${m}`);

/**
 * `arena bench`: checks config and tools, takes the machine-wide lock, builds (turbo, cached),
 * verifies and times every discovered variant, then writes and prints the run.
 */
export async function bench(args: string[] = []): Promise<number> {
  // It is told everything through BENCH_*: an argument such as `--profile quick` would otherwise be
  // ignored and start a full default bench.
  if (args.length) throw new ConfigError(`bench takes no arguments, got "${args.join(' ')}"; settings are BENCH_* variables (e.g. BENCH_PROFILE=quick pnpm arena bench)`);
  return (await runBench(readSettings())).code;
}

/** The bench itself; returns the exit code and, when one was written, the run and its file. */
export async function runBench(settings: Settings): Promise<{ code: number; doc?: RunDocument; runFile?: string }> {
  await requireTools([TOOLS.hyperfine, TOOLS.go, TOOLS.clang, TOOLS.flock]);
  // Before the lock and any build: a BENCH_MEMORY_CGROUP that cannot serve is a usage error.
  const probe = memoryProbe(settings.memoryCgroup);
  const root = repoRoot();
  const results = resultsDir(root);
  try {
    mkdirSync(results, { recursive: true });
    accessSync(results, constants.W_OK);
  } catch (error) {
    throw new Error(`results folder ${results} is not writable: ${(error as Error).message}`);
  }

  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping the benchmark; no run will be written and latest.json stays as it was`);
    ac.abort();
    killAllChildren();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const lock = await acquireBenchLock({ onWait: log, onLost: (why) => log(`warning: the benchmark lock was lost (${why}); this run will be recorded as interrupted and not published as latest`) });
  try {
    if (!settings.skipBuild) {
      log('building (turbo, cached) before taking any time');
      // Through toolchain.sh: compiler versions are part of the build hashes (ARENA_TOOLCHAIN).
      await execa('bash', ['scripts/toolchain.sh', 'pnpm', 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', cancelSignal: ac.signal });
    }
    const { variants: found, broken } = discoverVariants(root, settings.variantsDir ?? undefined);
    const only = settings.config.only;
    const variants = only ? found.filter((v) => only.includes(v.name)) : found;
    if (only) {
      const unknown = only.filter((n) => !found.some((v) => v.name === n));
      if (unknown.length) throw new ConfigError(`BENCH_ONLY names no variant: ${unknown.join(', ')} (found: ${found.map((v) => v.name).join(', ')})`);
    }
    checkSettingNames(settings.config, variants);
    // Before any timing: BENCH_JS's runtimes are installed on first use, and their flags detected;
    // BENCH_GO's toolchains are fetched and build the Go variants and the Go module.
    const runtimes = await resolveRuntimes(variants, settings.config, root, log);
    if (!settings.skipBuild) await buildGoToolchains({ root, variants, toolchains: runtimes.go, say: log, signal: ac.signal });
    const needsKernels = variants.some((v) => v.manifest.wasmModules);
    const modules: Modules = needsKernels ? readModules(root, runtimes.go) : { other: [], go: {}, skipped: [], unavailable: [] };
    for (const s of modules.unavailable) log(`kernel ${s.producer} skipped: ${s.reason}`);
    const answers = await loadAnswers(root, settings.workloads);
    const planned = planTargets(variants, settings.workloads, modules, settings.config, runtimes);
    const { targets, problems } = withoutMissingPrograms(planned, root);
    const c = { ...settings.config, leftOut: leftOutOf(settings.config, { variants: [...found, ...broken].map((v) => v.name), workloads: discoverWorkloads(root).workloads.map((w) => w.name) }) };
    const rounds = c.minRounds === c.maxRounds ? `${c.minRounds}` : `${c.minRounds}..${c.maxRounds}`;
    const sizes = Object.entries(c.sizes)
      .map(([w, size]) => `${w}=${size}`)
      .join(', ');
    const memory = c.memoryRuns ? `, then ${c.memoryRuns} memory runs per result (${describeProbe(probe)})` : ', memory not measured (BENCH_MEMORY_RUNS=0)';
    log(
      `${variants.length} variants × ${settings.workloads.length} workloads (${sizes}), profile ${c.profile}: workers=${c.workers.join(',')}, ${rounds} rounds of ${c.runsPerRound} runs${memory}${c.targetCiPct ? `, until ±${c.targetCiPct} %` : ''}${c.budgetS ? ` or ${c.budgetS} s per result` : ''}${c.suiteBudgetS ? `, the suite within ${Math.round(c.suiteBudgetS / 60)} min` : ''}${c.workloads ? ` · only workloads ${c.workloads.join(', ')}` : ''}${only ? ` · only ${only.join(', ')}` : ''}${runtimes.js.length ? ` · ${runtimes.js.map((n) => `${n.runtime} ${n.version}`).join(', ')}` : ''}${runtimes.go.length ? ` · ${runtimes.go.map((g) => g.version).join(', ')}` : ''}${c.settings ? ` · settings ${c.settings === 'all' ? 'all' : c.settings.join(', ')}` : ''}${c.calls ? ` · calls ${c.calls.join(', ')}` : ''}`,
    );

    const createdAt = new Date();
    const [machine, git] = await Promise.all([describeMachine(), gitState(root)]);
    if (git.dirty) log('the git tree is dirty: the run is recorded as dirty');
    const id = runId(createdAt, git.commit);
    // What the findings ask, from the targets: decided while measuring (default) or once at the end.
    const questions = questionsOf(targets, c.decisions ?? { ...FIXED_DECISIONS, marginPct: settings.marginPct, firstLook: 1, lastLook: 1 });
    const scheduled = await runSchedule(targets, { ...c, timeoutS: settings.timeoutS }, answers, { progress: log, signal: ac.signal, cwd: root, ...(c.decisions ? { decisions: questions } : {}) });
    const { results: timed, order, accounting } = scheduled;
    const failedKeys = new Set(timed.filter((m) => m.status === 'failed').map((m) => m.target.key));
    // A fixed decision is one look after the last round: the record names that round.
    const lastRound = Math.max(1, ...timed.flatMap((m) => (m.status === 'ok' ? m.round : [])));
    const recorded = c.decisions ? questions : { ...questions, rule: { ...questions.rule, firstLook: lastRound, lastLook: lastRound } };
    const decisions = recordDecisions(recorded, scheduled.families ?? decideOnce(questions, timed), targets, c.decisions ? 'sequential' : 'fixed', failedKeys);
    // After every round, still under the lock: memory runs never overlap a timed run.
    const mem = await measureMemory(timed, answers, { runs: c.memoryRuns, probe, timeoutS: settings.timeoutS, runId: id, say: log, signal: ac.signal }, processRunOnce(probe, root, ac.signal));
    const measured = mem.results;
    const accountingS = {
      verification: accounting.verificationS,
      references: accounting.referencesS + mem.referencesS,
      rounds: accounting.roundsS,
      memory: mem.memoryS,
      total: accounting.totalS + mem.referencesS + mem.memoryS,
    };
    log(
      `measured in ${(accountingS.total / 60).toFixed(1)} min: verification ${accountingS.verification.toFixed(0)} s, references ${accountingS.references.toFixed(1)} s, rounds ${accountingS.rounds.toFixed(0)} s, memory ${accountingS.memory.toFixed(0)} s`,
    );
    const out: VariantResult[] = [
      ...unmeasuredResults(
        broken,
        problems,
        settings.workloads.map((w) => w.name),
        c.sizes,
      ),
      ...measured.map((m) => toResult(m, mem.peaks.get(m.target.key) ?? null)),
    ];
    // Another benchmark may have overlapped a run whose lock was lost: keep it, never as latest.
    const status = lock.lost() === null ? 'complete' : 'interrupted';
    const doc = runDocument.parse(collectRun({ id, createdAt, git, machine, config: c, order, results: out, status, accountingS, decisions }));
    const saved = saveRun(results, doc);
    console.log(`\n${runHeader(doc)}\n`);
    // The answer first (what the findings decided), then the tables it comes from.
    const answer = answerLines(doc);
    if (answer.length) console.log(`${answer.join('\n')}\n`);
    for (const t of [...workloadTables(doc, settings.baseline), ...variationTables(doc)]) console.log(`${t.heading}\n\n${renderText(t.table)}\n`);
    if (c.profile === 'article') console.log(`The article's method (best and worst dropped, the rest averaged):\n\n${renderText(articleTable(doc))}\n`);
    console.log(`wrote ${saved.runFile}${saved.latest ? ` and ${saved.latest}` : ''}`);
    const reports = await writeReports(doc, results, { baseline: settings.baseline });
    console.log(`wrote ${reports.html}\nwrote ${reports.markdown}`);
    const failed = doc.results.filter((r) => r.status === 'failed').length;
    if (failed) log(`${failed} result(s) failed; see the table (the run is written, exit status 1)`);
    if (status === 'interrupted') log(`the lock was lost during the run: it is written as interrupted, not as latest (exit status 1)`);
    return { code: failed || status === 'interrupted' ? 1 : 0, doc, runFile: saved.runFile };
  } catch (error) {
    if (ac.signal.aborted) {
      log('interrupted: children stopped, lock released, nothing written');
      return { code: 130 };
    }
    throw error;
  } finally {
    await lock.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
