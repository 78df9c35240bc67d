// The JavaScript runtime declarations: versions read each runtime's way, launches, flag probes, BENCH_JS.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acceptedFlags } from '../src/flags.ts';
import { JS_RUNTIMES, jsRuntime } from '../src/js/index.ts';
import { jsChoices, jsTitle, pinnedJs } from '../src/js/select.ts';

test('each runtime reads its exact version from what --version prints, and nothing else', () => {
  assert.equal(jsRuntime('node').parseVersion('v20.20.2\n'), '20.20.2');
  assert.equal(jsRuntime('bun').parseVersion('1.4.5\n'), '1.4.5');
  assert.equal(jsRuntime('deno').parseVersion('deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)\nv8 15.0.245.2-rusty\ntypescript 6.0.3\n'), '2.9.6');
  for (const r of JS_RUNTIMES) {
    assert.equal(r.parseVersion(''), undefined, r.name);
    assert.equal(r.parseVersion('command not found'), undefined, r.name);
  }
  assert.equal(jsRuntime('node').parseVersion('20.20.2'), undefined, 'Node prints a v');
  assert.equal(jsRuntime('deno').engineVersion!.parse('deno 2.9.6 (stable)\nv8 15.0.245.2-rusty\n'), '15.0.245.2-rusty');
  assert.equal(jsRuntime('bun').engineVersion!.parse('d6375c72affe0f70222cdcb45012b10f0bf3a9d5\n'), 'WebKit d6375c72affe');
  assert.equal(jsRuntime('bun').engineVersion!.parse('14.6.202.34-node.20'), undefined, "Bun's process.versions.v8 is not its engine");
});

test('every pin is an exact version of its line; names are unique and usable as parameters', () => {
  for (const r of JS_RUNTIMES) {
    assert.match(r.name, /^[a-z][a-z0-9-]*$/);
    for (const [line, version] of Object.entries(r.pins)) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${r.name} ${line}`);
      assert.equal(r.lineOf(version), line, `${r.name} ${version}`);
    }
  }
  assert.equal(new Set(JS_RUNTIMES.map((r) => r.name)).size, JS_RUNTIMES.length);
});

test('a script is launched each runtime its way: Deno with the narrowest permissions and --v8-flags, Bun without flags', () => {
  assert.deepEqual(jsRuntime('node').launch('/n', ['--a', '--b'], 's.js'), ['/n', '--a', '--b', 's.js']);
  assert.deepEqual(jsRuntime('deno').launch('d', ['--a', '--b'], 's.js'), ['d', 'run', '--allow-read', '--allow-env', '--allow-run=d', '--v8-flags=--a,--b', 's.js']);
  assert.deepEqual(jsRuntime('deno').launch('d', [], 's.js'), ['d', 'run', '--allow-read', '--allow-env', '--allow-run=d', 's.js']);
  assert.deepEqual(jsRuntime('bun').launch('b', ['--a'], 's.js'), ['b', 's.js']);
});

test('flags are probed each runtime its way; a runtime whose exit code proves nothing (Bun) accepts none', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-js-flags-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const calls = path.join(dir, 'calls');
  // Exits 0 for anything, as Bun does, logging its arguments.
  const yes = path.join(dir, 'yes');
  writeFileSync(yes, `#!/bin/sh\necho "$*" >> '${calls}'\nexit 0\n`);
  chmodSync(yes, 0o755);
  assert.deepEqual(await acceptedFlags(yes, ['--x'], jsRuntime('bun')), []);
  assert.deepEqual(await acceptedFlags(yes, ['--x'], jsRuntime('deno')), ['--x']);
  assert.deepEqual(await acceptedFlags(yes, ['--x'], jsRuntime('node')), ['--x']);
  assert.deepEqual(readFileSync(calls, 'utf8').trim().split('\n').sort(), ['--x -e 0', 'eval --v8-flags=--x 0']);
});

test('BENCH_JS: entries as <runtime>@<line>, bare names at their default line, all, repeats dropped', () => {
  assert.deepEqual(pinnedJs().slice(-2), ['bun@1.4', 'deno@2.9']);
  assert.deepEqual(jsChoices('all'), pinnedJs());
  assert.deepEqual(jsChoices(' deno , node@24,deno@2.9 '), ['deno@2.9', 'node@24']);
  assert.deepEqual(jsChoices('node'), [`node@${process.versions.node.split('.')[0]}`]);
  assert.throws(
    () => jsChoices('node@18'),
    /^Error: BENCH_JS must be "all" or a comma-separated list of runtimes from node@20, node@22, node@24, node@26, bun@1\.4, deno@2\.9 \(a bare name: its default line\); got "node@18"$/,
  );
  assert.throws(() => jsChoices('bun,,deno'), /got "bun,,deno"/);
  assert.throws(() => jsChoices('quickjs'), /got "quickjs"/);
  assert.equal(jsTitle('bun@1.4'), 'Bun 1.4');
});
