import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { processesRunning } from '../src/testing.js';

const pool = fileURLToPath(new URL('./fixtures/pool.ts', import.meta.url));
const worker = fileURLToPath(new URL('./fixtures/pool-worker.mjs', import.meta.url));
const run = (behaviour: string) => spawnSync(process.execPath, ['--import', 'tsx', pool, 'cluster', behaviour], { encoding: 'utf8', timeout: 30_000 });

describe('forkWorker', () => {
  it('links forked workers to runJobs and leaves no worker process', () => {
    const child = run('answer');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout).results, [42, 42]);
    assert.deepEqual(processesRunning(worker), []);
  });
  it('kills a worker still busy after answering (SIGKILL), not waiting for it', () => {
    const child = run('hang');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(processesRunning(worker), []);
  });
  it('names a worker that died before answering, and kills the others', () => {
    const child = run('exit');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker [12] of 2 \(pid \d+\) died: exit code 7$/m);
    assert.deepEqual(processesRunning(worker), []);
  });
});
