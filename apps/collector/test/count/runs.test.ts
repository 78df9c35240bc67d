import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Target } from '@arena/hyperfine-wrapper';
import { countSides, type SideTargets } from '../../src/count/runs.ts';
import type { CountOnce } from '../../src/count/valgrind.ts';

const target = (variant: string, size: number, counting: Target['counting'], seeded = true): Target => ({
  key: `${variant} · nbody`,
  variant,
  parameters: {},
  command: `bin/${variant} --workload nbody --size ${size} --workers 2`,
  asked: { variant, workload: 'nbody', size, workers: 2 },
  seeded,
  table: 'nbody · workers=2',
  ...(counting ? { counting } : {}),
});
const countable = { countable: true as const, env: { GODEBUG: 'x=1' }, children: false };
const side = (name: 'A' | 'B', counting: Target['counting'] = countable, variant = 'c-native'): SideTargets => ({
  side: name,
  small: [target(variant, 10, counting)],
  large: [target(variant, 20, counting)],
  problems: [],
  cwd: `/side-${name}`,
});

/** Counts as `instructions(command)` says, recording every call. */
function fake(instructions: (command: string, cwd: string | undefined) => number | string) {
  const calls: Array<{ command: string; cwd?: string; env: Record<string, string>; seed: number | null; answer: unknown }> = [];
  const countOnce: CountOnce = async (run, o) => {
    calls.push({ command: run.command, cwd: o.cwd, env: o.env, seed: run.expected.seed, answer: run.expected.answer });
    const n = instructions(run.command, o.cwd);
    return typeof n === 'number' ? { ok: true, instructions: n } : { ok: false, error: n };
  };
  return { countOnce, calls };
}

const answers = (_workload: string, size: number, seed: number | null) => [size, seed ?? -1];
const options = { runs: 3, timeoutS: null, drawSeed: () => 42 };

test('every countable result is counted runs × 2 sizes per side, A and B side by side, with one seed and its verified answer', async () => {
  let n = 0;
  const { countOnce, calls } = fake(() => 1000 + n++);
  const { results, seeds } = await countSides([side('A'), side('B')], answers, options, countOnce);
  assert.equal(calls.length, 12);
  assert.deepEqual(
    calls.slice(0, 4).map((c) => c.cwd),
    ['/side-A', '/side-B', '/side-A', '/side-B'],
  );
  assert.ok(calls.slice(0, 6).every((c) => c.command.includes('--size 10 ')));
  assert.ok(calls.slice(6).every((c) => c.command.includes('--size 20 ')));
  assert.ok(calls.every((c) => c.command.endsWith('--seed 42') && c.seed === 42 && c.env.GODEBUG === 'x=1'));
  assert.deepEqual(calls[0]!.answer, [10, 42]);
  assert.deepEqual(seeds, { nbody: 42 });
  const a = results.get('A')![0]!;
  assert.equal(a.status, 'counted');
  assert.deepEqual(a.status === 'counted' && a.small, { size: 10, instructions: [1000, 1002, 1004] });
  assert.deepEqual(a.status === 'counted' && a.large, { size: 20, instructions: [1006, 1008, 1010] });
});

test('a host that is not countable is recorded with its reason and never run', async () => {
  const { countOnce, calls } = fake(() => 1);
  const no = { countable: false as const, why: 'bun: JavaScriptCore spreads' };
  const { results } = await countSides([side('A', no), side('B', no)], answers, options, countOnce);
  assert.equal(calls.length, 0);
  assert.deepEqual(results.get('B'), [{ status: 'not-countable', key: 'c-native · nbody', variant: 'c-native', workload: 'nbody', parameters: {}, why: 'bun: JavaScriptCore spreads' }]);
});

test('a counted run that fails (a wrong answer, a crash) fails that side of the result, naming the run and size; the other side is counted', async () => {
  const { countOnce, calls } = fake((command, cwd) => (cwd === '/side-B' && command.includes('--size 20') ? 'result 1 differs from the reference' : 5));
  const { results } = await countSides([side('A'), side('B')], answers, options, countOnce);
  const b = results.get('B')![0]!;
  assert.equal(b.status, 'failed');
  assert.match(b.status === 'failed' ? b.error : '', /^counted run 1 of 3 at nbody size 20: result 1 differs/);
  assert.equal(results.get('A')![0]!.status, 'counted');
  // B stops at its first failure: A's 6 runs, B's 3 small ones and its one failed large one.
  assert.equal(calls.length, 10);
});

test("a side's planning problem is a failed result; a result only one side has is counted there", async () => {
  const { countOnce } = fake(() => 7);
  const a = side('A');
  const b: SideTargets = { ...side('B', countable, 'added'), problems: [{ target: target('c-native', 20, countable), error: 'no clang module of nbody' }] };
  const { results } = await countSides([a, b], answers, options, countOnce);
  assert.deepEqual(
    results.get('B')!.map((r) => [r.key, r.status]),
    [
      ['c-native · nbody', 'failed'],
      ['added · nbody', 'counted'],
    ],
  );
});

test('with jobs, counted runs share the cores: at most `jobs` at once, every count in its run order whatever order they end in', async () => {
  let running = 0;
  let most = 0;
  let n = 0;
  const countOnce: CountOnce = async (run, o) => {
    running++;
    most = Math.max(most, running);
    const i = n++;
    // Later runs end first, so the completion order is not the start order.
    await new Promise((r) => setTimeout(r, 12 - i));
    running--;
    return { ok: true, instructions: (o.cwd === '/side-A' ? 0 : 100) + (run.command.includes('--size 10 ') ? 0 : 50) + i };
  };
  const { results } = await countSides([side('A'), side('B')], answers, { ...options, jobs: 2 }, countOnce);
  assert.equal(most, 2);
  const a = results.get('A')![0]!;
  const b = results.get('B')![0]!;
  assert.deepEqual(a.status === 'counted' && [a.small.instructions, a.large.instructions], [
    [0, 2, 4],
    [56, 58, 60],
  ]);
  assert.deepEqual(b.status === 'counted' && b.small.instructions, [101, 103, 105]);
});
