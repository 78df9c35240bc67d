// Measures how small a slowdown `arena compare` and two separate benches + `arena diff` see here:
//   pnpm exec tsx scripts/sensitivity/run.ts [--tries 5] [--out .cache/sensitivity/<stamp>] [--profile quick (a smoke test)]
// Clones HEAD into a temporary repository, adds branches slow-2 and slow-5 (fib's C and Go kernels
// slowed by 2 % and 5 % of their compute, see slowdown.ts), then per try: compare main main (A/A),
// compare main slow-2, compare main slow-5, and benches of main, slow-2, slow-5 and main again for
// the diffs. Narrowed (SETTINGS) to results of different noise so that it fits in an hour. Writes
// manifest.json in --out; analyse.ts turns it into the tables. A benchmark: run nothing else meanwhile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { FILES, slowC, slowGo } from './slowdown.ts';

/** The narrowing: go-native (steady), c-native and threads-wasi's modules (noisier), fib at 36. */
export const SETTINGS = {
  BENCH_ONLY: 'go-native,c-native,threads-wasi',
  BENCH_WORKLOADS: 'fib',
  BENCH_SIZE: 'fib=36',
  BENCH_MEMORY_RUNS: '0',
  BENCH_PROFILE: 'default',
};

/** One recorded try: which method and condition, and the file it wrote. */
export interface Entry {
  method: 'compare' | 'bench';
  /** aa: no change; slow-2 / slow-5: B slowed by 2 % / 5 % (for a bench: the branch it measured). */
  condition: 'aa' | 'slow-2' | 'slow-5' | 'main' | 'main-again';
  try: number;
  file: string;
  startedAt: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { tries: { type: 'string', default: '5' }, out: { type: 'string' }, profile: { type: 'string', default: SETTINGS.BENCH_PROFILE } } });
const tries = Number(values.tries);
const out = path.resolve(values.out ?? path.join(root, '.cache', 'sensitivity', new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)));
const results = path.join(out, 'results');
mkdirSync(results, { recursive: true });

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=sensitivity', '-c', 'user.email=sensitivity@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
const say = (m: string) => console.error(`[sensitivity ${new Date().toISOString().slice(11, 19)}] ${m}`);

// The temporary repository: HEAD as main, and one branch per slowdown.
const repo = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-sensitivity-')), 'repo');
git(root, 'clone', '--quiet', '--shared', root, repo);
git(repo, 'checkout', '-q', '-B', 'main');
for (const [branch, fraction] of [
  ['slow-2', 0.02],
  ['slow-5', 0.05],
] as const) {
  git(repo, 'checkout', '-q', '-b', branch, 'main');
  writeFileSync(path.join(repo, FILES.c), slowC(fraction));
  writeFileSync(path.join(repo, FILES.go), slowGo(fraction));
  git(repo, 'commit', '-q', '-am', `fib ${fraction * 100} % slower (sensitivity fixture)`);
}
git(repo, 'checkout', '-q', 'main');
say(`temporary repository ${repo}: main ${git(repo, 'rev-parse', '--short', 'main')}, slow-2, slow-5`);

const env = { ...SETTINGS, BENCH_PROFILE: values.profile, BENCH_RESULTS_DIR: results, TURBO_CACHE_DIR: path.join(root, '.turbo', 'cache'), TURBO_TELEMETRY_DISABLED: '1' };
await execa('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], { cwd: repo, stdio: 'inherit', env });

const entries: Entry[] = [];
const newest = (dir: string, before: Set<string>) => {
  const now = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const made = now.filter((f) => !before.has(f));
  if (made.length !== 1) throw new Error(`expected one new file in ${dir}, found ${made.join(', ') || 'none'}`);
  return path.join(dir, made[0]!);
};
const list = (dir: string) => {
  mkdirSync(dir, { recursive: true });
  return new Set(execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean));
};

async function compare(t: number, condition: Entry['condition'], b: string): Promise<void> {
  const dir = path.join(results, 'compare');
  const before = list(dir);
  const startedAt = new Date().toISOString();
  say(`try ${t}: compare main ${b}`);
  const r = await execa('pnpm', ['--reporter=silent', 'arena', 'compare', 'main', b], { cwd: repo, env, reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`compare main ${b} failed (${r.exitCode}):\n${r.all?.split('\n').slice(-20).join('\n')}`);
  entries.push({ method: 'compare', condition, try: t, file: newest(dir, before), startedAt });
}

async function bench(t: number, condition: Entry['condition'], branch: string): Promise<void> {
  const dir = path.join(results, 'runs');
  const before = list(dir);
  const startedAt = new Date().toISOString();
  git(repo, 'checkout', '-q', branch);
  say(`try ${t}: bench ${branch}`);
  const r = await execa('pnpm', ['--reporter=silent', 'arena', 'bench'], { cwd: repo, env, reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`bench ${branch} failed (${r.exitCode}):\n${r.all?.split('\n').slice(-20).join('\n')}`);
  entries.push({ method: 'bench', condition, try: t, file: newest(dir, before), startedAt });
}

const save = () => writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ repo, settings: { ...SETTINGS, BENCH_PROFILE: values.profile }, entries }, null, 2)}\n`);
const started = Date.now();
for (let t = 1; t <= tries; t++) {
  await compare(t, 'aa', 'main');
  await compare(t, 'slow-2', 'slow-2');
  await compare(t, 'slow-5', 'slow-5');
  await bench(t, 'main', 'main');
  await bench(t, 'slow-2', 'slow-2');
  await bench(t, 'slow-5', 'slow-5');
  await bench(t, 'main-again', 'main');
  save();
  say(`try ${t} of ${tries} done in ${((Date.now() - started) / 60000).toFixed(1)} min`);
}
say(`wrote ${path.join(out, 'manifest.json')}`);
