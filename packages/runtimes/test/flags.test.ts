import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acceptedFlags } from '../src/flags.ts';

test("the harness's Node accepts --disable-warning=ExperimentalWarning and rejects a made-up flag", async () => {
  const accepted = await acceptedFlags(process.execPath, ['--no-such-flag-xyz', '--disable-warning=ExperimentalWarning']);
  assert.deepEqual(accepted, ['--disable-warning=ExperimentalWarning']);
});

test('each flag is detected once per binary, by running it', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-flags-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const calls = path.join(dir, 'calls');
  const fake = path.join(dir, 'node');
  // A fake Node that logs each call and accepts only --good.
  writeFileSync(fake, `#!/bin/sh\necho "$1" >> '${calls}'\n[ "$1" = --good ]\n`);
  chmodSync(fake, 0o755);
  assert.deepEqual(await acceptedFlags(fake, ['--good', '--bad', '--good']), ['--good']);
  assert.deepEqual(await acceptedFlags(fake, ['--bad', '--good']), ['--good']);
  assert.deepEqual(readFileSync(calls, 'utf8').split('\n').filter(Boolean).sort(), ['--bad', '--good']);
});

test('a binary that cannot run accepts nothing', async () => {
  assert.deepEqual(await acceptedFlags('/nonexistent/node', ['--disable-warning=ExperimentalWarning']), []);
});
