import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot, RETIRED, VARIABLES } from '@arena/suite';
import { saveRun } from '../../src/store.ts';
import { arena as spawnArena, snapshot } from '../helpers/cli.ts';
import { makeRun } from '../fixtures/run.ts';

// Every command through the real entry point: a usage or input error exits 2 with one `error:` line
// naming the input (help may follow on later lines); a genuine failure stays 1.
const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-exit-'));
const results = path.join(dir, 'results');
saveRun(results, makeRun({ 'go-native': 0.4, 'c-native': 0.3 }, { id: 'a' }));
saveRun(results, makeRun({ 'go-native': 0.48, 'c-native': 0.3 }, { id: 'b' }));
const emptyResults = path.join(dir, 'empty-results');

const folder = path.join(dir, 'a-folder');
mkdirSync(folder);
const missing = path.join(dir, 'missing.json');
const notJson = path.join(dir, 'not-json.txt');
writeFileSync(notJson, 'not json\nat all\n');
const notRun = path.join(dir, 'not-a-run.json');
writeFileSync(notRun, '{"hello": 1}\n');
const badRun = path.join(dir, 'bad-run.json');
writeFileSync(badRun, JSON.stringify({ ...makeRun({ 'go-native': 0.4 }), results: 'none' }));
const aFile = path.join(dir, 'a-file');
writeFileSync(aFile, '');

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const arena = (args: string[], env: Record<string, string> = {}) => spawnArena(args, { BENCH_RESULTS_DIR: results, BENCH_LOCK_FILE: path.join(dir, 'lock', 'bench'), ...env });

/** Exit 2, and the first line of stderr is `error: …` matching `problem`. */
async function usage(args: string[], problem: RegExp, env: Record<string, string> = {}): Promise<void> {
  const r = await arena(args, env);
  assert.equal(r.exitCode, 2, `exit ${r.exitCode}\nstderr: ${r.stderr}`);
  const first = r.stderr.split('\n')[0]!;
  assert.match(first, /^error: /, r.stderr);
  assert.match(first, problem, r.stderr);
}

const inFolder = new RegExp(`${esc(folder)}: a folder, not a run file$`);
const noSuchFile = new RegExp(`${esc(missing)}: no such file$`);
const notJsonFile = new RegExp(`${esc(notJson)}: not readable JSON \\(.+\\)$`);
const notRunDoc = new RegExp(`${esc(notRun)}: no integer schemaVersion; not a bench-arena run document$`);
const badRunDoc = new RegExp(`${esc(badRun)}: does not match run\\.schema\\.json$`);

test('arena: an unknown command exits 2', () => usage(['frobnicate'], /unknown command "frobnicate"/));

test('collect: a directory as the run exits 2', () => usage(['collect', folder], inFolder));
test('collect: a missing file exits 2', () => usage(['collect', missing], noSuchFile));
test('collect: a file that is not JSON exits 2', () => usage(['collect', notJson], notJsonFile));
test('collect: JSON that is not a run document exits 2', () => usage(['collect', notRun], notRunDoc));
test('collect: a run document failing the schema exits 2', () => usage(['collect', badRun], badRunDoc));
test('collect: no latest run yet exits 2', () => usage(['collect'], new RegExp(`${esc(path.join(emptyResults, 'latest.json'))}: no such file$`), { BENCH_RESULTS_DIR: emptyResults }));
test('collect: an unknown option exits 2', () => usage(['collect', '--bogus'], /Unknown option '--bogus'/));
test('collect: --baseline without a value exits 2', () => usage(['collect', '--baseline'], /'--baseline <value>' argument missing/));
test('collect: two runs exit 2', () => usage(['collect', missing, notRun], /^error: usage: pnpm arena collect/));
test('collect: a readable run exits 0', async () => {
  const r = await arena(['collect', path.join(results, 'runs', 'a.json'), '--baseline', 'c-native']);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /× c-native/);
});

test('diff: a directory as run A exits 2', () => usage(['diff', folder, 'b'], inFolder));
test('diff: a file that is not JSON as run B exits 2', () => usage(['diff', 'a', notJson], notJsonFile));
test('diff: JSON that is not a run document exits 2', () => usage(['diff', notRun], notRunDoc));
test('diff: a run document failing the schema exits 2', () => usage(['diff', 'a', badRun], badRunDoc));
test('diff: a run that cannot be found exits 2', () => usage(['diff', missing], new RegExp(`no run recorded for "${esc(missing)}"`)));
test('diff: an unknown option exits 2', () => usage(['diff', 'a', 'b', '--bogus'], /Unknown option '--bogus'/));
test('diff: --alpha without a value exits 2', () => usage(['diff', 'a', 'b', '--alpha'], /'--alpha <value>' argument missing/));
test('diff: a bad --fail-above number exits 2', () => usage(['diff', 'a', 'b', '--fail-above', 'lots'], /--fail-above must be a number between 0 and .*, got "lots"/));
test('diff: a bad --noise number exits 2 before any run is read', () => usage(['diff', missing, '--noise', '200'], /--noise must be a number between 0 and 100, got "200"/));
test('diff: a regression above --fail-above stays 1', async () => {
  const r = await arena(['diff', 'a', 'b', '--fail-above', '5']);
  assert.equal(r.exitCode, 1, r.stderr);
  assert.match(r.stdout, /REGRESSION/);
  assert.equal(r.stderr, '');
});

