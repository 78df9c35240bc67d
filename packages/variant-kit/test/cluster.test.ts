import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Decoys, leftInGroup, startDecoys } from '../src/testing.js';

const pool = fileURLToPath(new URL('./fixtures/pool.ts', import.meta.url));
const worker = fileURLToPath(new URL('./fixtures/pool-worker.mjs', import.meta.url));
// In a process group of its own (pgid = its pid; spawnSync honours detached, see testing.ts), where
// its forked workers stay: leftInGroup(child.pid) lists those left.
const run = (behaviour: string, ask = false) =>
  spawnSync(process.execPath, ['--import', 'tsx', pool, 'cluster', behaviour, ...(ask ? ['exit-workers'] : [])], { encoding: 'utf8', timeout: 30_000, ...{ detached: true } });

describe('forkWorker', () => {
  // Unrelated processes running the same worker script (another checkout's tests) are not ours.
  let decoys: Decoys | undefined;
  before(() => {
    decoys = startDecoys([worker]);
  });
  after(() => decoys?.stop());
  it('links forked workers to runJobs and leaves no worker process', () => {
    const child = run('answer');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout).results, [42, 42]);
    assert.deepEqual(leftInGroup(child.pid), []);
  });
  it('kills its workers after the report: none ends by itself', () => {
    const child = run('answer');
    assert.doesNotMatch(child.stderr, /ended by itself/);
  });
  it('with --exit-workers lets each worker end by itself (exit code 0) after the report, so valgrind sees it end', () => {
    const child = run('answer', true);
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout).results, [42, 42]);
    assert.equal(child.stderr.match(/^worker \d+ ended by itself, code 0$/gm)?.length, 2, child.stderr);
    assert.deepEqual(leftInGroup(child.pid), []);
  });
  it('kills a worker still busy after answering (SIGKILL), not waiting for it', () => {
    const child = run('hang');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(leftInGroup(child.pid), []);
  });
  it('names a worker that died before answering, and kills the others', () => {
    const child = run('exit');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker [12] of 2 \(pid \d+\) died: exit code 7$/m);
    assert.deepEqual(leftInGroup(child.pid), []);
  });
});
