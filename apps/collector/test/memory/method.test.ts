import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '@arena/suite';
import { chooseMemoryProbe, describeProbe, memoryProbe, readCgroupFolder } from '../../src/memory/method.ts';

const v2 = ['cgroup.controllers', 'cgroup.subtree_control', 'cgroup.procs', 'memory.current', 'memory.peak'];
const v1 = ['cgroup.procs', 'tasks', 'memory.usage_in_bytes', 'memory.max_usage_in_bytes', 'memory.limit_in_bytes'];
const choose = (files: string[] | null, subtreeControl: string | null = null, writable = true) => chooseMemoryProbe('/cg/bench', { files, subtreeControl, writable });

test('unset: sampled PSS every 5 ms, whatever the machine has', () => {
  assert.deepEqual(chooseMemoryProbe(null, null), { probe: { method: 'sampled-pss', intervalMs: 5 } });
});

test('a delegated v2 cgroup whose children get the memory controller: cgroup-v2; a v1 memory cgroup: cgroup-v1', () => {
  assert.deepEqual(choose(v2, 'cpu memory pids\n'), { probe: { method: 'cgroup-v2', parent: '/cg/bench' } });
  assert.deepEqual(choose(v1), { probe: { method: 'cgroup-v1', parent: '/cg/bench' } });
});

test('a named folder that cannot serve is an error saying what to fix, never a silent fallback', () => {
  const error = (x: ReturnType<typeof choose>) => ('error' in x ? x.error : 'no error');
  assert.match(error(choose(null)), /BENCH_MEMORY_CGROUP: \/cg\/bench does not exist/);
  assert.match(error(choose(['notes.txt'])), /is not a cgroup v2 folder \(no cgroup.controllers\) nor a v1 memory cgroup/);
  assert.match(error(choose(v2, 'cpu pids')), /echo \+memory > \/cg\/bench\/cgroup.subtree_control\): the bench never changes a cgroup it did not create/);
  assert.match(error(choose(v2, null)), /does not give its children the memory controller/);
  assert.match(error(choose(v1, null, false)), /is not writable by this user/);
});

test('memoryProbe reads the folder (only reads) and refuses a bad one with a ConfigError', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-cg-'));
  for (const f of v2) writeFileSync(path.join(dir, f), f === 'cgroup.subtree_control' ? 'memory\n' : '');
  assert.deepEqual(readCgroupFolder(dir), { files: [...v2].sort(), subtreeControl: 'memory\n', writable: true });
  assert.deepEqual(memoryProbe(dir), { method: 'cgroup-v2', parent: dir });
  assert.deepEqual(memoryProbe(null), { method: 'sampled-pss', intervalMs: 5 });
  assert.throws(
    () => memoryProbe(path.join(dir, 'missing')),
    (e: unknown) => e instanceof ConfigError && /does not exist/.test(e.message),
  );
  assert.equal(describeProbe({ method: 'sampled-pss', intervalMs: 5 }), 'sampled PSS every 5 ms');
  assert.equal(describeProbe({ method: 'cgroup-v1', parent: '/cg' }), 'cgroup v1 under /cg');
});