test('report: a directory as the run exits 2', () => usage(['report', folder, '--out', path.join(dir, 'report')], inFolder));
test('report: a file that is not JSON exits 2', () => usage(['report', notJson, '--out', path.join(dir, 'report')], notJsonFile));
test('report: a run document failing the schema exits 2', () => usage(['report', 'a', badRun, '--out', path.join(dir, 'report')], badRunDoc));
test('report: --out naming a file exits 2', () => usage(['report', 'a', '--out', aFile], new RegExp(`--out ${esc(aFile)} is a file: name a folder$`)));
test('report: --out without a value exits 2', () => usage(['report', 'a', '--out'], /'--out <value>' argument missing/));
test('report: an unknown option exits 2', () => usage(['report', '--bogus'], /Unknown option '--bogus'/));

test('export: a directory as the run exits 2', () => usage(['export', '--format', 'csv', folder], inFolder));
test('export: a file that is not JSON exits 2', () => usage(['export', '--format', 'bmf', notJson], notJsonFile));
test('export: JSON that is not a run document exits 2', () => usage(['export', '--format', 'gab', notRun], notRunDoc));
test('export: a missing --format exits 2', () => usage(['export', 'a'], /--format is required: bmf, gab, csv$/));
test('export: an unknown --format exits 2', () => usage(['export', '--format', 'xml', 'a'], /--format must be one of bmf, gab, csv, got "xml"$/));
test('export: --out naming a folder exits 2', () => usage(['export', '--format', 'csv', 'a', '--out', folder], new RegExp(`--out ${esc(folder)} is a folder: name a file$`)));
test('export: two runs exit 2', () => usage(['export', '--format', 'csv', 'a', 'b'], /^error: usage: pnpm arena export/));

test('aa --from: a directory as a run exits 2', () => usage(['aa', '--from', folder, 'b'], inFolder));
test('aa --from: a file that is not JSON exits 2', () => usage(['aa', '--from', 'a', notJson], notJsonFile));
test('aa --from: a run document failing the schema exits 2', () => usage(['aa', '--from', badRun, 'b'], badRunDoc));
test('aa --from: one run exits 2', () => usage(['aa', '--from', 'a'], /^error: usage: pnpm arena aa --from <A> <B>/));
test('aa --from: a bad --alpha number exits 2', () => usage(['aa', '--from', 'a', 'b', '--alpha', '2'], /--alpha must be a number strictly between 0 and 1, got "2"$/));
test('aa --from: an unknown option exits 2', () => usage(['aa', '--from', 'a', 'b', '--bogus'], /Unknown option '--bogus'/));

// Argument parsing only: each of these stops before settings, git or any build.
test('compare: an unknown option exits 2', () => usage(['compare', 'HEAD', '--bogus'], /Unknown option '--bogus'/));
test('compare: --fail-above without a value exits 2', () => usage(['compare', 'HEAD', '--fail-above'], /'--fail-above <value>' argument missing/));
test('compare: a bad --alpha number exits 2', () => usage(['compare', 'HEAD', '--alpha', 'x'], /--alpha must be a number strictly between 0 and 1, got "x"$/));
test('compare: three refs exit 2', () => usage(['compare', 'HEAD', 'HEAD~1', 'HEAD~2'], /^error: usage: pnpm arena compare/));
test('compare: --allow-missing without --fail-above exits 2', () =>
  usage(['compare', 'HEAD', '--allow-missing'], /--allow-missing only applies with --fail-above \(or --metric instructions or both, whose gate is always on\)$/));

test('new: an unknown option exits 2', () => usage(['new', 'my-variant', '--bogus'], /unknown option "--bogus"$/));
test('new: --template without a value exits 2', () => usage(['new', 'my-variant', '--template'], /--template needs a value/));
test('new: an unknown template exits 2', () => usage(['new', 'my-variant', '--template', 'cobol'], /unknown template "cobol"/));
test('new: two names exit 2', () => usage(['new', 'one', 'two', '--template', 'node'], /unexpected argument "two"/));

test('new-workload: no name exits 2', () => usage(['new-workload'], /a workload name is needed$/));
test('new-workload: an unknown option exits 2', () => usage(['new-workload', '--bogus'], /unknown option "--bogus"$/));
test('new-workload: two names exit 2', () => usage(['new-workload', 'one', 'two'], /unexpected argument "two"/));
test('new-workload: a name that is not kebab-case exits 2', () => usage(['new-workload', 'Bad_Name'], /workload name "Bad_Name" must be kebab-case/));

