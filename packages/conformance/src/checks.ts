import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isNodeCommand, type BuiltModule, type RunConfig } from '@arena/contract';
import { defaultModules, KERNELS_DIST, planTargets, variantCommand, type SkippedModule, type Variant, type Workload } from '@arena/suite';
import { reportCandidates, runOf, sameAnswer, shownStderr, splitCommand, tail, verifyOutput, type Answers, type Run, type Target } from '@arena/hyperfine-wrapper';
import type { PlannedGo, PlannedJs, Runtimes } from '@arena/runtimes';
import { missingBuildOutputs } from './built.ts';
import { changedModuleCopy } from './module-copy.ts';
import { expectParallel } from './parallel-check.ts';
import { PARALLEL } from './parallel.ts';
import { packageProblems } from './package-rules.ts';
import { runInGroup, type GroupRun } from './group-run.ts';

/** One rule of packages/variants/README.md applied to one variant (and module, and workload): a test. */
export interface Check {
  /**
   * `<variant> · <workload>: <rule>`, with ` [node=<line>]` after the variant for a Node variant and
   * ` (<module>.wasm)` for a WASI one; rules about the variant alone (package, usage) have no workload.
   */
  title: string;
  /** Resolves when the variant follows the rule (to a note with what it measured, if any); throws an Error saying how it breaks it. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a check's body may be an async function that returns nothing
  run(): Promise<string | void>;
  /** Why the check cannot run on this machine: the test is skipped, saying so. */
  skip?: string;
}

/** The rules, as they appear in test names. */
export const RULES = {
  package: 'is a package as section 1 asks (name, build and test scripts, turbo.json, README.md)',
  built: 'is built',
  modules: 'has kernel modules to run',
  report: "prints a correct report line (the workload's quick size, --workers 1)",
  workers: 'honours --workers 3',
  size: 'honours --size (the quick size + 1)',
  seeds: 'gives two different, correct answers for two seeds in a row',
  leftovers: 'leaves no process behind (--workers 3)',
  usage: (args: string) => `exits 2 with one error: line on ${args}`,
  missingModule: 'fails with an error: line naming a missing --module, leaving no process behind',
  parallel: 'runs workers in parallel',
  moduleSha256: 'reports the sha256 of the module it ran (a changed copy)',
  calls: 'honours --calls 3 (every call verified; firstCallMs and laterCallMs reported)',
  setting: (name: string) => `runs with its setting ${name} and verifies`,
} as const;

/**
 * Bad command lines every variant must refuse with exit 2, and the argument the error must name: for
 * any workload (fib's arguments), and for a seeded one without its seed or an unseeded one with one.
 */
export const USAGE_ERRORS: Array<{ args: string[]; names: string }> = [
  { args: ['--workload', 'fib', '--size', '-1'], names: '--size' },
  { args: ['--workload', 'fib', '--size', 'abc'], names: '--size' },
  { args: ['--workload', 'fib', '--size', '48'], names: '--size' },
  { args: ['--workload', 'no-such-workload'], names: '--workload' },
  { args: ['--workload', 'fib', '--workers', '0'], names: '--workers' },
  { args: ['--workload', 'fib', '--seed', '1'], names: '--seed' },
  { args: ['--bogus', '1'], names: '--bogus' },
  { args: ['--workload', 'fib', '--calls', '0'], names: '--calls' },
  { args: ['--workload', 'fib', '--setting', 'no-such-setting'], names: '--setting' },
];

/** The seeded usage error: a seeded workload run without --seed. */
export const missingSeed = (workload: string) => ({ args: ['--workload', workload, '--size', '1'], names: '--seed' });

/** The two seeds of the seeds rule: any two, as long as the harness, not the variant, chose them. */
export const SEEDS = [12345, 3_000_000_000] as const;

const TIMEOUT_MS = 60_000;

/** The run configuration the checks plan targets with (the size and workers matter, and the settings or calls a check asks for; sizes of the quick profile). */
const plan = (workload: string, size: number, workers: number[], variations: Pick<RunConfig, 'settings' | 'calls'> = { settings: null, calls: null }): RunConfig => ({
  profile: 'quick',
  sizes: { [workload]: size },
  workloads: null,
  workers,
  warmup: 0,
  runsPerRound: 1,
  minRounds: 1,
  maxRounds: 1,
  targetCiPct: null,
  budgetS: null,
  suiteBudgetS: null,
  memoryRuns: 0,
  decisions: null,
  only: null,
  leftOut: null,
  js: null,
  go: null,
  ...variations,
});

/**
 * Conformance checks the default build (bin/<name>, dist/manifest.json's modules): it is planned as
 * built by one default Go, whose version only names parameters here.
 */
