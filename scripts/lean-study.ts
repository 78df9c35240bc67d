// How close Node gets to C, step by step: threads-wasi-lean with its steps turned on one at a time
// (and each turned off alone), threads-wasi, and c-native, all in the same rounds, per Node line:
//   pnpm exec tsx scripts/lean-study.ts [--node 20,22,24,26] [--rounds 12] [--size 40] [--out FILE]
// Every run is verified like a bench's (fib's module from clang). Prints the table (markdown) and
// writes the measurements and ratios to FILE (default .cache/lean-study/<stamp>.json). A benchmark:
// run nothing else meanwhile.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { acquireBenchLock, runProcess, runSchedule, type Measured, type Target } from '@arena/hyperfine-wrapper';
import { discoverVariants, loadAnswers, planTargets, readModules, readSettings, resolveRuntimes } from '@arena/suite';
import { timeRatio, type RatioCi } from '../apps/collector/src/report/ratio.ts';
import { STEPS } from '../packages/variants/threads-wasi-lean/src/protocol.ts';
import { leanConfigurations, type LeanConfiguration } from './lean-study/configurations.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { node: { type: 'string', default: '20,22,24,26' }, rounds: { type: 'string', default: '12' }, size: { type: 'string', default: '40' }, out: { type: 'string' } },
});
const rounds = Number(values.rounds);
const out = path.resolve(values.out ?? path.join(root, '.cache', 'lean-study', `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.json`));
const say = (m: string) => console.error(`[lean-study ${new Date().toISOString().slice(11, 19)}] ${m}`);

const ONLY = ['c-native', 'threads-wasi', 'threads-wasi-lean'];
const settings = readSettings({ BENCH_PROFILE: 'precise', BENCH_ONLY: ONLY.join(','), BENCH_WORKLOADS: 'fib', BENCH_SIZE: `fib=${values.size}`, BENCH_NODE: values.node, BENCH_WORKERS: '2' });
const { variants } = discoverVariants(root);
const chosen = variants.filter((v) => ONLY.includes(v.name));
const runtimes = await resolveRuntimes(chosen, settings.config, root, say);
const { targets: planAll, problems } = planTargets(chosen, settings.workloads, readModules(root, runtimes.go), settings.config, runtimes);
if (problems.length) throw new Error(`not built: ${problems.map((p) => `${p.target.key}: ${p.error}`).join('; ')}`);
const planned = planAll.filter((t) => t.parameters.module === undefined || t.parameters.module === 'clang');

/** A study target: which configuration, on which Node line (null for c-native). */
interface StudyTarget {
  target: Target;
  configuration: LeanConfiguration | 'threads-wasi' | 'c-native';
  line: string | null;
}
const study: StudyTarget[] = [];
// The same `env` in front of every command, c-native's too, so each pays the same exec.
const withEnv = (t: Target, vars: Record<string, string>, key: string): Target => ({
  ...t,
  key,
  table: 'lean-study',
  command: `env ${Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')} ${t.command}`,
});
for (const t of planned) {
  const line = t.parameters.node ?? null;
  if (t.variant === 'c-native') study.push({ target: withEnv(t, { ARENA_LEAN_OFF: '' }, 'c-native'), configuration: 'c-native', line });
  if (t.variant === 'threads-wasi') study.push({ target: withEnv(t, { ARENA_LEAN_OFF: '' }, `threads-wasi · node ${line}`), configuration: 'threads-wasi', line });
  if (t.variant !== 'threads-wasi-lean') continue;
  for (const c of leanConfigurations(STEPS)) {
    const [node, ...rest] = t.command.split(' ');
    const command = [node, ...c.flags, ...rest].join(' ');
    study.push({ target: withEnv({ ...t, command }, { ARENA_LEAN_OFF: c.off.join(','), ...c.env }, `lean ${c.name} · node ${line}`), configuration: c, line });
  }
}
say(`${study.length} targets, ${rounds} rounds of 3 runs, fib(${values.size}) on 2 workers, Node ${values.node}`);

