// Runs the built bin/c-native (pnpm build first) against the variant contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/c-native', import.meta.url));
const run = (...args) => spawnSync(bin, args, { encoding: 'utf8' });

for (const workers of [1, 3]) {
  test(`${workers} worker(s) each return fibonacci(20)`, () => {
    const { status, stdout, stderr } = run('--n', '20', `--workers=${workers}`);
    assert.equal(status, 0, stderr);
    const report = JSON.parse(stdout.trimEnd().split('\n').at(-1));
    assert.deepEqual(
      { variant: report.variant, n: report.n, workers: report.workers, results: report.results },
      { variant: 'c-native', n: 20, workers, results: Array(workers).fill(6765) },
    );
    assert.ok(report.phasesMs.computeMs >= 0);
  });
}

for (const [args, named] of [
  [['--n', '-1'], '--n'], [['--n', 'abc'], '--n'], [['--n', '48'], '1..47'], [['--n'], '--n'],
  [['--workers', '0'], '--workers'], [['--workers=x'], '≥ 1'], [['--module', 'x.wasm'], '--module'],
  [['40'], '"40"'],
]) {
  test(`${args.join(' ')} is a usage error naming ${named}`, () => {
    const { status, stdout, stderr } = run(...args);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^error: [^\n]*\n$/);
    assert.ok(stderr.includes(named), stderr);
  });
}
