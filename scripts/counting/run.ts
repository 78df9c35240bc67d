// What a counted compare sees here (docs/comparing.md, "Instructions compare"):
//   pnpm exec tsx scripts/counting/run.ts [--tries 5] [--parts aa,tries,timed] [--out .cache/counting/<stamp>]
// Clones HEAD into a temporary repository with two branches: slow-c (nbody's C kernel doing ~1 %
// more work) and slow-js (nbody's JavaScript kernel ~0.5 % more; see slowdown.ts). Then, per try:
// compare main slow-c narrowed to c-native and compare main slow-js narrowed to threads-js, counted
// (--metric instructions); once: the A/A compare main main --metric instructions of COUNTED, and the
// same scope timed (--metric time) for the time a counted compare takes against a timed one.
// Writes summary.json in --out. A benchmark: run nothing else meanwhile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { FILES, slowC, slowJs } from './slowdown.ts';

/** The A/A's scope: every host that declares counting, on nbody (override with BENCH_ONLY / BENCH_WORKLOADS). */
export const COUNTED = { BENCH_WORKLOADS: process.env.BENCH_WORKLOADS ?? 'nbody', BENCH_MEMORY_RUNS: '0', ...(process.env.BENCH_ONLY ? { BENCH_ONLY: process.env.BENCH_ONLY } : {}) };

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { tries: { type: 'string', default: '5' }, out: { type: 'string' }, parts: { type: 'string', default: 'aa,tries,timed' } } });
const tries = Number(values.tries);
const parts = new Set(values.parts.split(','));
const out = path.resolve(values.out ?? path.join(root, '.cache', 'counting', new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)));
mkdirSync(out, { recursive: true });

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=counting', '-c', 'user.email=counting@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
const say = (m: string) => console.error(`[counting ${new Date().toISOString().slice(11, 19)}] ${m}`);

const repo = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-counting-')), 'repo');
git(root, 'clone', '--quiet', '--shared', root, repo);
git(repo, 'checkout', '-q', '-B', 'main');
for (const [branch, file, slow] of [
  ['slow-c', FILES.c, (s: string) => slowC(s, 100)],
  ['slow-js', FILES.js, (s: string) => slowJs(s, 200)],
] as const) {
  git(repo, 'checkout', '-q', '-b', branch, 'main');
  writeFileSync(path.join(repo, file), slow(readFileSync(path.join(repo, file), 'utf8')));
  git(repo, 'commit', '-q', '-am', `${branch}: nbody's kernel does more work (counting fixture)`);
}
git(repo, 'checkout', '-q', 'main');
say(`temporary repository ${repo}: main ${git(repo, 'rev-parse', '--short', 'main')}, slow-c, slow-js`);

const base = { BENCH_RESULTS_DIR: path.join(out, 'results'), TURBO_CACHE_DIR: path.join(root, '.turbo', 'cache'), TURBO_TELEMETRY_DISABLED: '1' };
await execa('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], { cwd: repo, stdio: 'inherit', env: base });

interface Entry {
  what: string;
  try: number;
  metric: string;
  exitCode: number;
  seconds: number;
  flagged: string[];
  notCountable: string[];
  rows: number;
}
const entries: Entry[] = [];

async function compare(what: string, t: number, b: string, metric: 'instructions' | 'time', env: Record<string, string>): Promise<void> {
  const started = performance.now();
  const r = await execa('pnpm', ['--reporter=silent', 'arena', 'compare', 'main', b, '--metric', metric, '--format', 'json', ...(metric === 'time' ? ['--fail-above', '0.5'] : [])], {
    cwd: repo,
    env: { ...base, ...env },
    reject: false,
    stderr: 'inherit',
  });
  const seconds = (performance.now() - started) / 1000;
  const j = JSON.parse(r.stdout || '{}') as { rows?: Array<{ label: string; flagged?: boolean; change: string; significant?: boolean; deltaPct?: number | null }> };
  const rows = j.rows ?? [];
  const flagged = rows.filter((x) => (metric === 'time' ? x.significant && (x.deltaPct ?? 0) > 0.5 : x.flagged)).map((x) => x.label);
  const e = { what, try: t, metric, exitCode: r.exitCode ?? -1, seconds, flagged, notCountable: rows.filter((x) => x.change === 'not-countable').map((x) => x.label), rows: rows.length };
  entries.push(e);
  say(`${what} (try ${t}, ${metric}): exit ${e.exitCode} in ${seconds.toFixed(0)} s, ${rows.length} rows, flagged: ${flagged.join(', ') || 'none'}`);
  writeFileSync(path.join(out, 'summary.json'), `${JSON.stringify({ repo, entries }, null, 2)}\n`);
}

if (parts.has('aa')) await compare('A/A', 1, 'main', 'instructions', COUNTED);
for (let t = 1; parts.has('tries') && t <= tries; t++) {
  await compare('nbody C +1 %', t, 'slow-c', 'instructions', { BENCH_ONLY: 'c-native', BENCH_WORKLOADS: 'nbody', BENCH_MEMORY_RUNS: '0' });
  await compare('nbody JS +0.5 %', t, 'slow-js', 'instructions', { BENCH_ONLY: 'threads-js', BENCH_WORKLOADS: 'nbody', BENCH_MEMORY_RUNS: '0' });
}
if (parts.has('timed')) await compare('A/A timed', 1, 'main', 'time', COUNTED);
say(`wrote ${path.join(out, 'summary.json')}`);
