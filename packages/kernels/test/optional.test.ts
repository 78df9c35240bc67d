// An optional producer whose compiler is missing is skipped with the reason, and the build passes:
// here rust, with every PATH folder holding rustc (or tinygo) left out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';

import type { Manifest } from '../scripts/manifest.ts';
import { kernelsCopy, producers, workloads } from './helpers.ts';

const copy = kernelsCopy('arena-optional-');
after(() => rmSync(path.dirname(copy), { recursive: true, force: true }));

test('without rustc on PATH, every rust module is skipped with the reason and how to install it; the build passes', { timeout: 5 * 60_000 }, () => {
  const optional = producers.filter((p) => !p.required).map((p) => p.name);
  assert.ok(optional.includes('rust'), 'rust is optional');
  const PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !['rustc', 'tinygo'].some((tool) => existsSync(path.join(dir, tool))))
    .join(path.delimiter);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: copy, encoding: 'utf8', env: { ...process.env, PATH } });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  const manifest = JSON.parse(readFileSync(path.join(copy, 'dist', 'manifest.json'), 'utf8')) as Manifest;
  const rust = manifest.modules.filter((m) => m.producer === 'rust');
  assert.equal(rust.length, workloads.size);
  for (const m of rust) {
    assert.equal(m.status, 'skipped');
    if (m.status === 'skipped') assert.match(m.reason, /^rustc not found on PATH: install Rust with rustup .*rustup target add wasm32-wasip1/);
  }
  for (const p of producers.filter((x) => x.required)) {
    assert.ok(
      manifest.modules.filter((m) => m.producer === p.name).every((m) => m.status === 'built'),
      `${p.name} still builds`,
    );
  }
});