const answers = await loadAnswers(root, settings.workloads);
const lock = await acquireBenchLock({ onWait: say });
let measured: Measured[];
const floors: Array<{ line: string; nodeMs: number; nodeWithWorkerMs: number }> = [];
try {
  const plan = { warmup: 1, runsPerRound: 3, minRounds: rounds, maxRounds: rounds, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 0, decisions: null, timeoutS: 120 };
  ({ results: measured } = await runSchedule(
    study.map((s) => s.target),
    plan,
    answers,
    { progress: say, cwd: root },
  ));
  // The floor, still under the lock: what a Node process costs before any work, per line (these
  // compute nothing, so there is nothing to verify).
  for (const line of [...new Set(study.map((s) => s.line).filter((l): l is string => l !== null))]) {
    const node = runtimes.js.find((n) => n.runtime === 'node' && n.line === line)!.binary;
    const json = path.join(path.dirname(out), `floor-${line}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    const r = await runProcess('hyperfine', ['-N', '--warmup', '3', '--runs', '30', '--export-json', json, `${node} -e 0`, `${node} scripts/lean-study/floor-worker.cjs`], {
      cwd: root,
      timeoutMs: 300_000,
    });
    if (r.exitCode !== 0) throw new Error(`hyperfine (floor, Node ${line}) failed: ${r.stderr}`);
    const [boot, worker] = (JSON.parse(readFileSync(json, 'utf8')) as { results: Array<{ median: number }> }).results;
    floors.push({ line, nodeMs: boot!.median * 1000, nodeWithWorkerMs: worker!.median * 1000 });
    say(`floor, Node ${line}: node -e 0 ${(boot!.median * 1000).toFixed(1)} ms; with one worker thread ${(worker!.median * 1000).toFixed(1)} ms`);
  }
} finally {
  await lock.release();
}

const byKey = new Map(measured.map((m) => [m.target.key, m]));
const failed = measured.filter((m) => m.status === 'failed');
for (const f of failed) say(`FAILED ${f.target.key}: ${f.status === 'failed' ? f.error : ''}`);
const ok = (key: string) => {
  const m = byKey.get(key);
  return m?.status === 'ok' ? m : null;
};
const c = ok('c-native');
if (!c) throw new Error('c-native failed: no ratios');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (r: RatioCi) => `${r.ratio.toFixed(3)}×${r.ci ? ` (${r.ci.low.toFixed(3)}–${r.ci.high.toFixed(3)})` : ''}`;
const all = `+${STEPS.at(-1)}`;
const rows = study
  .filter((s) => s.configuration !== 'c-native')
  .map((s) => {
    const m = ok(s.target.key);
    const conf = typeof s.configuration === 'object' ? s.configuration : null;
    const other = (name: string) => ok(`lean ${name} · node ${s.line}`);
    const prev = conf?.after ? other(conf.after) : null;
    const full = conf?.without ? other(all) : null;
    return {
      key: s.target.key,
      line: s.line,
      configuration: conf?.name ?? (s.configuration as string),
      medianMs: m ? median(m.times) * 1000 : null,
      overC: m ? timeRatio(m, c) : null,
      /** Cumulative: this configuration over the one before it (below 1: the added step pays). */
      overPrevious: m && prev ? timeRatio(m, prev) : null,
      /** Leave-one-out: every step on over this step off (below 1: the step pays on top of the others). */
      allOverThis: m && full ? timeRatio(full, m) : null,
    };
  });
const cMs = median(c.times) * 1000;
const cell = (r: RatioCi | null) => (r ? fmt(r) : '–');
const table = [
  `fib(${values.size}), 2 workers, ${rounds} rounds × 3 runs, every run verified; c-native median ${cMs.toFixed(1)} ms. Ratios: the Hodges–Lehmann median of the per-round ratios, with the signed-rank 95 % CI.`,
  '',
  '| configuration | Node | median ms | × c-native (95 % CI) | × the step before | all steps × this |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.configuration} | ${r.line} | ${r.medianMs?.toFixed(1) ?? 'FAILED'} | ${cell(r.overC)} | ${cell(r.overPrevious)} | ${cell(r.allOverThis)} |`),
  '',
  '| Node | `node -e 0` ms | one worker thread booted, answered, exit ms | c-native ms |',
  '| --- | ---: | ---: | ---: |',
  ...floors.map((f) => `| ${f.line} | ${f.nodeMs.toFixed(1)} | ${f.nodeWithWorkerMs.toFixed(1)} | ${cMs.toFixed(1)} |`),
].join('\n');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ createdAt: new Date().toISOString(), size: Number(values.size), rounds, cMs, rows, floors, measured }, null, 1)}\n`);
console.log(table);
say(`wrote ${out}`);
if (failed.length) process.exitCode = 1;
