import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Target } from '@arena/hyperfine-wrapper';
import { withoutMissingPrograms } from '../src/programs.ts';

test('a target whose program was not built fails with the build to look at; a command on PATH or a present file is kept', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-programs-'));
  mkdirSync(path.join(root, 'bin'));
  writeFileSync(path.join(root, 'bin', 'present'), '');
  const target = (command: string, goToolchain?: string): Target => ({
    key: command,
    variant: 'v',
    parameters: {},
    command,
    asked: { variant: 'v', workload: 'fib', size: 1, workers: 1 },
    seeded: false,
    table: 't',
    ...(goToolchain ? { goToolchain } : {}),
  });
  const planned = { targets: [target('bin/present --n 1'), target('node x.js'), target('bin/go/go1.27.3/absent --n 1', 'go1.27.3'), target('bin/absent')], problems: [] };
  const { targets, problems } = withoutMissingPrograms(planned, root);
  assert.deepEqual(
    targets.map((t) => t.command),
    ['bin/present --n 1', 'node x.js'],
  );
  assert.deepEqual(
    problems.map((p) => p.error),
    ['bin/go/go1.27.3/absent was not built by go1.27.3 (its build:go failed; see the build output above)', 'bin/absent was not built (see the build output above)'],
  );
});