const DEFAULT_GO: PlannedGo = { line: 'default', version: 'default', isDefault: true };

/** What the checks know of the workloads: the discovered ones, their references, and the modules the kernels build skipped. */
export interface Workloads {
  workloads: Workload[];
  answers: Answers;
  skipped?: SkippedModule[];
}

/** The bench's targets (and planned failures) of a variant on one workload at one size, on one JavaScript runtime (undefined: a program that is not Node-style). */
const planOf = (
  variant: Variant,
  w: Workload,
  modules: BuiltModule[],
  skipped: SkippedModule[],
  size: number,
  workers: number,
  js: PlannedJs | undefined,
  variations?: Pick<RunConfig, 'settings' | 'calls'>,
) => planTargets([variant], [w], defaultModules(modules, DEFAULT_GO.version, skipped), plan(w.name, size, [workers], variations), { js: js ? [js] : [], go: [DEFAULT_GO] });

/** Runs a warm-calls target: its report (verified as the bench verifies it, `calls` included) must carry both call phases. */
async function expectCalls(root: string, target: Target, answers: Answers): Promise<void> {
  const report = await expectReport(root, runWith(target, answers));
  const missing = (['firstCallMs', 'laterCallMs'] as const).filter((k) => report.phasesMs[k] === undefined);
  if (missing.length) throw new Error(`\`${target.command}\`: its report has calls ${report.calls} but no ${missing.join(' or ')} in phasesMs`);
}

function describe(command: string, r: GroupRun): string {
  const how = r.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : r.signal ? `was killed by ${r.signal}` : `exited with status ${r.exitCode}`;
  const err = tail(shownStderr(r.stderr));
  return `\`${command}\` ${how}${err ? `; stderr ends:\n${err}` : ''}`;
}

/** Runs a command from the root in its own process group; `graceMs` > 0 when its leftovers matter. */
async function run(root: string, command: string, graceMs = 0): Promise<GroupRun> {
  const [file, ...args] = splitCommand(command);
  return runInGroup(file!, args, { cwd: root, timeoutMs: TIMEOUT_MS, graceMs });
}

const LEFTOVER_GRACE_MS = 1000;

/** Runs one run of a target's exact bench command and verifies its report line with the harness's own check; returns the report. */
async function expectReport(root: string, run_: Run) {
  const r = await run(root, run_.command);
  if (r.exitCode !== 0 || r.timedOut) throw new Error(describe(run_.command, r));
  const verdict = verifyOutput(r.stdout, run_.expected, root);
  if (!verdict.ok) throw new Error(`\`${run_.command}\`: ${verdict.error}`);
  return verdict.report;
}

/** A target's run with a seed, checked against the workload's reference for it. */
const runWith = (target: Target, answers: Answers, seed: number = SEEDS[0]): Run => runOf(target, seed, answers(target.asked.workload, target.asked.size, target.seeded ? seed : null));

/** Runs a target with two seeds in a row: both answers correct, and different (no answer replayed). */
async function expectTwoSeeds(root: string, target: Target, answers: Answers): Promise<void> {
  const [a, b] = [await expectReport(root, runWith(target, answers, SEEDS[0])), await expectReport(root, runWith(target, answers, SEEDS[1]))];
  if (sameAnswer(a.results[0]!, b.results[0]!)) {
    throw new Error(`seeds ${SEEDS[0]} and ${SEEDS[1]} gave the same answer ${JSON.stringify(a.results[0])}: the seed must change the work`);
  }
}

