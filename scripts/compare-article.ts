// Times each variant beside the article's program of the same approach, in one hyperfine call per
// pair, under the machine-wide bench lock. Prints Markdown (used for docs/article-comparison.md).
//   pnpm exec tsx scripts/compare-article.ts [--runs 20] [--check]
// Every program's answers are checked first, untimed (--check stops there), and again in every
// timed run: a wrong or missing answer is an error, never a number.
// Needs a prior `pnpm turbo build`; builds the article's two Go programs itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { acquireBenchLock, describeFailure, describeMachine, killAllChildren, reportCandidates, runProcess, splitCommand, verifyOutput, type Expected } from '@arena/hyperfine-wrapper';
import { acceptedFlags } from '@arena/runtimes';
// The answer every program must print: fib's own reference, as the bench computes it.
import { reference as fibonacci } from '../packages/workloads/fib/reference.ts';

/** How a program's output is checked: our report line, or the article's "📦 收到结果 <n>" lines. */
export type Check = { kind: 'report'; expected: Expected } | { kind: 'article'; n: number };

/** One command of a comparison. */
export interface Program {
  name: string;
  command: string;
  check: Check;
}

/** The programs timed together in one hyperfine call. */
export interface Pair {
  title: string;
  programs: Program[];
}

const RESULT = /收到结果\s+(\S*)\s*$/;
const DISPATCHED = /分发计算任务/;
const DONE = /都搞定了/;

/**
 * Checks one run of an article program: it prints one result line per worker it dispatched, each
 * must be fibonacci(n), then its "done" line. Returns the problem, or null.
 */
export function checkArticleRun(stdout: string, n: number): string | null {
  const lines = stdout.split('\n');
  const results = lines.map((l) => RESULT.exec(l)?.[1]).filter((r): r is string => r !== undefined);
  const dispatched = lines.filter((l) => DISPATCHED.test(l)).length;
  const want = String(fibonacci(n));
  if (results.length === 0) return `printed no result line ("📦 收到结果 <n>"); stdout: ${stdout.trim().slice(-300) || '(empty)'}`;
  const wrong = results.find((r) => r !== want);
  if (wrong !== undefined) return `wrong answer: expected fibonacci(${n}) = ${want}, got ${wrong || '(nothing)'}`;
  if (results.length !== dispatched) return `${results.length} results for ${dispatched} dispatched workers`;
  if (!lines.some((l) => DONE.test(l))) return 'printed no final "都搞定了" line';
  return null;
}

/** Checks one run's stdout (from `cwd`, where module paths resolve). Returns the problem, or null. */
export function checkRun(stdout: string, check: Check, cwd: string): string | null {
  if (check.kind === 'article') return checkArticleRun(stdout, check.n);
  const verdict = verifyOutput(stdout, check.expected, cwd);
  return verdict.ok ? null : verdict.error;
}

/**
 * Checks hyperfine's passed-through stdout for one pair: each program's `runsEach` runs (warmup
 * included) in order, a run ending at its report line (ours) or its "done" line (the article's).
 */
export function checkTimedOutput(stdout: string, programs: Program[], runsEach: number, cwd: string): string | null {
  const lines = stdout.split('\n');
  let i = 0;
  for (const p of programs) {
    const ends = p.check.kind === 'report' ? (l: string) => reportCandidates(l).length > 0 : (l: string) => DONE.test(l);
    for (let run = 1; run <= runsEach; run++) {
      const start = i;
      while (i < lines.length && !ends(lines[i]!)) i++;
      const where = `${p.name}, run ${run} of ${runsEach} (warmup included)`;
      if (i === lines.length) return `${where}: printed no ${p.check.kind === 'report' ? 'report line' : 'final "都搞定了" line'}`;
      const problem = checkRun(lines.slice(start, i + 1).join('\n'), p.check, cwd);
      if (problem) return `${where}: ${problem}`;
      i++;
    }
  }
  const rest = lines.slice(i).join('\n').trim();
  return rest ? `output after the last run: ${rest.slice(0, 300)}` : null;
}

/** Runs every program once, untimed; returns one line per program that fails its check. */
export async function verifyPrograms(
  programs: Program[],
  o: { cwd: string; env?: Record<string, string>; timeoutMs: number; signal?: AbortSignal; progress?: (m: string) => void },
): Promise<string[]> {
  const problems: string[] = [];
  for (const p of programs) {
    const [file, ...args] = splitCommand(p.command);
    const outcome = await runProcess(file!, args, { cwd: o.cwd, env: o.env, timeoutMs: o.timeoutMs, signal: o.signal });
    const ok = outcome.exitCode === 0 && !outcome.timedOut && !outcome.cancelled;
    const problem = ok ? checkRun(outcome.stdout, p.check, o.cwd) : describeFailure(outcome, o.timeoutMs);
    if (problem) problems.push(`${p.name} (${p.command}): ${problem}`);
    else o.progress?.(`verified ${p.name}`);
  }
  return problems;
}

