import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readSettings } from '../src/config.ts';

test('the quick profile is n=30 with 3 fixed runs', () => {
  const { config } = readSettings({ BENCH_PROFILE: 'quick' });
  assert.equal(config.n, 30);
  assert.equal(config.minRuns, 3);
  assert.equal(config.targetCiPct, null);
});

test('overrides reach the config', () => {
  const { config } = readSettings({ BENCH_N: '25', BENCH_WORKERS: '1,2,4', BENCH_RUNS: '7', BENCH_PROFILE: 'quick' });
  assert.deepEqual([config.n, config.workers, config.minRuns, config.maxRuns], [25, [1, 2, 4], 7, 7]);
});

for (const [name, value, message] of [
  ['BENCH_N', '48', /BENCH_N must be an integer in 1\.\.47, got "48"/],
  ['BENCH_N', '4.5', /BENCH_N must be an integer in 1\.\.47/],
  ['BENCH_N', 'abc', /BENCH_N must be an integer in 1\.\.47/],
  ['BENCH_WORKERS', '0', /BENCH_WORKERS must be an integer in 1\.\.256, got "0"/],
  ['BENCH_RUNS', '-3', /BENCH_RUNS must be an integer in 1\.\.10000/],
  ['BENCH_PROFILE', 'fast', /BENCH_PROFILE must be one of default, quick, article, got "fast"/],
  ['BENCH_TIMEOUT_S', 'soon', /BENCH_TIMEOUT_S must be a number > 0/],
  ['BENCH_INTERLEAVE', 'yes', /BENCH_INTERLEAVE must be 0 or 1/],
] as const) {
  test(`${name}=${value} is refused, naming the variable`, () => {
    assert.throws(() => readSettings({ [name]: value }), (e: unknown) => e instanceof ConfigError && message.test(e.message));
  });
}
