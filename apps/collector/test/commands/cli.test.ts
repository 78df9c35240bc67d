import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { saveRun } from '../../src/store.ts';
import { makeRun } from '../fixtures/run.ts';

// The exit codes through the real entry point: 0 ok, 1 regression, 2 usage.
const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-cli-')), 'results');
const a = saveRun(results, makeRun({ 'go-native': 0.4, 'c-native': 0.3 }, { id: 'a' })).runFile;
const b = saveRun(results, makeRun({ 'go-native': 0.48, 'c-native': 0.3 }, { id: 'b' })).runFile;

const arena = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: app, encoding: 'utf8', env: { ...process.env, BENCH_RESULTS_DIR: results } });

test('arena diff exit codes: 1 for a regression above --fail-above, 0 below, 2 for bad usage', () => {
  const slower = arena('diff', a, b, '--fail-above', '5');
  assert.equal(slower.status, 1, slower.stderr);
  assert.match(slower.stdout, /REGRESSION/);
  assert.equal(arena('diff', a, b, '--fail-above', '50').status, 0);
  const usage = arena('diff', a, '--format', 'xml');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--format must be one of text, markdown, json/);
  assert.equal(arena('diff', 'no-such-ref').status, 2);
  assert.match(arena('--help').stdout, /diff <A> \[B\]/);
});