/** Runs a WASI target on a changed copy of its module: the report must carry the copy's sha256. */
async function expectModuleSha256(root: string, target: Target, answers: Answers): Promise<void> {
  const module = target.asked.module!;
  const copy = changedModuleCopy(path.resolve(root, module));
  try {
    const command = target.command.replace(` --module ${module}`, ` --module ${copy.file}`);
    await expectReport(root, runWith({ ...target, command, asked: { ...target.asked, module: copy.file } }, answers));
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}

/** Why the parallel rule cannot run here, if it cannot. */
const parallelSkip = (): string | undefined => (os.availableParallelism() < PARALLEL.workers ? `needs ${PARALLEL.workers} cores, this machine has ${os.availableParallelism()}` : undefined);

function expectNoLeftovers(command: string, r: GroupRun): void {
  if (r.leftovers.length) {
    const list = r.leftovers.map((p) => `${p.pid} (${p.name})`).join(', ');
    throw new Error(`\`${command}\` left ${r.leftovers.length} process(es) of its group running ${LEFTOVER_GRACE_MS} ms after it exited: ${list}`);
  }
}

/** Checks that a failed run printed no report and one `error:` line on stderr containing `mention`. */
function expectErrorLine(command: string, r: GroupRun, mention: string): void {
  if (reportCandidates(r.stdout).length) throw new Error(`\`${command}\` failed but printed a report line: ${tail(r.stdout, 1)}`);
  // The known WASI warning (Deno prints it whatever the flags) is not the variant's line.
  const stderr = shownStderr(r.stderr);
  const lines = stderr.trim().split('\n');
  if (lines.length !== 1 || !lines[0]!.startsWith('error:')) {
    throw new Error(`\`${command}\` must print one line to stderr starting with "error:", got:\n${tail(stderr) || '(nothing)'}`);
  }
  if (!lines[0]!.includes(mention)) throw new Error(`\`${command}\`: the error line must name ${mention}: ${lines[0]}`);
}

/**
 * The conformance checks of one variant (packages/variants/README.md), run against the same commands
 * the bench times (planTargets), on every workload: at its quick size, a correct report line, --size
 * and --workers honoured, two seeds giving two different correct answers (seeded workloads), no
 * process left behind, WASI variants proving which module ran; usage errors refused with exit 2; on
 * fib at a calibrated n, workers that run in parallel (a property of the host). WASI variants with
 * every built module of each workload, Node-style variants on every JavaScript runtime of `runtimes`
 * (the parallel rule on those `parallelOn` accepts).
 */
export function conformanceChecks(
  root: string,
  variant: Variant,
  modules: BuiltModule[],
  runtimes: Pick<Runtimes, 'js'>,
  work: Workloads,
  parallelOn: (js: PlannedJs) => boolean = () => true,
): Check[] {
  const name = variant.name;
  const built = () => {
    const missing = missingBuildOutputs(root, variant);
    if (missing.length) throw new Error(`${missing.join(', ')} missing: build it first (pnpm turbo run build --filter=./${variant.dir})`);
  };
  const checks: Check[] = [
    {
      title: `${name}: ${RULES.package}`,
      run: async () => {
        const problems = packageProblems(root, variant);
        if (problems.length) throw new Error(problems.join('; '));
      },
    },
    { title: `${name}: ${RULES.built}`, run: async () => built() },
  ];
  if (variant.manifest.wasmModules && modules.length === 0) {
    checks.push({
      title: `${name}: ${RULES.modules}`,
      run: async () => {
        throw new Error(`no kernel module was built (${KERNELS_DIST}/manifest.json lists none)`);
      },
    });
    return checks;
  }
  if (!isNodeCommand(variant.manifest.command)) return [...checks, ...hostChecks(root, variant, modules, work, undefined, true, built)];
  if (runtimes.js.length === 0) throw new Error(`${name} is a Node-style variant, but no JavaScript runtime was given to check it on`);
  // Engine settings are checked on the first runtime of each engine: their flags are the engine's,
  // and the bench refuses them, by name, on a runtime that does not accept them.
  for (const js of runtimes.js) checks.push(...hostChecks(root, variant, modules, work, js, parallelOn(js), built, runtimes.js.find((r) => r.engine === js.engine) === js));
  return checks;
}

/** The checks that run a variant, on one JavaScript runtime (or as it is: undefined), titled `<variant> [node=<line>] (<module>.wasm) · <workload>`. */
function hostChecks(root: string, variant: Variant, modules: BuiltModule[], work: Workloads, node: PlannedJs | undefined, parallel: boolean, built: () => void, withSettings = true): Check[] {
  const checks: Check[] = [];
  const name = node ? `${variant.name} [${node.runtime}=${node.line}]` : variant.name;
  const wasm = variant.manifest.wasmModules;
  const base = variantCommand(variant, node).command;
  const { answers } = work;
  const skipped = work.skipped ?? [];
  const label = (target: Target) => `${target.parameters.module ? `${name} (${target.parameters.module}.wasm)` : name} · ${target.asked.workload}`;
  // biome-ignore lint/suspicious/noConfusingVoidType: as Check.run
  const add = (title: string, body: () => Promise<string | void>, skip?: string) =>
    checks.push({
      title,
      skip,
      run: async () => {
        built();
        return body();
      },
    });
  for (const w of work.workloads) {
    const quick = w.spec.size.profiles.quick;
    const at = (size: number, workers: number) => planOf(variant, w, modules, skipped, size, workers, node);
    // A module the kernels build could not make for this workload fails once, with the reason.
    for (const p of at(quick, 1).problems)
      add(`${label(p.target)}: ${RULES.modules}`, async () => {
        throw new Error(p.error);
      });
    for (const [rule, size, workers] of [
      [RULES.report, quick, 1],
      [RULES.workers, quick, 3],
      [RULES.size, Math.min(quick + 1, w.spec.size.max), 1],
    ] as const) {
      for (const target of at(size, workers).targets) add(`${label(target)}: ${rule}`, async () => void (await expectReport(root, runWith(target, answers))));
    }
    for (const target of w.spec.seeded ? at(quick, 1).targets : []) add(`${label(target)}: ${RULES.seeds}`, () => expectTwoSeeds(root, target, answers));
    for (const target of at(quick, 1).targets.filter((t) => t.asked.module !== undefined)) {
      add(`${label(target)}: ${RULES.moduleSha256}`, () => expectModuleSha256(root, target, answers));
    }
    // Whether workers run at once is the host's: checked on fib, whose time grows by a known factor per n.
    for (const target of parallel && w.name === 'fib' ? at(PARALLEL.probeN, PARALLEL.workers).targets : []) {
      const sameModule = modules.filter((m) => m.producer === target.parameters.module);
      const targetAt = (n: number) => runWith(planOf(variant, w, sameModule, [], n, PARALLEL.workers, node).targets[0]!, answers);
      add(`${label(target)}: ${RULES.parallel}`, () => expectParallel(root, targetAt), parallelSkip());
    }
    // Warm calls and every declared setting, as the bench plans them (a slow setting at its size.slow).
    for (const target of planOf(variant, w, modules, skipped, quick, 2, node, { settings: null, calls: [3] }).targets.filter((t) => t.parameters.calls)) {
      add(`${label(target)}: ${RULES.calls}`, () => expectCalls(root, target, answers));
    }
    const settings = withSettings ? planOf(variant, w, modules, skipped, quick, 2, node, { settings: 'all', calls: null }) : { targets: [], problems: [] };
    for (const target of settings.targets.filter((t) => t.parameters.settings)) {
      add(`${label(target)}: ${RULES.setting(target.parameters.settings!)}`, async () => void (await expectReport(root, runWith(target, answers))));
    }
    // A setting the engine cannot take is planned as a failure naming why: the check fails with it.
    const moduleProblems = at(quick, 1).problems.map((p) => p.error);
    for (const p of settings.problems.filter((x) => x.target.parameters.settings && !moduleProblems.includes(x.error))) {
      add(`${label(p.target)}: ${RULES.setting(p.target.parameters.settings!)}`, async () => {
        throw new Error(p.error);
      });
    }
    for (const target of at(quick, 3).targets) {
      add(`${label(target)}: ${RULES.leftovers}`, async () => expectNoLeftovers(target.command, await run(root, runWith(target, answers).command, LEFTOVER_GRACE_MS)));
    }
  }
  const module = (workload: string) => {
    const m = modules.find((x) => x.workload === workload) ?? modules[0];
    return wasm && m ? ['--module', `${KERNELS_DIST}/${m.file}`] : [];
  };
  const seeded = work.workloads.filter((w) => w.spec.seeded).map((w) => ({ ...missingSeed(w.name), workload: w.name }));
  for (const { args, names, workload = 'fib' } of [...USAGE_ERRORS, ...seeded] as Array<{ args: string[]; names: string; workload?: string }>) {
    const command = [base, ...args, ...module(workload)].join(' ');
    add(`${name}: ${RULES.usage(args.join(' '))}`, async () => {
      const r = await run(root, command);
      if (r.exitCode !== 2) throw new Error(`${describe(command, r)}; the contract asks for exit status 2`);
      expectErrorLine(command, r, names);
    });
  }
  if (wasm) {
    const missing = path.join(os.tmpdir(), 'arena-conformance-no-such-dir', 'missing.wasm');
    const command = `${base} --workload fib --size 20 --workers 3 --module ${missing}`;
    add(`${name}: ${RULES.missingModule}`, async () => {
      const r = await run(root, command, LEFTOVER_GRACE_MS);
      if (r.exitCode === 0 || r.exitCode === null) throw new Error(`${describe(command, r)}; a missing module must make it exit non-zero`);
      expectErrorLine(command, r, missing);
      expectNoLeftovers(command, r);
    });
  }
  return checks;
}

/** Runs checks one after another; returns each title with its error message if it failed, or why it was skipped. */
export async function runChecks(checks: Check[]): Promise<Array<{ title: string; error?: string; skipped?: string }>> {
  const out: Array<{ title: string; error?: string; skipped?: string }> = [];
  for (const check of checks) {
    if (check.skip !== undefined) {
      out.push({ title: check.title, skipped: check.skip });
      continue;
    }
    try {
      await check.run();
      out.push({ title: check.title });
    } catch (error) {
      out.push({ title: check.title, error: (error as Error).message });
    }
  }
  return out;
}
