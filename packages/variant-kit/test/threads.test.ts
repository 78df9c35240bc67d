import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const pool = fileURLToPath(new URL('./fixtures/pool.ts', import.meta.url));
const run = (behaviour: string) => spawnSync(process.execPath, ['--import', 'tsx', pool, 'threads', behaviour], { encoding: 'utf8', timeout: 30_000 });

describe('startThread', () => {
  it('links threads to runJobs', () => {
    const child = run('answer');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout).results, [42, 42]);
  });
  it('exits once all answered even if a thread is still busy', () => assert.equal(run('hang').status, 0));
  it('names a thread whose job threw', () => {
    const child = run('throw');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker [12] of 2 \(thread \d+\) failed: boom$/m);
  });
  it('names a thread that exited before answering', () => {
    const child = run('exit');
    assert.equal(child.status, 1);
    assert.match(child.stderr, /^error: worker [12] of 2 \(thread \d+\) exited with code 7$/m);
  });
});
