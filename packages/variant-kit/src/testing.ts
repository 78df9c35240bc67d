// Test helpers for the variants' own tests (never loaded on the timed path).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readWorkload, type Answer } from './workload.js';

/** A finished run of a variant's command. */
export interface VariantRun {
  /** Where it ran (the repository root): its `--module` path is relative to this. */
  cwd: string;
  /** Its pid, also its process group's id: it runs in a group of its own (see {@link leftInGroup}). */
  pid: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function repoRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    try {
      readFileSync(join(dir, 'pnpm-workspace.yaml'));
      return dir;
    } catch {
      if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    }
  }
}

/**
 * spawnSync's option for a child in a new session and process group (pgid = its pid): it honours
 * `detached` as spawn does (libuv's setsid), though @types/node leaves it out of its options.
 * testing.test.ts checks that it does.
 */
const detached = { detached: true } as const;

/**
 * Runs a variant the way the harness does: its package.json `arena.command`, split on spaces, with
 * `{pkg}` replaced by the package folder relative to the repository root, from the root, plus `args`,
 * in a process group (and session) of its own, whose leftovers {@link leftInGroup} lists.
 */
export function runVariant(packageDir: string, args: readonly string[]): VariantRun {
  const root = repoRoot(packageDir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { arena: { command: string } };
  const [program, ...rest] = manifest.arena.command
    .split(' ')
    .filter(Boolean)
    .map((part) => part.replaceAll('{pkg}', relative(root, packageDir)));
  const child = spawnSync(program === 'node' ? process.execPath : (program as string), [...rest, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, ...detached });
  return { cwd: root, pid: child.pid, status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

/** A module `@arena/kernels` built: its workload, its producer and its path relative to the root. */
export interface BuiltKernel {
  workload: string;
  producer: string;
  file: string;
}

/**
 * The modules `@arena/kernels` built, from its dist/manifest.json (every module, or those of
 * `workload`). A manifest of schema 1 (before workloads) had fib's modules alone.
 */
export function builtKernels(root: string, workload?: string): BuiltKernel[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/kernels/dist/manifest.json'), 'utf8')) as {
    modules: { workload?: string; producer: string; status: string; file?: string }[];
  };
  return manifest.modules
    .filter((module) => module.status === 'built' && module.file)
    .map((module) => ({ workload: module.workload ?? 'fib', producer: module.producer, file: `packages/kernels/dist/${module.file}` }))
    .filter((module) => workload === undefined || module.workload === workload);
}

/**
 * The answer every worker must report for `workload` at `size` and `seed` (null when unseeded): the
 * workload's own reference (`packages/workloads/<workload>/reference.ts`, imported as TypeScript, so
 * under tsx), typed by its spec's `answer.type`.
 */
export async function referenceAnswer(root: string, workload: string, size: number, seed: number | null): Promise<Answer> {
  const dir = join(root, 'packages', 'workloads');
  const spec = readWorkload(workload, { dir });
  if (!spec) throw new Error(`no workload ${workload} in ${dir}`);
  const { reference } = (await import(pathToFileURL(join(dir, workload, 'reference.ts')).href)) as {
    reference: (size: number, seed: number) => number | number[];
  };
  const answer = reference(size, seed ?? 0);
  if (spec.answer.type === 'u32') return Array.isArray(answer) ? (answer[0] as number) : answer;
  return Array.isArray(answer) ? [...answer] : [answer];
}

/** What a run was asked: the report's fields before its results. */
export interface ExpectedReport {
  variant: string;
  workload: string;
  size: number;
  seed: number | null;
  workers: number;
  module?: string;
  /** `--calls`; above 1 the report has `calls` and the phases `firstCallMs` and `laterCallMs`. */
  calls?: number;
}

/** The report line's fields, in the order of packages/workloads/HOSTS.md. */
const FIELDS = ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'module', 'moduleSha256', 'calls', 'setting', 'phasesMs'];

/** The report line of a run: its last stdout line, parsed. */
export function reportOf(run: VariantRun): Record<string, unknown> {
  const lines = run.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
}

/**
 * Asserts a successful run: exit 0, and a last stdout line that is a valid report for `expected`:
 * the fields in HOSTS.md's order, every worker's answer exactly the workload's reference
 * ({@link referenceAnswer}), `computeMs` and the listed phases present; with a module, `moduleSha256`
 * equal to the sha256 of that file; with `calls` above 1, `calls` and the phases `firstCallMs` and
 * `laterCallMs` (neither above `computeMs`, which spans every call), and without, neither. Returns it.
 */
export async function assertReport(run: VariantRun, expected: ExpectedReport, phases: readonly string[], options: { callsWithinCompute?: boolean } = {}): Promise<Record<string, unknown>> {
  assert.equal(run.status, 0, `exit ${run.status ?? run.signal}; stderr: ${run.stderr}`);
  const report = reportOf(run);
  const { results, phasesMs, ...rest } = report;
  const module = expected.module ? { module: expected.module, moduleSha256: sha256Of(resolve(run.cwd, expected.module)) } : {};
  const { variant, workload, size, seed, workers, calls = 1 } = expected;
  assert.deepEqual(rest, { variant, workload, size, seed, workers, ...module, ...(calls > 1 ? { calls } : {}) });
  assert.deepEqual(
    Object.keys(report),
    FIELDS.filter((field) => field in report),
    "fields in HOSTS.md's order",
  );
  const answer = await referenceAnswer(run.cwd, workload, size, seed);
  assert.deepEqual(results, new Array(workers).fill(answer), `each worker's answer is ${workload}'s reference for size ${size}, seed ${seed}`);
  const callPhases = calls > 1 ? ['firstCallMs', 'laterCallMs'] : [];
  assert.deepEqual(Object.keys(phasesMs as object).sort(), [...new Set([...phases, ...callPhases, 'computeMs'])].sort());
  for (const [phase, ms] of Object.entries(phasesMs as object)) assert.ok(typeof ms === 'number' && ms >= 0, `${phase}: ${ms}`);
  const { computeMs } = phasesMs as Record<string, number>;
  // A host whose workers may start before its dispatch clock (threads-wasi-lean without its barrier) opts out.
  if (options.callsWithinCompute ?? true) for (const phase of callPhases) assert.ok((phasesMs as Record<string, number>)[phase]! <= computeMs!, `${phase} is within computeMs`);
  return report;
}

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The warm-call runs every Node host must pass (HOSTS.md, "Warm calls"), each with the report it
 * must print but for `variant` (check it with {@link assertReport}): `--calls 3` on fib, on seeded
 * nbody and on streamed chunk-hash (its stream made again each call), every answer the reference's;
 * `--calls 1` as if not given. `module(workload)`: for a WASI host, the module each run passes.
 */
export function callsCases(module?: (workload: string) => string): Array<{ args: string[]; expected: Omit<ExpectedReport, 'variant'> }> {
  const runs: Array<Omit<ExpectedReport, 'variant' | 'module'> & { calls: number }> = [
    { workload: 'fib', size: 20, seed: null, workers: 2, calls: 3 },
    { workload: 'nbody', size: 1000, seed: 7, workers: 2, calls: 3 },
    { workload: 'chunk-hash', size: 50, seed: 3000000000, workers: 1, calls: 3 },
    { workload: 'fib', size: 20, seed: null, workers: 1, calls: 1 },
  ];
  return runs.map((expected) => {
    const file = module?.(expected.workload);
    const args = ['--workload', expected.workload, '--size', String(expected.size), '--workers', String(expected.workers), '--calls', String(expected.calls)];
    if (expected.seed !== null) args.push('--seed', String(expected.seed));
    return file === undefined ? { args, expected } : { args: [...args, '--module', file], expected: { ...expected, module: file } };
  });
}

/** Asserts a failed run: exit `status`, nothing on stdout, and an `error:` line on stderr matching `cause`. */
export function assertError(run: VariantRun, status: number, cause: RegExp): void {
  assert.equal(run.stdout, '', 'no report line after a failure');
  assert.equal(run.status, status, `stderr: ${run.stderr}`);
  const errors = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
  assert.equal(errors.length, 1, `one error line; stderr: ${run.stderr}`);
  assert.match(errors[0] as string, cause);
}

/**
 * The command lines every Node host must refuse with exit 2, each with the `error:` line it must
 * print (the wording of `parseArgs`), on fib and nbody — as arena/go-kit/kittest gives the Go hosts.
 * `module(workload)`: for a WASI host, the module each case passes (it then also must require
 * --module); without it, --module is an unknown argument.
 */
export function usageCases(module?: (workload: string) => string): Array<[args: string[], cause: RegExp]> {
  const withModule = (workload: string, args: string[]) => (module ? ['--module', module(workload), ...args] : args);
  const sizes = /--size must be an integer in 1\.\.47 \(fib's n\)/.source;
  return [
    [withModule('fib', ['--size', '-1']), new RegExp(`^error: ${sizes}, got '-1'$`)],
    [withModule('fib', ['--workload', 'fib', '--size', 'abc']), new RegExp(`^error: ${sizes}, got 'abc'$`)],
    [withModule('fib', ['--workload', 'fib', '--size', '48']), new RegExp(`^error: ${sizes}, got '48'$`)],
    [withModule('fib', ['--workload', 'no-such-workload']), /^error: --workload must be one of .*\bfib\b.*, got 'no-such-workload'$/],
    [withModule('fib', ['--workload', 'fib', '--seed', '1']), /^error: --seed is not accepted: fib is not seeded$/],
    [withModule('nbody', ['--workload', 'nbody', '--size', '1000']), /^error: --seed is required: nbody is seeded/],
    [withModule('nbody', ['--workload', 'nbody', '--seed', '4294967296']), /^error: --seed must be an integer in 0\.\.4294967295, got '4294967296'$/],
    [withModule('fib', ['--workers', '0']), /^error: --workers must be an integer >= 1, got '0'$/],
    [withModule('fib', ['--calls', '0']), /^error: --calls must be an integer >= 1, got '0'$/],
    [withModule('fib', ['--calls', 'x']), /^error: --calls must be an integer >= 1, got 'x'$/],
    [withModule('fib', ['--calls']), /^error: --calls needs a value: an integer >= 1$/],
    // Their settings are engine flags the harness gives the runtime: a Node host takes none itself.
    [withModule('fib', ['--setting', 'jitless']), /^error: unknown argument '--setting'/],
    [withModule('fib', ['--cache-dir', 'cache']), /^error: unknown argument '--cache-dir'/],
    [withModule('fib', ['--n', '20']), /^error: unknown argument '--n'/],
    [withModule('fib', ['--verbose']), /^error: unknown argument '--verbose'/],
    module ? [['--size', '20'], /^error: --module is required/] : [['--module', 'packages/kernels/dist/fib/clang.wasm'], /^error: unknown argument '--module'/],
  ];
}

// Leftover processes. A test looks for them among the processes its own command started (its
// process group, or the tree it watched), never among every process of the machine: another
// checkout's tests, run at the same time, start processes with the very same command lines.

/** A process found in /proc. */
export interface ProcessInfo {
  pid: number;
  /** The executable's name (`comm`). */
  name: string;
}

/** What /proc/<pid>/stat says of a process's place among the others. */
interface ProcStat extends ProcessInfo {
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  /** Its start time (clock ticks since boot): with the pid, one process even if the pid is reused. */
  start: string;
}

function readStat(pid: number | string): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
  // pid (comm) state ppid pgrp session … starttime (field 22); comm may hold spaces and parentheses,
  // so the fields are split after the last ')': fields[n - 3] is field n.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return { pid: Number(pid), name: text.slice(text.indexOf('(') + 1, close), state: fields[0]!, ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]), start: fields[19]! };
}

/** The process table: the list a group's or a tree's members are picked from (never asserted on whole). */
function processTable(): ProcStat[] {
  const table: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    const stat = /^\d+$/.test(entry) ? readStat(entry) : null;
    if (stat) table.push(stat);
  }
  return table;
}

