import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../src/errors.ts';
import { repoRoot } from '../src/root.ts';
import { readSettings } from '../src/settings.ts';
import { checkVariables, editDistance, nearestVariable, RETIRED, VARIABLES } from '../src/variables.ts';

const root = repoRoot();
const known = Object.keys(VARIABLES).sort();

/** The message checkVariables throws for `env`, or null when it accepts it. */
function problem(env: NodeJS.ProcessEnv): string | null {
  try {
    checkVariables(env);
    return null;
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
}

test('editDistance: insertions, deletions, substitutions and adjacent transpositions each count 1', () => {
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('WORKLOAD', 'WORKLOADS'), 1);
  assert.equal(editDistance('PROFLIE', 'PROFILE'), 1);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('JS', 'N'), 2);
});

test('every known setting is accepted, alone and all together, and so is any other variable', () => {
  for (const name of known) assert.equal(problem({ [name]: '1' }), null, name);
  assert.equal(problem(Object.fromEntries(known.map((n) => [n, '']))), null);
  assert.equal(problem({ HOME: '/home/x', BENCHER_API_TOKEN: 't', BENCHMARK_X: '1', XBENCH_Y: '1', ARENA_FIXTURE_LOG: '/tmp/log' }), null);
  assert.equal(problem({ BENCH_WORKLOAD: undefined }), null, 'an unset variable is not a setting');
});

for (const [typed, near] of [
  ['BENCH_WORKLOAD', 'BENCH_WORKLOADS'],
  ['BENCH_PROFLIE', 'BENCH_PROFILE'],
  ['BENCH_TIMEOUT', 'BENCH_TIMEOUT_S'],
  ['BENCH_RESULT_DIR', 'BENCH_RESULTS_DIR'],
  ['BENCH_SKIPBUILD', 'BENCH_SKIP_BUILD'],
  ['BENCH_NODES', 'BENCH_NODE'],
  ['bench_profile', 'BENCH_PROFILE'],
] as const) {
  test(`${typed} is refused with its nearest known name, ${near}`, () => {
    assert.equal(nearestVariable(typed), near);
    assert.equal(problem({ [typed]: 'x' }), `unknown setting ${typed} (did you mean ${near}?)`);
  });
}

test('an unknown name near no known one is refused with the list of known names', () => {
  for (const typed of ['BENCH_JSX_ENGINES', 'BENCH_', 'BENCH_MEMORY', 'BENCH_RUNTIMES']) {
    assert.equal(nearestVariable(typed), null, typed);
    assert.equal(problem({ [typed]: 'bun,deno' }), `unknown setting ${typed} (known: ${known.join(', ')})`);
  }
});

test('a retired name keeps its own message: what replaced it', () => {
  assert.equal(problem({ BENCH_RUNS: '3' }), `BENCH_RUNS is no longer read; use ${RETIRED.BENCH_RUNS}`);
  assert.match(problem({ BENCH_INTERLEAVE: '0' })!, /^BENCH_INTERLEAVE is no longer read; use nothing: /);
  for (const name of Object.keys(RETIRED)) assert.ok(!Object.hasOwn(VARIABLES, name), `${name} is retired, not a setting`);
});

test('several bad names: every one on the same line, in name order', () => {
  const message = problem({ BENCH_WORKLOAD: 'fib', BENCH_PROFILE: 'quick', BENCH_PROFLIE: 'quick' })!;
  assert.equal(message, 'unknown setting BENCH_PROFLIE (did you mean BENCH_PROFILE?); unknown setting BENCH_WORKLOAD (did you mean BENCH_WORKLOADS?)');
  assert.doesNotMatch(message, /\n/);
});

test('readSettings refuses an unknown name first, before any value is read', () => {
  assert.throws(() => readSettings({ BENCH_PROFILE: 'nope', BENCH_WORKLOAD: 'fib' }), { message: 'unknown setting BENCH_WORKLOAD (did you mean BENCH_WORKLOADS?)' });
  assert.equal(readSettings({ BENCH_WORKLOADS: 'fib' }).config.workloads?.join(), 'fib');
});

test('every known setting has a one-line description', () => {
  for (const [name, description] of Object.entries(VARIABLES)) {
    assert.match(name, /^BENCH_[A-Z0-9_]+$/);
    assert.ok(description.length > 10 && !description.includes('\n'), name);
  }
});

// turbo passes a task only the variables it declares: the bench and the tests see exactly the known
// settings, and a change to any of them changes the test task's cache key.
test('turbo.json: the test and bench tasks declare exactly the known settings, no BENCH_* wildcard', () => {
  const turbo = JSON.parse(readFileSync(path.join(root, 'turbo.json'), 'utf8')) as { tasks: Record<string, { env?: string[] }> };
  for (const task of ['test', 'bench']) {
    const declared = (turbo.tasks[task]?.env ?? []).filter((v) => /^BENCH/i.test(v));
    assert.deepEqual([...declared].sort(), known, `turbo.json tasks.${task}.env`);
  }
});

/** `text` without its comments (a typo shown as an example, BENCH_WORKLOAD, is no variable read): roughly, by the file's kind. */
const code = (file: string, text: string) => (/\.(sh|ya?ml)$/.test(file) ? text.replace(/(^|\s)#.*$/gm, '$1') : text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1'));

test('every BENCH_* name in the code (tests and comments aside) is a known setting or a retired one', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|mts|mjs|cjs|js|sh|ya?ml|json|hbs)$/.test(f) && !/(^|\/)(test|results)\//.test(f) && !f.startsWith('results/') && !/\.test\./.test(f))
    .filter((f) => existsSync(path.join(root, f)));
  assert.ok(files.includes('packages/suite/src/settings.ts'));
  const strays = new Set<string>();
  for (const f of files) {
    for (const [name] of code(f, readFileSync(path.join(root, f), 'utf8')).matchAll(/\bBENCH_[A-Z0-9_]+/g)) {
      if (!Object.hasOwn(VARIABLES, name) && !Object.hasOwn(RETIRED, name)) strays.add(`${name} (${f})`);
    }
  }
  assert.deepEqual([...strays], [], 'declare them in packages/suite/src/variables.ts');
});

// scripts/toolchain.sh runs before turbo, which would drop an undeclared name before the bench saw it.
test('scripts/toolchain.sh: an unknown BENCH_* stops it with one line and exit 2 before its command runs', () => {
  const script = path.join(root, 'scripts', 'toolchain.sh');
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-vars-')), 'ran');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^bench_/i.test(k)));
  const run = (env: Record<string, string>) => {
    const r = spawnSync('bash', [script, 'touch', marker], { cwd: os.tmpdir(), env: { ...clean, ...env }, encoding: 'utf8' });
    return { exitCode: r.status, stderr: r.stderr };
  };

  const typo = run({ BENCH_WORKLOAD: 'fib' });
  assert.equal(typo.exitCode, 2, String(typo.stderr));
  assert.equal(typo.stderr, 'error: unknown setting BENCH_WORKLOAD (did you mean BENCH_WORKLOADS?)\n');
  assert.ok(!existsSync(marker), 'the command did not run');
  const retired = run({ BENCH_RUNS: '3' });
  assert.equal(retired.exitCode, 2);
  assert.match(String(retired.stderr), /^error: BENCH_RUNS is no longer read; use BENCH_ROUNDS/);
  assert.ok(!existsSync(marker));

  const ok = run({ BENCH_WORKLOADS: 'fib', BENCH_PROFILE: 'quick' });
  assert.equal(ok.exitCode, 0, String(ok.stderr));
  assert.ok(existsSync(marker), 'with known settings only, the command runs');
});
