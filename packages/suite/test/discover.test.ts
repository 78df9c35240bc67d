import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { discoverVariants } from '../src/discover.ts';

test('a package with a build:go script is Go-built, and must run a program under {pkg}/bin/', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-discover-'));
  const pkg = (name: string, scripts: Record<string, string>, command: string) => {
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name, scripts, arena: { command, summary: name } }));
  };
  pkg('go-a', { build: 'go build', 'build:go': 'sh ../../go-kit/build-go.sh' }, '{pkg}/bin/go-a');
  pkg('go-b', { build: 'go build', 'build:go': 'sh ../../go-kit/build-go.sh' }, '{pkg}/out/go-b');
  pkg('c-a', { build: 'cc' }, '{pkg}/bin/c-a');
  const { variants, broken } = discoverVariants(root, root);
  assert.deepEqual(
    variants.map((v) => [v.name, v.goBuilt]),
    [
      ['c-a', false],
      ['go-a', true],
    ],
  );
  assert.deepEqual(
    broken.map((b) => b.name),
    ['go-b'],
  );
  assert.match(broken[0]!.error, /a variant with a build:go script runs a program under \{pkg\}\/bin\//);
});

test('splitSkipped: a producer skipped for every workload is unavailable (said once); skipped for some, a gap per workload', async () => {
  const { splitSkipped } = await import('../src/discover.ts');
  const built = [
    { producer: 'clang', workload: 'fib' },
    { producer: 'assemblyscript', workload: 'fib' },
  ] as Parameters<typeof splitSkipped>[0];
  const skipped = [
    { producer: 'tinygo', workload: 'fib', reason: 'tinygo not found' },
    { producer: 'tinygo', workload: 'nbody', reason: 'tinygo not found' },
    { producer: 'assemblyscript', workload: 'nbody', reason: 'no as/ kernel' },
  ];
  assert.deepEqual(splitSkipped(built, skipped), {
    skipped: [{ producer: 'assemblyscript', workload: 'nbody', reason: 'no as/ kernel' }],
    unavailable: [{ producer: 'tinygo', reason: 'tinygo not found' }],
  });
});
