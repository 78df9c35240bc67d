import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { exportRun } from '../../src/commands/export.ts';
import { ConfigError } from '@arena/suite';
import { saveRun } from '../../src/store.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-export-'));
const saved = process.env.BENCH_RESULTS_DIR;
before(() => {
  process.env.BENCH_RESULTS_DIR = path.join(dir, 'results');
  saveRun(path.join(dir, 'results'), makeRun({ 'go-native': 0.4 }, { id: 'r1' }));
});
after(() => {
  if (saved === undefined) delete process.env.BENCH_RESULTS_DIR;
  else process.env.BENCH_RESULTS_DIR = saved;
});

test('export prints latest by default, in each format', async () => {
  for (const format of ['bmf', 'gab', 'csv']) {
    const io = captureIo(dir);
    assert.equal(await exportRun(['--format', format], io), 0);
    assert.match(io.stdout(), /go-native/, format);
  }
});

test('export --out writes the file and says so on stderr', async () => {
  const io = captureIo(dir);
  assert.equal(await exportRun(['r1', '--format', 'bmf', '--out', 'out/bmf.json'], io), 0);
  assert.equal(io.stdout(), '');
  assert.match(io.stderr(), /wrote .*out\/bmf\.json/);
  assert.ok(JSON.parse(readFileSync(path.join(dir, 'out', 'bmf.json'), 'utf8'))['go-native · fib']);
});

test('export usage errors', async () => {
  for (const args of [[], ['--format', 'xml'], ['--format', 'csv', 'a', 'b'], ['--format', 'csv', 'no-such-run']]) {
    await assert.rejects(exportRun(args, captureIo(dir)), ConfigError, JSON.stringify(args));
  }
});
