import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isNodeCommand, type BuiltModule, type RunConfig } from '@arena/contract';
import { defaultModules, KERNELS_DIST, planTargets, variantCommand, type Variant } from '@arena/suite';
import { reportCandidates, splitCommand, tail, verifyOutput, type Target } from '@arena/hyperfine-wrapper';
import type { PlannedGo, PlannedNode, Runtimes } from '@arena/runtimes';
import { missingBuildOutputs } from './built.ts';
import { changedModuleCopy } from './module-copy.ts';
import { expectParallel } from './parallel-check.ts';
import { PARALLEL } from './parallel.ts';
import { packageProblems } from './package-rules.ts';
import { runInGroup, type GroupRun } from './group-run.ts';

/** One rule of packages/variants/README.md applied to one variant (and module): a test. */
export interface Check {
  /** `<variant>: <rule>`, with ` [node=<line>]` after the variant for a Node variant and ` (<module>.wasm)` for a WASI one. */
  title: string;
  /** Resolves when the variant follows the rule (to a note with what it measured, if any); throws an Error saying how it breaks it. */
  run(): Promise<string | void>;
  /** Why the check cannot run on this machine: the test is skipped, saying so. */
  skip?: string;
}

/** The rules, as they appear in test names. */
export const RULES = {
  package: 'is a package as section 1 asks (name, build and test scripts, turbo.json, README.md)',
  built: 'is built',
  modules: 'has kernel modules to run',
  report: 'prints a correct report line (--n 20 --workers 1)',
  workers: 'honours --workers 3',
  n: 'honours --n 21',
  leftovers: 'leaves no process behind (--workers 3)',
  usage: (args: string) => `exits 2 with one error: line on ${args}`,
  missingModule: 'fails with an error: line naming a missing --module, leaving no process behind',
  parallel: 'runs workers in parallel',
  moduleSha256: 'reports the sha256 of the module it ran (a changed copy)',
} as const;

/** Bad command lines every variant must refuse with exit 2, and the argument the error must name. */
export const USAGE_ERRORS: Array<{ args: string[]; names: string }> = [
  { args: ['--n', '-1'], names: '--n' },
  { args: ['--n', 'abc'], names: '--n' },
  { args: ['--workers', '0'], names: '--workers' },
  { args: ['--bogus', '1'], names: '--bogus' },
];

const TIMEOUT_MS = 60_000;

/** The run configuration the checks plan targets with (only n and workers matter). */
const plan = (n: number, workers: number[]): RunConfig => ({
  profile: 'conformance', n, workers, warmup: 0, runsPerRound: 1, minRounds: 1, maxRounds: 1, targetCiPct: null, budgetS: null, only: null, node: null, go: null,
});

/** The bench's targets of a variant on one Node (undefined: a program that is not Node). */
/**
 * Conformance checks the default build (bin/<name>, dist/manifest.json's modules): it is planned as
 * built by one default Go, whose version only names parameters here.
 */
const DEFAULT_GO: PlannedGo = { line: 'default', version: 'default', isDefault: true };

const targetsOf = (variant: Variant, modules: BuiltModule[], n: number, workers: number, node: PlannedNode | undefined): Target[] =>
  planTargets([variant], defaultModules(modules, DEFAULT_GO.version), plan(n, [workers]), { node: node ? [node] : [], go: [DEFAULT_GO] }).targets;

function describe(command: string, r: GroupRun): string {
  const how = r.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : r.signal ? `was killed by ${r.signal}` : `exited with status ${r.exitCode}`;
  const err = tail(r.stderr);
  return `\`${command}\` ${how}${err ? `; stderr ends:\n${err}` : ''}`;
}

/** Runs a command from the root in its own process group; `graceMs` > 0 when its leftovers matter. */
async function run(root: string, command: string, graceMs = 0): Promise<GroupRun> {
  const [file, ...args] = splitCommand(command);
  return runInGroup(file!, args, { cwd: root, timeoutMs: TIMEOUT_MS, graceMs });
}

const LEFTOVER_GRACE_MS = 1000;

/** Runs a target's exact bench command and verifies its report line with the harness's own check. */
async function expectReport(root: string, target: Target): Promise<void> {
  const r = await run(root, target.command);
  if (r.exitCode !== 0 || r.timedOut) throw new Error(describe(target.command, r));
  const verdict = verifyOutput(r.stdout, target.expected, root);
  if (!verdict.ok) throw new Error(`\`${target.command}\`: ${verdict.error}`);
}