const alive = (p: ProcStat) => p.state !== 'Z' && p.state !== 'X';
const keyOf = (p: ProcStat) => `${p.pid}@${p.start}`;
const infoOf = ({ pid, name }: ProcStat): ProcessInfo => ({ pid, name });
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A process's arguments joined by spaces ('' once it is gone). */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** Every live (not zombie) process whose process group is `pgid`, read from /proc. */
export function processesInGroup(pgid: number): ProcessInfo[] {
  if (!(pgid > 0)) throw new Error(`no process group ${pgid}`);
  return processTable()
    .filter((p) => p.pgrp === pgid && alive(p))
    .map(infoOf);
}

/**
 * The processes of group `pgid` — a command started in a group of its own, like {@link runVariant}'s
 * (`leftInGroup(run.pid)`) — still alive up to `graceMs` after the command ended: a worker that
 * outlived its primary. The group is killed then, so none outlives the test. The command's workers
 * stay in its group (fork() keeps it) even when orphaned, which a walk of its tree would miss.
 */
export function leftInGroup(pgid: number, graceMs = 500): ProcessInfo[] {
  if (pgid === readStat(process.pid)?.pgrp) throw new Error(`process group ${pgid} is the test's own: start the command with detached: true`);
  let left = processesInGroup(pgid);
  for (const deadline = Date.now() + graceMs; left.length && Date.now() < deadline; left = processesInGroup(pgid)) sleepSync(25);
  if (left.length) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Emptied meanwhile.
    }
  }
  return left;
}

