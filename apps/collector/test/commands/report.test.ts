import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { report } from '../../src/commands/report.ts';
import { saveRun } from '../../src/store.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-report-cmd-'));
const results = path.join(dir, 'results');
const saved = process.env.BENCH_RESULTS_DIR;
before(() => {
  process.env.BENCH_RESULTS_DIR = results;
  saveRun(results, makeRun({ 'go-native': 0.4 }, { id: 'r1' }));
});
after(() => {
  if (saved === undefined) delete process.env.BENCH_RESULTS_DIR;
  else process.env.BENCH_RESULTS_DIR = saved;
});

test('report writes both files into BENCH_RESULTS_DIR and prints their paths', async () => {
  const io = captureIo(dir);
  assert.equal(await report([], io), 0);
  assert.equal(io.stdout(), `wrote ${path.join(results, 'report.html')}\nwrote ${path.join(results, 'report.md')}\n`);
  assert.ok(existsSync(path.join(results, 'report.html')) && existsSync(path.join(results, 'report.md')));
});