/** Runs a WASI target on a changed copy of its module: the report must carry the copy's sha256. */
async function expectModuleSha256(root: string, target: Target): Promise<void> {
  const module = target.expected.module!;
  const copy = changedModuleCopy(path.resolve(root, module));
  try {
    const command = target.command.replace(` --module ${module}`, ` --module ${copy.file}`);
    await expectReport(root, { ...target, command, expected: { ...target.expected, module: copy.file } });
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}

/** Why the parallel rule cannot run here, if it cannot. */
const parallelSkip = (): string | undefined =>
  os.availableParallelism() < PARALLEL.workers ? `needs ${PARALLEL.workers} cores, this machine has ${os.availableParallelism()}` : undefined;

function expectNoLeftovers(command: string, r: GroupRun): void {
  if (r.leftovers.length) {
    const list = r.leftovers.map((p) => `${p.pid} (${p.name})`).join(', ');
    throw new Error(`\`${command}\` left ${r.leftovers.length} process(es) of its group running ${LEFTOVER_GRACE_MS} ms after it exited: ${list}`);
  }
}

/** Checks that a failed run printed no report and one `error:` line on stderr containing `mention`. */
function expectErrorLine(command: string, r: GroupRun, mention: string): void {
  if (reportCandidates(r.stdout).length) throw new Error(`\`${command}\` failed but printed a report line: ${tail(r.stdout, 1)}`);
  const lines = r.stderr.trim().split('\n');
  if (lines.length !== 1 || !lines[0]!.startsWith('error:')) {
    throw new Error(`\`${command}\` must print one line to stderr starting with "error:", got:\n${tail(r.stderr) || '(nothing)'}`);
  }
  if (!lines[0]!.includes(mention)) throw new Error(`\`${command}\`: the error line must name ${mention}: ${lines[0]}`);
}

/**
 * The conformance checks of one variant (packages/variants/README.md), run against the same commands
 * the bench times (planTargets): at small n, a correct report line, --n and --workers honoured,
 * usage errors refused with exit 2, no process left behind, WASI variants proving which module ran;
 * at a calibrated n, workers that run in parallel. WASI variants with every built module, Node
 * variants on every Node of `runtimes` (the parallel rule on those `parallelOn` accepts).
 */
export function conformanceChecks(
  root: string,
  variant: Variant,
  modules: BuiltModule[],
  runtimes: Pick<Runtimes, 'node'>,
  parallelOn: (node: PlannedNode) => boolean = () => true,
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
  if (!isNodeCommand(variant.manifest.command)) return [...checks, ...hostChecks(root, variant, modules, undefined, true, built)];
  if (runtimes.node.length === 0) throw new Error(`${name} is a Node variant, but no Node was given to check it on`);
  for (const node of runtimes.node) checks.push(...hostChecks(root, variant, modules, node, parallelOn(node), built));
  return checks;
}

/** The checks that run a variant, on one Node (or as it is: undefined), titled `<variant> [node=<line>]`. */
function hostChecks(root: string, variant: Variant, modules: BuiltModule[], node: PlannedNode | undefined, parallel: boolean, built: () => void): Check[] {
  const checks: Check[] = [];
  const name = node ? `${variant.name} [node=${node.line}]` : variant.name;
  const wasm = variant.manifest.wasmModules;
  const base = variantCommand(variant, node).command;
  const label = (target: Target) => (target.parameters.module ? `${name} (${target.parameters.module}.wasm)` : name);
  const byModule = (n: number, workers: number) => targetsOf(variant, modules, n, workers, node);
  for (const [rule, n, workers] of [[RULES.report, 20, 1], [RULES.workers, 20, 3], [RULES.n, 21, 1]] as const) {
    for (const target of byModule(n, workers)) {
      checks.push({
        title: `${label(target)}: ${rule}`,
        run: async () => {
          built();
          await expectReport(root, target);
        },
      });
    }
  }
  for (const target of byModule(20, 1).filter((t) => t.expected.module !== undefined)) {
    checks.push({
      title: `${label(target)}: ${RULES.moduleSha256}`,
      run: async () => {
        built();
        await expectModuleSha256(root, target);
      },
    });
  }
  for (const target of parallel ? byModule(PARALLEL.probeN, PARALLEL.workers) : []) {
    // The same target at another n: the module's own list keeps its parameters.
    const sameModule = modules.filter((m) => m.producer === target.parameters.module);
    const targetAt = (n: number) => targetsOf(variant, sameModule, n, PARALLEL.workers, node)[0]!;
    checks.push({
      title: `${label(target)}: ${RULES.parallel}`,
      skip: parallelSkip(),
      run: async () => {
        built();
        return expectParallel(root, targetAt);
      },
    });
  }
  for (const target of byModule(20, 3)) {
    checks.push({
      title: `${label(target)}: ${RULES.leftovers}`,
      run: async () => {
        built();
        expectNoLeftovers(target.command, await run(root, target.command, LEFTOVER_GRACE_MS));
      },
    });
  }
  const module = wasm ? ['--module', `${KERNELS_DIST}/${modules[0]!.file}`] : [];
  for (const { args, names } of USAGE_ERRORS) {
    const command = [base, ...args, ...module].join(' ');
    checks.push({
      title: `${name}: ${RULES.usage(args.join(' '))}`,
      run: async () => {
        built();
        const r = await run(root, command);
        if (r.exitCode !== 2) throw new Error(`${describe(command, r)}; the contract asks for exit status 2`);
        expectErrorLine(command, r, names);
      },
    });
  }
  if (wasm) {
    const missing = path.join(os.tmpdir(), 'arena-conformance-no-such-dir', 'missing.wasm');
    const command = `${base} --n 20 --workers 3 --module ${missing}`;
    checks.push({
      title: `${name}: ${RULES.missingModule}`,
      run: async () => {
        built();
        const r = await run(root, command, LEFTOVER_GRACE_MS);
        if (r.exitCode === 0 || r.exitCode === null) throw new Error(`${describe(command, r)}; a missing module must make it exit non-zero`);
        expectErrorLine(command, r, missing);
        expectNoLeftovers(command, r);
      },
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
