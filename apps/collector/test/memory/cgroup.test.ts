// The cgroup path against a temporary folder laid out like a cgroup hierarchy: the test plays the
// kernel (it writes the peak file into the child the bench made); no real cgroup is touched.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { inCgroup, makeChild, readPeak, removeChild } from '../../src/memory/cgroup.ts';
import { runWithMemory } from '../../src/memory/run.ts';

const touch = fileURLToPath(new URL('../fixtures/memory/touch.mjs', import.meta.url));

const LAYOUT = {
  v2: { 'cgroup.controllers': 'cpu memory pids\n', 'cgroup.subtree_control': 'memory\n', 'cgroup.procs': '1234\n', 'memory.current': '4096\n', 'memory.peak': '8192\n' },
  v1: { 'cgroup.procs': '1234\n', tasks: '1234\n', 'memory.usage_in_bytes': '4096\n', 'memory.max_usage_in_bytes': '8192\n', 'memory.limit_in_bytes': '9223372036854771712\n' },
};

/** A delegated folder laid out like a cgroup of `version`, with a sibling cgroup the bench did not make. */
function hierarchy(version: keyof typeof LAYOUT): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `arena-cg${version}-`));
  for (const [f, text] of Object.entries(LAYOUT[version])) writeFileSync(path.join(dir, f), text);
  mkdirSync(path.join(dir, 'someone-else'));
  writeFileSync(path.join(dir, 'someone-else', 'cgroup.procs'), '999\n');
  return dir;
}

/** Every file and folder under `dir` with its bytes (folders as null). */
function snapshot(dir: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.set(path.relative(dir, p), e.isDirectory() ? null : readFileSync(p, 'utf8'));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * The kernel's part: once a process has joined a child arena-* cgroup (its pid in cgroup.procs),
 * writes `bytes` into the child's peak file; remembers what it saw.
 */
function kernel(parent: string, peakFile: string, bytes: number) {
  const seen: Array<{ name: string; procs: string }> = [];
  const timer = setInterval(() => {
    for (const name of readdirSync(parent).filter((n) => n.startsWith('arena-') && !seen.some((s) => s.name === n))) {
      const procs = path.join(parent, name, 'cgroup.procs');
      if (!existsSync(procs) || readFileSync(procs, 'utf8') === '') continue;
      seen.push({ name, procs: readFileSync(procs, 'utf8') });
      writeFileSync(path.join(parent, name, peakFile), `${bytes}\n`);
    }
  }, 2);
  return { seen, stop: () => clearInterval(timer) };
}

for (const [version, method, peakFile] of [
  ['v2', 'cgroup-v2', 'memory.peak'],
  ['v1', 'cgroup-v1', 'memory.max_usage_in_bytes'],
] as const) {
  test(`cgroup ${version}: the run joins a child the bench made, its peak is the kernel's ${peakFile}, and only that child is removed`, async () => {
    const parent = hierarchy(version);
    const before = snapshot(parent);
    const k = kernel(parent, peakFile, 209_715_200);
    try {
      const r = await runWithMemory([process.execPath, touch, '0', '300'], { method, parent }, { timeoutMs: 10_000, cgroupName: 'arena-run1-1' });
      assert.equal(r.outcome.exitCode, 0, r.outcome.stderr);
      assert.match(r.outcome.stdout, /"touchedMiB":0/);
      assert.equal(r.peakBytes, 209_715_200);
      assert.deepEqual(
        k.seen.map((s) => s.name),
        ['arena-run1-1'],
      );
      assert.match(k.seen[0]!.procs, /^\d+\n$/, 'the command moved itself into the child before exec');
    } finally {
      k.stop();
    }
    assert.deepEqual(snapshot(parent), before, 'nothing written outside the child, and the child removed');
  });
}

test('a kernel without the peak file (memory.peak is Linux 5.19+): an error naming it; the child is removed all the same', async () => {
  const parent = hierarchy('v2');
  const before = snapshot(parent);
  await assert.rejects(
    runWithMemory([process.execPath, touch, '0', '50'], { method: 'cgroup-v2', parent }, { timeoutMs: 10_000, cgroupName: 'arena-run1-2' }),
    /cannot read .*arena-run1-2\/memory\.peak \(memory\.peak needs Linux 5\.19 or later\)/,
  );
  assert.deepEqual(snapshot(parent), before);
});

test('the bench makes only new children and removes only what it made', async () => {
  const parent = hierarchy('v2');
  assert.throws(() => makeChild(parent, 'someone-else'), /EEXIST/, 'an existing cgroup is never taken over');
  assert.throws(() => makeChild(parent, '../escape'), /not a cgroup name/);
  const child = makeChild(parent, 'arena-x-1');
  assert.ok(statSync(child).isDirectory());
  writeFileSync(path.join(child, 'memory.peak'), '12\n');
  assert.equal(readPeak(child, 'cgroup-v2'), 12);
  writeFileSync(path.join(child, 'memory.peak'), 'max\n');
  assert.throws(() => readPeak(child, 'cgroup-v2'), /holds no byte count: "max"/);
  await removeChild(child);
  await removeChild(child); // already gone: nothing to do
  assert.deepEqual(readdirSync(parent).sort(), [...Object.keys(LAYOUT.v2), 'someone-else'].sort());
});

test('inCgroup: a shell joins the child, then execs the command with its arguments untouched', () => {
  assert.deepEqual(inCgroup('/cg/bench/arena-1', ['bin/x', '--size', '30']), [
    'sh',
    '-c',
    'echo $$ > "$1/cgroup.procs" && shift && exec "$@"',
    'arena-cgroup',
    '/cg/bench/arena-1',
    'bin/x',
    '--size',
    '30',
  ]);
});
