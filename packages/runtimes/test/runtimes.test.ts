import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { nodeBinaryIn, nodeFolder } from '../src/install.ts';
import { NODE_PINS, pinnedLines } from '../src/pins.ts';
import { harnessNode } from '../src/resolve.ts';
import { benchJs, planJs } from '../src/runtimes.ts';
import { withFakeNpm } from './fake-npm.ts';

test("without BENCH_JS a bench runs the harness's own Node, with the wanted flags it accepts and its V8", async () => {
  const node = await benchJs({ choices: null, root: '/nonexistent-root', wantedFlags: ['--disable-warning=ExperimentalWarning', '--no-such-flag-xyz'] });
  const own = harnessNode();
  assert.deepEqual(node, [
    { runtime: 'node', line: own.line, version: process.version, binary: process.execPath, engine: 'v8', engineVersion: process.versions.v8, acceptedFlags: ['--disable-warning=ExperimentalWarning'] },
  ]);
});

test('a Node inside the repository is named relative to it (commands run from the root); one outside stays absolute', async () => {
  const root = '/work/repo';
  const inside = { runtime: 'node', line: '24', version: 'v24.22.3', binary: '/work/repo/.cache/runtimes/node-24.22.3/node_modules/x/bin/node' };
  const outside = { runtime: 'node', line: '20', version: 'v20.20.2', binary: '/usr/bin/node' };
  const planned = await planJs([inside, outside], root, []);
  assert.deepEqual(
    planned.map((n) => n.binary),
    ['.cache/runtimes/node-24.22.3/node_modules/x/bin/node', '/usr/bin/node'],
  );
});

test('BENCH_JS Node lines are resolved (installed on first use) in the order asked', async (t) => {
  const fake = withFakeNpm({ kind: 'installs' });
  t.after(fake.restore);
  const others = pinnedLines()
    .filter((l) => process.version !== `v${NODE_PINS[l]}`)
    .slice(0, 2)
    .reverse();
  const said: string[] = [];
  const node = await benchJs({ choices: others.map((l) => `node@${l}`), root: fake.root, wantedFlags: [], say: (m) => said.push(m) });
  assert.deepEqual(
    node.map((n) => [n.line, n.version]),
    others.map((l) => [l, `v${NODE_PINS[l]}`]),
  );
  assert.deepEqual(
    node.map((n) => n.binary),
    others.map((l) => path.relative(fake.root, nodeBinaryIn(nodeFolder(fake.root, NODE_PINS[l]!)))),
  );
  assert.equal(said.length, 2);
});
