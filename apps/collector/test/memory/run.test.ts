// Sampled PSS against fixtures of known size. Each assertion compares the program's peak with the
// same program touching 0 MiB (its baseline: Node itself), so only what it allocated remains.
// Tolerance ±15 % of the allocated amount: PSS is exact to the kB for the touched pages, but a
// Node process's own heap and code pages vary by a few MiB between runs (a cluster has three of
// them), and a 5 ms sampler sees a 300 ms hold some 60 times, so the held peak is not missed.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startDecoys, watchTree } from '@arena/variant-kit/testing';
import { runWithMemory } from '../../src/memory/run.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/memory/${name}.mjs`, import.meta.url));
const MIB = 2 ** 20;
const TOLERANCE = 0.15;

async function peakOf(name: string, mib: number, holdMs = 300): Promise<number> {
  const r = await runWithMemory([process.execPath, fixture(name), String(mib), String(holdMs)], { method: 'sampled-pss', intervalMs: 5 }, { timeoutMs: 20_000, cgroupName: 'unused' });
  assert.equal(r.outcome.exitCode, 0, r.outcome.stderr);
  assert.ok(r.peakBytes !== null && r.peakBytes > 0);
  return r.peakBytes;
}

const within = (measured: number, expected: number) =>
  assert.ok(Math.abs(measured - expected) <= TOLERANCE * expected, `${(measured / MIB).toFixed(1)} MiB measured, ${(expected / MIB).toFixed(1)} MiB expected ±${TOLERANCE * 100} %`);

test('a child touching 200 MiB peaks 200 MiB (±15 %) above its 0 MiB baseline', async () => {
  within((await peakOf('touch', 200)) - (await peakOf('touch', 0)), 200 * MIB);
});

test('a cluster of 3 processes touching 50 MiB each: the whole tree counts, 150 MiB (±15 %) above its baseline', async () => {
  within((await peakOf('cluster', 50)) - (await peakOf('cluster', 0)), 150 * MIB);
});

test('a run past its timeout is killed with its process group and has no peak', async (t) => {
  // The same cluster's workers run by someone else (another checkout's tests) are not this run's.
  const decoys = startDecoys([`${fixture('cluster')} worker`]);
  t.after(() => decoys.stop());
  // runWithMemory starts the cluster from this process, in a group of its own: the watch of this
  // process's tree notes that group.
  const tree = watchTree(process.pid);
  const r = await runWithMemory([process.execPath, fixture('cluster'), '0', '60000'], { method: 'sampled-pss', intervalMs: 5 }, { timeoutMs: 1500, cgroupName: 'unused' });
  assert.equal(r.outcome.timedOut, true);
  assert.equal(r.peakBytes, null);
  assert.equal(tree.seen().filter((p) => p.commandLine.includes(`${fixture('cluster')} worker`)).length, 2, 'the watch saw both workers');
  assert.deepEqual(await tree.leftovers(200), []);
});
