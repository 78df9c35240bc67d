import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { repoRoot } from '../src/paths.ts';

const root = repoRoot();

// The whole pipeline: build (cached), verify, time with hyperfine, collect, write, print. On fib only
// (BENCH_WORKLOADS), to stay short: the fixture-variant tests run the other workloads.
test('the quick profile benchmarks every variant into a temporary results folder', { timeout: 900_000 }, async () => {
  const results = mkdtempSync(path.join(os.tmpdir(), 'arena-e2e-'));
  const run = await execa('pnpm', ['--silent', 'arena', 'bench'], {
    cwd: root,
    reject: false,
    env: { BENCH_PROFILE: 'quick', BENCH_WORKLOADS: 'fib', BENCH_N: '20', BENCH_RESULTS_DIR: results, TURBO_TELEMETRY_DISABLED: '1' },
  });
  assert.equal(run.exitCode, 0, `${run.stdout}\n${run.stderr}`);
  const latest = JSON.parse(readFileSync(path.join(results, 'latest.json'), 'utf8'));
  const schema = JSON.parse(readFileSync(path.join(root, 'packages/contract/schema/run.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  assert.equal(validate(latest), true, JSON.stringify(validate.errors));
  assert.equal(readdirSync(path.join(results, 'runs')).length, 1);

  const variants = readdirSync(path.join(root, 'packages/variants')).filter((d) => existsSync(path.join(root, 'packages/variants', d, 'package.json')));
  for (const v of ['cluster-js', 'threads-js', 'go-native']) assert.ok(variants.includes(v), `${v} exists`);
  for (const v of variants) {
    const mine = latest.results.filter((r: { variant: string }) => r.variant === v);
    assert.ok(mine.length > 0, `${v} is in the run`);
    for (const r of mine) {
      assert.equal(r.status, 'ok', `${v} ${JSON.stringify(r.parameters)}: ${r.error}`);
      assert.equal(r.wallS.times.length, 3);
      assert.deepEqual([r.workload, r.size, r.seeds, r.report.seed], ['fib', 20, [], null]);
      assert.ok(r.command.includes('--workload fib --size 20 '), r.command);
    }
  }
  assert.deepEqual(latest.config.sizes, { fib: 20 });
  assert.match(run.stdout, /^fib \(size 20\)$/m);
  assert.doesNotMatch(run.stdout, /^nbody /m);
  assert.match(run.stdout, /go-native/);
  assert.match(run.stdout, /median ms \(95 % CI\)/);
});