/** Times one pair with hyperfine, checking every run's answers; returns hyperfine's Markdown table. */
export async function timePair(pair: Pair, o: { cwd: string; env?: Record<string, string>; warmup: number; runs: number; timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-article-'));
  try {
    const md = path.join(dir, 'out.md');
    // --output inherit passes each run's stdout through, as the bench harness does, to check it.
    const args = ['-N', '--style', 'none', '--output', 'inherit', '--warmup', String(o.warmup), '--runs', String(o.runs), '--export-markdown', md];
    for (const p of pair.programs) args.push('-n', p.name, p.command);
    const outcome = await runProcess('hyperfine', args, { cwd: o.cwd, env: o.env, timeoutMs: o.timeoutMs, signal: o.signal });
    if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) throw new Error(`${pair.title}: hyperfine ${describeFailure(outcome, o.timeoutMs)}`);
    const problem = checkTimedOutput(outcome.stdout, pair.programs, o.warmup + o.runs, o.cwd);
    if (problem) throw new Error(`${pair.title}: during timing: ${problem}`);
    return readFileSync(md, 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const N = 40; // the article's programs have it built in
const module = 'packages/kernels/dist/fib/clang.wasm';
const v = (name: string) => `packages/variants/${name}`;

/** Each row: our variant, the article's program, and (for the 1.4× target) c-native. */
async function pairs(root: string): Promise<Pair[]> {
  const workers = os.availableParallelism(); // our variants' default, as in the bench
  const manifest = (name: string) => (JSON.parse(readFileSync(path.join(root, v(name), 'package.json'), 'utf8')) as { arena: { command: string; nodeFlags?: string[] } }).arena;
  // As the bench words a Node variant on this Node: its manifest's nodeFlags that `node` accepts, after `node`.
  const accepted = await acceptedFlags(
    'node',
    ['cluster-wasi', 'threads-wasi'].flatMap((name) => manifest(name).nodeFlags ?? []),
  );
  const ours = (name: string, wasm = false): Program => {
    const arena = manifest(name);
    const [first, ...rest] = arena.command.replaceAll('{pkg}', v(name)).split(' ');
    const flags = first === 'node' ? (arena.nodeFlags ?? []).filter((f) => accepted.includes(f)) : [];
    const command = `${[first, ...flags, ...rest].join(' ')} --workload fib --size ${N}${wasm ? ` --module ${module}` : ''}`;
    const expected: Expected = { variant: name, workload: 'fib', size: N, seed: null, workers, answer: fibonacci(N), ...(wasm ? { module } : {}) };
    return { name, command, check: { kind: 'report', expected } };
  };
  const article = (name: string, command: string): Program => ({ name, command, check: { kind: 'article', n: N } });
  const node = 'node --disable-warning=ExperimentalWarning';
  return [
    { title: 'Node cluster', programs: [ours('cluster-js'), article('article cluster', `node ${v('cluster-js')}/article/index.cjs`)] },
    { title: 'Node worker_threads', programs: [ours('threads-js'), article('article threads', `node ${v('threads-js')}/article/index.cjs`)] },
    { title: 'Node cluster + WASM', programs: [ours('cluster-wasi', true), article('article cluster+wasm', `${node} ${v('cluster-wasi')}/article/index.cjs`)] },
    {
      title: 'Node worker_threads + WASM, and c-native',
      programs: [ours('threads-wasi', true), article('article threads+wasm', `${node} ${v('threads-wasi')}/article/index.cjs`), ours('c-native')],
    },
    { title: 'Go goroutines', programs: [ours('go-native'), article('article full.go', `${v('go-native')}/bin/article`)] },
    { title: 'Go + wasmer-go', programs: [ours('go-wasmer', true), article('article wasi.go', `${v('go-wasmer')}/bin/article ${module}`)] },
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, check: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
  const root = path.resolve(import.meta.dirname, '..');
  const env = { WASM_MODULE: module };
  const all = await pairs(root);
  const ac = new AbortController();
  const onSignal = () => {
    ac.abort();
    killAllChildren();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await execa('pnpm', ['--filter', '@arena/variant-go-native', '--filter', '@arena/variant-go-wasmer', 'run', 'build:article'], { cwd: root, stdio: 'inherit' });
  // Verification runs take CPU too, so they also wait for any bench to finish.
  const lock = await acquireBenchLock({
    onWait: (m) => console.error(m),
    onLost: (r) => {
      console.error(`error: the benchmark lock was lost (${r}); stopping`);
      onSignal();
    },
  });
  try {
    const problems = await verifyPrograms(
      all.flatMap((p) => p.programs),
      { cwd: root, env, timeoutMs: 120_000, signal: ac.signal, progress: (m) => console.error(m) },
    );
    if (problems.length) {
      console.error(`error: nothing timed; these programs do not print fibonacci(${N}) = ${fibonacci(N)}:\n${problems.join('\n')}`);
      return 1;
    }
    if (values.check) {
      console.error(`ok: all ${all.flatMap((p) => p.programs).length} programs print fibonacci(${N}) = ${fibonacci(N)}; nothing timed (--check)`);
      return 0;
    }
    const machine = await describeMachine();
    const out = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpuModel}, ${machine.logicalCores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${machine.versions.node}, ${machine.versions.go}, hyperfine ${machine.versions.hyperfine}; n=${N}, workers = ${machine.logicalCores}, module ${module}; hyperfine -N --warmup 2 --runs ${runs}; every run's answers checked.`,
    ];
    for (const pair of all) {
      console.error(`timing: ${pair.title}`);
      out.push(`### ${pair.title}\n\n${await timePair(pair, { cwd: root, env, warmup: 2, runs, timeoutMs: 3_600_000, signal: ac.signal })}`);
    }
    if (lock.lost()) throw new Error(`the benchmark lock was lost (${lock.lost()}): the timings may overlap another benchmark`);
    console.log(out.join('\n\n'));
    return 0;
  } finally {
    await lock.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