/** A process seen in a watched tree, with its command line. */
export interface SeenProcess extends ProcessInfo {
  commandLine: string;
}

/** What {@link watchTree} saw. */
export interface TreeWatch {
  /** Every process seen in the tree so far, the root first, each with its last name and command line. */
  seen(): SeenProcess[];
  /**
   * Stops watching, and returns what the root left behind once it ended: every process it started
   * (seen in its tree) and every process of a group or session they were in, still alive up to
   * `graceMs` later. Those are killed then, so none outlives the test.
   */
  leftovers(graceMs?: number): Promise<ProcessInfo[]>;
}

/**
 * Watches the process tree of `root` (a child the test started, detached: true, or the test itself,
 * process.pid) every `intervalMs` until {@link TreeWatch.leftovers}. For commands that start their
 * own children in new process groups and sessions (the bench runs hyperfine and every variant
 * detached), so no single group holds them all: the watch notes each group and session its
 * processes are in — never the test's own — and keeps following a process it saw after its parent
 * died and it was reparented away from the tree. When the root is the test itself, the children it
 * already had when the watch began (tsx's esbuild service) are not the command's and are left out.
 * A process that leaves the tree, its groups and its sessions between two looks is missed: the
 * commands watched here start their processes for far longer than `intervalMs`.
 */
