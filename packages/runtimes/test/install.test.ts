import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cacheDir, installNode, nodeBinaryIn, nodeFolder, nodePackage, runtimeFolder } from '../src/install.ts';
import { JS_RUNTIMES, jsRuntime } from '../src/js/index.ts';
import { NODE_PINS, pinnedLines } from '../src/pins.ts';
import { harnessNode, installedJs, installedNodes, resolveJs, resolveNode } from '../src/resolve.ts';
import { withFakeNpm } from './fake-npm.ts';

// A pinned line the harness is not running, so resolving it must install.
const line = pinnedLines().find((l) => process.version !== `v${NODE_PINS[l]}`)!;
const version = NODE_PINS[line]!;
const pkg = nodePackage();

test("a failed npm install leaves nothing in the cache and names the version, the package and npm's stderr", async (t) => {
  const fake = withFakeNpm({ kind: 'fails' });
  t.after(fake.restore);
  await assert.rejects(resolveNode(line, fake.root), (e: unknown) => {
    assert.ok(e instanceof Error);
    assert.match(
      e.message,
      new RegExp(`could not install Node ${version.replaceAll('.', '\\.')} from the npm registry \\(package ${pkg}@${version.replaceAll('.', '\\.')}\\): npm exited with status 1`),
    );
    assert.match(e.message, /npm's last stderr lines:\nnpm error code E404\nnpm error 404 Not Found/);
    return true;
  });
  assert.deepEqual(readdirSync(cacheDir(fake.root)), []);
});

test('an install whose binary prints another version is refused, leaving nothing in the cache', async (t) => {
  const fake = withFakeNpm({ kind: 'installs', prints: 'v0.0.1' });
  t.after(fake.restore);
  await assert.rejects(
    installNode(fake.root, version, () => {}),
    new RegExp(`installing Node ${version.replaceAll('.', '\\.')} \\(package ${pkg}@.*prints "v0\\.0\\.1", expected "v${version.replaceAll('.', '\\.')}"`),
  );
  assert.deepEqual(readdirSync(cacheDir(fake.root)), []);
});

test('the first use installs with npm, checks the binary and renames it into place; the next use installs nothing', async (t) => {
  const fake = withFakeNpm({ kind: 'installs' });
  t.after(fake.restore);
  const said: string[] = [];
  const node = await resolveNode(line, fake.root, (m) => said.push(m));
  const binary = nodeBinaryIn(nodeFolder(fake.root, version));
  assert.deepEqual(node, { runtime: 'node', line, version: `v${version}`, binary });
  assert.equal(binary, path.join(fake.root, '.cache', 'runtimes', `node-${version}`, 'node_modules', pkg, 'bin', 'node'));
  assert.deepEqual(said, [`installing Node ${version} from the npm registry (${pkg}) into .cache/runtimes — first use only`]);
  assert.deepEqual(readdirSync(cacheDir(fake.root)), [`node-${version}`]);
  const calls = readFileSync(fake.log, 'utf8').trim().split('\n');
  assert.equal(calls.length, 1);
  assert.match(
    calls[0]!,
    new RegExp(
      `^in \\S+/\\.cache/runtimes/\\.installing-node-${version.replaceAll('.', '\\.')}-\\S+: install --no-save --no-package-lock .*--no-workspaces -E ${pkg}@${version.replaceAll('.', '\\.')}$`,
    ),
  );
  assert.doesNotMatch(calls[0]!, /--prefix|--globalconfig|--userconfig/, "npm reads the user's npmrc files where the user's npm does");

  assert.deepEqual(await resolveNode(line, fake.root, (m) => said.push(m)), node);
  assert.equal(said.length, 1, 'no second install');
  assert.equal(readFileSync(fake.log, 'utf8').trim().split('\n').length, 1, 'npm ran once');
});

test('two installs of one version at once both succeed and leave one folder', async (t) => {
  const fake = withFakeNpm({ kind: 'installs', sleepS: 0.3 });
  t.after(fake.restore);
  const [a, b] = await Promise.all([installNode(fake.root, version, () => {}), installNode(fake.root, version, () => {})]);
  assert.equal(a, b);
  assert.ok(existsSync(a));
  assert.deepEqual(readdirSync(cacheDir(fake.root)), [`node-${version}`]);
});

test('a cached binary that does not print its version is refused, naming the folder to remove', async (t) => {
  const fake = withFakeNpm({ kind: 'fails' });
  t.after(fake.restore);
  const binary = nodeBinaryIn(nodeFolder(fake.root, version));
  mkdirSync(path.dirname(binary), { recursive: true });
  writeFileSync(binary, '#!/bin/sh\necho v1.2.3\n');
  chmodSync(binary, 0o755);
  await assert.rejects(resolveNode(line, fake.root), new RegExp(`remove ${nodeFolder(fake.root, version).replaceAll('.', '\\.')} to reinstall it.*prints "v1\\.2\\.3"`));
});

test('a line that is not pinned is refused, naming the pinned ones', async () => {
  await assert.rejects(resolveNode('18', '/nonexistent'), /Node 18 is not pinned in packages\/runtimes\/node\.json \(pinned lines: 20, 22, 24, 26\)/);
});

test("the harness's own pinned version is used as it is: process.execPath, nothing installed", async (t) => {
  const own = harnessNode();
  if (process.version !== `v${NODE_PINS[own.line]}`) {
    t.skip(`the harness runs ${process.version}, not a pinned version`);
    return;
  }
  const fake = withFakeNpm({ kind: 'fails' });
  t.after(fake.restore);
  assert.deepEqual(await resolveNode(own.line, fake.root), { runtime: 'node', line: own.line, version: process.version, binary: process.execPath });
  assert.equal(existsSync(cacheDir(fake.root)), false);
});

test("installedNodes lists the harness's Node and the cached pinned ones, oldest first, without installing", async (t) => {
  const fake = withFakeNpm({ kind: 'installs' });
  t.after(fake.restore);
  assert.deepEqual(installedNodes(fake.root), [harnessNode()]);
  await installNode(fake.root, version, () => {});
  const nodes = installedNodes(fake.root);
  assert.deepEqual(
    nodes.map((n) => n.line),
    [harnessNode().line, line].sort((a, b) => Number(a) - Number(b)),
  );
  assert.deepEqual(
    nodes.find((n) => n.line === line),
    { runtime: 'node', line, version: `v${version}`, binary: nodeBinaryIn(nodeFolder(fake.root, version)) },
  );
});

for (const runtime of JS_RUNTIMES.filter((r) => r.name !== 'node')) {
  const [rline, rversion] = Object.entries(runtime.pins)[0]!;
  test(`${runtime.name}: installed from its npm package (${runtime.npmPackage()}) on first use, its version read its way, then listed as installed`, async (t) => {
    const fake = withFakeNpm({ kind: 'installs' });
    t.after(fake.restore);
    const said: string[] = [];
    const got = await resolveJs(runtime.name, rline, fake.root, (m) => said.push(m));
    const binary = runtime.binaryIn(runtimeFolder(fake.root, runtime, rversion));
    assert.deepEqual(got, { runtime: runtime.name, line: rline, version: rversion, binary });
    assert.deepEqual(said, [`installing ${runtime.title} ${rversion} from the npm registry (${runtime.npmPackage()}) into .cache/runtimes — first use only`]);
    assert.match(readFileSync(fake.log, 'utf8'), new RegExp(`-E ${runtime.npmPackage()}@${rversion.replaceAll('.', '\\.')}$`, 'm'));
    assert.deepEqual(
      installedJs(fake.root).filter((b) => b.runtime === runtime.name),
      [got],
    );
    await assert.rejects(resolveJs(runtime.name, '0.1', fake.root), new RegExp(`${runtime.title} 0\\.1 is not pinned in ${runtime.pinnedIn.replaceAll('.', '\\.')}`));
  });
}

test('a failed install of another runtime names it, its version and package', async (t) => {
  const fake = withFakeNpm({ kind: 'fails' });
  t.after(fake.restore);
  const bun = jsRuntime('bun');
  const v = Object.values(bun.pins)[0]!;
  await assert.rejects(resolveJs('bun', Object.keys(bun.pins)[0]!, fake.root), new RegExp(`could not install Bun ${v.replaceAll('.', '\\.')} from the npm registry \\(package ${bun.npmPackage()}@`));
  assert.deepEqual(readdirSync(cacheDir(fake.root)), []);
});
