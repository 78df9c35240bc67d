// One real install from the npm registry (network, a few seconds): only with ARENA_TEST_INSTALL=1,
// so `pnpm test` never depends on the network.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acceptedFlags } from '../src/flags.ts';
import { binaryVersion, cacheDir } from '../src/install.ts';
import { NODE_PINS } from '../src/pins.ts';
import { resolveNode } from '../src/resolve.ts';

const skip = process.env.ARENA_TEST_INSTALL === '1' ? false : 'set ARENA_TEST_INSTALL=1 to install Node 24 from the npm registry';

test('Node 24 installs from the npm registry, runs, and rejects --experimental-wasm-inlining', { skip, timeout: 600_000 }, async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-real-install-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const node = await resolveNode('24', root, (m) => t.diagnostic(m));
  assert.deepEqual(await binaryVersion(node.binary), { ok: true, version: `v${NODE_PINS['24']}` });
  assert.deepEqual(readdirSync(cacheDir(root)), [`node-${NODE_PINS['24']}`]);
  assert.deepEqual(await acceptedFlags(node.binary, ['--experimental-wasm-inlining', '--disable-warning=ExperimentalWarning']), ['--disable-warning=ExperimentalWarning']);
});
