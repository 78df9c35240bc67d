import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { nodeBinaryIn, nodeFolder } from '../src/install.ts';
import { NODE_PINS, pinnedLines } from '../src/pins.ts';
import { harnessNode } from '../src/resolve.ts';
import { benchNodes, planNodes } from '../src/runtimes.ts';
import { withFakeNpm } from './fake-npm.ts';

test("without BENCH_NODE a bench runs the harness's own Node, with the wanted flags it accepts", async () => {
  const node = await benchNodes({ lines: null, root: '/nonexistent-root', wantedFlags: ['--disable-warning=ExperimentalWarning', '--no-such-flag-xyz'] });
  const own = harnessNode();
  assert.deepEqual(node, [{ line: own.line, version: process.version, binary: process.execPath, acceptedFlags: ['--disable-warning=ExperimentalWarning'] }]);
});

test('a Node inside the repository is named relative to it (commands run from the root); one outside stays absolute', async () => {
  const root = '/work/repo';
  const inside = { line: '24', version: 'v24.22.3', binary: '/work/repo/.cache/runtimes/node-24.22.3/node_modules/x/bin/node' };
  const outside = { line: '20', version: 'v20.20.2', binary: '/usr/bin/node' };
  const planned = await planNodes([inside, outside], root, []);
  assert.deepEqual(
    planned.map((n) => n.binary),
    ['.cache/runtimes/node-24.22.3/node_modules/x/bin/node', '/usr/bin/node'],
  );
});

test('BENCH_NODE lines are resolved (installed on first use) in the order asked', async (t) => {
  const fake = withFakeNpm({ kind: 'installs' });
  t.after(fake.restore);
  const others = pinnedLines()
    .filter((l) => process.version !== `v${NODE_PINS[l]}`)
    .slice(0, 2)
    .reverse();
  const said: string[] = [];
  const node = await benchNodes({ lines: others, root: fake.root, wantedFlags: [], say: (m) => said.push(m) });
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