export function watchTree(root: number, intervalMs = 20): TreeWatch {
  const self = readStat(process.pid)!;
  const before = new Set<string>();
  const seen = new Map<string, SeenProcess>();
  const groups = new Set<number>();
  const sessions = new Set<number>();
  const ours = (p: ProcStat) => groups.has(p.pgrp) || sessions.has(p.session);
  const sample = (first = false) => {
    const table = processTable();
    const children = new Map<number, ProcStat[]>();
    for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const queue = table.filter((p) => p.pid === root || seen.has(keyOf(p)) || ours(p));
    const tree = new Map<string, ProcStat>();
    for (let p = queue.pop(); p; p = queue.pop()) {
      if (tree.has(keyOf(p))) continue;
      tree.set(keyOf(p), p);
      queue.push(...(children.get(p.pid) ?? []));
    }
    for (const [key, p] of tree) {
      if (p.pid === process.pid || before.has(key)) continue;
      if (first && root === process.pid) {
        before.add(key);
        continue;
      }
      // Looked at again each time: a child seen between its fork and its exec shows its parent's.
      const commandLine = commandLineOf(p.pid);
      if (!seen.has(key) || commandLine) seen.set(key, { pid: p.pid, name: p.name, commandLine });
      if (p.pgrp !== self.pgrp) groups.add(p.pgrp);
      if (p.session !== self.session) sessions.add(p.session);
    }
  };
  sample(true);
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  const left = () => {
    sample();
    return processTable().filter((p) => alive(p) && p.pid !== process.pid && !before.has(keyOf(p)) && (seen.has(keyOf(p)) || ours(p)));
  };
  return {
    seen: () => [...seen.values()],
    async leftovers(graceMs = 0) {
      clearInterval(timer);
      let found = left();
      for (const deadline = Date.now() + graceMs; found.length && Date.now() < deadline; found = left()) await new Promise((r) => setTimeout(r, 25));
      for (const p of found) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
      return found.map(infoOf);
    },
  };
}

/** Processes started by {@link startDecoys}. */
export interface Decoys {
  pids: number[];
  /** Kills the decoys still running. */
  stop(): void;
}

/**
 * Starts, for each needle, a process unrelated to the test whose command line holds the needle
 * (`node -e <wait> -- <needle>`): what another checkout's tests would run beside this one. None is
 * the test's descendant (its shell exits at once, so it is reparented away) nor in the test's group
 * or session (the shell was detached). A leftover check that looked at every process of the machine
 * for that text would find it; one that looks at its own group or tree must not. Each lives
 * `lifetimeMs` at most; call stop() when done (in an after hook).
 */
export function startDecoys(needles: readonly string[], lifetimeMs = 120_000): Decoys {
  const self = readStat(process.pid)!;
  const pids: number[] = [];
  const decoys = {
    pids,
    stop() {
      needles.forEach((needle, i) => {
        const pid = pids[i];
        if (pid === undefined || !commandLineOf(pid).includes(needle)) return;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      });
    },
  };
  try {
    for (const needle of needles) {
      const wait = `setTimeout(() => {}, ${lifetimeMs})`;
      const shell = spawnSync('/bin/sh', ['-c', '"$@" </dev/null >/dev/null 2>&1 & echo $!', 'sh', process.execPath, '-e', wait, '--', ...needle.split(' ')], {
        ...detached,
        encoding: 'utf8',
        timeout: 10_000,
      });
      const pid = Number(shell.stdout.trim());
      if (!(pid > 0)) throw new Error(`decoy for ${JSON.stringify(needle)} did not start: ${shell.stderr}`);
      pids.push(pid);
      for (const deadline = Date.now() + 5000; !commandLineOf(pid).includes(needle) && Date.now() < deadline; ) sleepSync(10);
      const stat = readStat(pid);
      if (!stat || !commandLineOf(pid).includes(needle)) throw new Error(`decoy ${pid} for ${JSON.stringify(needle)} is not running it`);
      if (stat.ppid === process.pid || stat.pgrp === self.pgrp || stat.session === self.session) throw new Error(`decoy ${pid} is related to the test`);
    }
  } catch (error) {
    decoys.stop();
    throw error;
  }
  return decoys;
}