// Settings are checked before tools, the lock or any build.
test('bench: an argument exits 2 instead of being ignored', () => usage(['bench', '--profile', 'quick'], /bench takes no arguments, got "--profile quick"/));
test('bench: an unknown BENCH_PROFILE exits 2', () => usage(['bench'], /BENCH_PROFILE must be one of .*, got "nope"$/, { BENCH_PROFILE: 'nope' }));
test('bench: a bad BENCH_WORKERS number exits 2', () => usage(['bench'], /BENCH_WORKERS must be an integer in 1\.\.256, got "many"$/, { BENCH_WORKERS: 'many' }));
test('bench: a BENCH_JS runtime that is not declared and pinned exits 2 naming the accepted ones', () =>
  usage(['bench'], /BENCH_JS must be "all" or a comma-separated list of runtimes from node@20, .*bun@1\.4, deno@2\.9 .*; got "quickjs"$/, { BENCH_JS: 'bun,quickjs' }));
test('bench: BENCH_JS and BENCH_NODE together exit 2', () => usage(['bench'], /set BENCH_JS or BENCH_NODE, not both/, { BENCH_JS: 'bun', BENCH_NODE: '20' }));
test('bench: a bad BENCH_ROUNDS number exits 2', () => usage(['bench'], /BENCH_ROUNDS must be an integer in 1\.\.1000, got "0"$/, { BENCH_ROUNDS: '0' }));
test('bench: BENCH_ONLY naming no variant exits 2 and writes nothing', async () => {
  const before = snapshot(results);
  // Fixture variants, no build: it stops after discovering them, before anything is timed.
  await usage(['bench'], /BENCH_ONLY names no variant: no-such-variant \(found: /, { BENCH_ONLY: 'no-such-variant' });
  assert.deepEqual(snapshot(results), before);
});

// An unknown BENCH_* variable (a typo, or one this harness never had) is refused, not ignored: one
// line naming it and the nearest known name, exit 2, before the lock, a checkout, a build or a timing.
const worktrees = path.join(repoRoot(), '.cache', 'compare', 'worktrees');
const listing = (d: string) => (existsSync(d) ? readdirSync(d).sort() : []);
async function refused(args: string[], env: Record<string, string>, line: string): Promise<void> {
  const lock = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-unknown-')), 'lock', 'bench');
  const [before, trees] = [snapshot(results), listing(worktrees)];
  const r = await arena(args, { BENCH_LOCK_FILE: lock, ...env });
  assert.equal(r.exitCode, 2, `exit ${r.exitCode}\nstderr: ${r.stderr}`);
  assert.equal(r.stderr, `error: ${line}`, 'one line (execa drops the final newline)');
  assert.equal(r.stdout, '');
  assert.deepEqual(snapshot(results), before, 'no run written');
  assert.ok(!existsSync(path.dirname(lock)), 'the bench lock was never taken');
  assert.deepEqual(listing(worktrees), trees, 'no worktree made');
}
const workloadTypo = 'unknown setting BENCH_WORKLOAD (did you mean BENCH_WORKLOADS?)';
test('bench: an unknown BENCH_* exits 2 with the nearest known name, before anything is timed', () => refused(['bench'], { BENCH_WORKLOAD: 'fib' }, workloadTypo));
test('bench: BENCH_RUNTIMES, near no setting, exits 2 listing the known ones', () =>
  refused(['bench'], { BENCH_RUNTIMES: 'bun,deno' }, `unknown setting BENCH_RUNTIMES (known: ${Object.keys(VARIABLES).sort().join(', ')})`));
test('bench: a retired BENCH_RUNS exits 2 naming what replaced it', () => refused(['bench'], { BENCH_RUNS: '3' }, `BENCH_RUNS is no longer read; use ${RETIRED.BENCH_RUNS}`));
test('compare: an unknown BENCH_* exits 2 before any checkout or build', () => refused(['compare', 'HEAD'], { BENCH_WORKLOAD: 'fib' }, workloadTypo));
test('aa: an unknown BENCH_* exits 2 before either run', () => refused(['aa', '--profile', 'quick'], { BENCH_WORKLOAD: 'fib' }, workloadTypo));
test('aa --from: an unknown BENCH_* exits 2 too', () => refused(['aa', '--from', 'a', 'b'], { BENCH_PROFLIE: 'quick' }, 'unknown setting BENCH_PROFLIE (did you mean BENCH_PROFILE?)'));
test('compare: --count-jobs without counting exits 2', () => usage(['compare', 'HEAD', '--count-jobs', '2'], /--count-jobs only applies with --metric instructions or both$/));
test('compare: a --count-jobs that is not a whole number exits 2', () =>
  usage(['compare', 'HEAD', '--metric', 'instructions', '--count-jobs', '1.5'], /--count-jobs must be an integer between 1 and 64, got "1.5"$/));
