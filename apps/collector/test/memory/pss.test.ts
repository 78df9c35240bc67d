import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parsePssBytes, readPssBytes } from '../../src/memory/pss.ts';

const rollup = `56061f046000-7ffd6ba91000 ---p 00000000 00:00 0                          [rollup]
Rss:                3852 kB
Pss:                 926 kB
Pss_Dirty:           580 kB
Pss_Anon:            580 kB
`;

test('parsePssBytes takes the Pss: line (not Pss_Dirty, Pss_Anon) in kB, as bytes', () => {
  assert.equal(parsePssBytes(rollup), 926 * 1024);
  assert.equal(parsePssBytes('Rss: 12 kB\n'), null);
});

test('readPssBytes reads /proc/<pid>/smaps_rollup; a process that is gone has none', () => {
  const proc = mkdtempSync(path.join(os.tmpdir(), 'arena-proc-'));
  mkdirSync(path.join(proc, '42'));
  writeFileSync(path.join(proc, '42', 'smaps_rollup'), rollup);
  assert.equal(readPssBytes(42, proc), 926 * 1024);
  assert.equal(readPssBytes(43, proc), null);
  assert.ok(readPssBytes(process.pid)! > 0, 'this process, from the real /proc');
});
