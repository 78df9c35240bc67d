import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  assertError,
  assertReport,
  builtKernels,
  callsCases,
  commandLineOf,
  leftInGroup,
  processesInGroup,
  referenceAnswer,
  repoRoot,
  runVariant,
  startDecoys,
  watchTree,
  type VariantRun,
} from '../src/testing.js';
import { nbody } from '../../workloads/nbody/reference.ts';

const root = repoRoot(fileURLToPath(import.meta.url));
const run = (stdout: string, status = 0, stderr = ''): VariantRun => ({ cwd: root, pid: 0, status, signal: null, stdout, stderr });

describe('referenceAnswer', () => {
  it("is the workload's reference, typed by answer.type", async () => {
    assert.equal(await referenceAnswer(root, 'fib', 20, null), 6765);
    assert.deepEqual(await referenceAnswer(root, 'nbody', 1000, 42), nbody(1000, 42));
  });
});

describe('assertReport', () => {
  const fib = { variant: 'v', workload: 'fib', size: 20, seed: null, workers: 2 };
  const line = (fields: Record<string, unknown>) =>
    `${JSON.stringify({ variant: 'v', workload: 'fib', size: 20, seed: null, workers: 2, results: [6765, 6765], ...fields, phasesMs: { computeMs: 1 } })}\n`;
  it('accepts a correct report line', async () => {
    await assertReport(run(`some log\n${line({})}`), fib, []);
  });
  it('refuses a wrong answer, a missing worker, wrong fields or another order', async () => {
    await assert.rejects(assertReport(run(line({ results: [6765, 6764] })), fib, []));
    await assert.rejects(assertReport(run(line({ results: [6765] })), fib, []));
    await assert.rejects(assertReport(run(line({ seed: 1 })), fib, []));
    await assert.rejects(assertReport(run(`${JSON.stringify({ workload: 'fib', variant: 'v', size: 20, seed: null, workers: 2, results: [6765, 6765], phasesMs: { computeMs: 1 } })}\n`), fib, []));
  });
  it('compares f64[] answers bit for bit', async () => {
    const expected = { variant: 'v', workload: 'nbody', size: 1000, seed: 42, workers: 1 };
    const [before, after] = nbody(1000, 42);
    const report = (results: unknown) => run(`${JSON.stringify({ ...expected, results, phasesMs: { computeMs: 1 } })}\n`);
    await assertReport(report([[before, after]]), expected, []);
    await assert.rejects(assertReport(report([[before, after + Number.EPSILON * Math.abs(after)]]), expected, []));
  });
});

describe('assertReport with --calls', () => {
  const fib = { variant: 'v', workload: 'fib', size: 20, seed: null, workers: 2 };
  const line = (calls: Record<string, unknown>, phasesMs: Record<string, number>) =>
    run(`${JSON.stringify({ variant: 'v', workload: 'fib', size: 20, seed: null, workers: 2, results: [6765, 6765], ...calls, phasesMs })}\n`);
  const warm = { computeMs: 3, firstCallMs: 2, laterCallMs: 0.5 };
  it("wants calls and the calls' phases above 1 call", async () => {
    await assertReport(line({ calls: 3 }, warm), { ...fib, calls: 3 }, []);
    await assert.rejects(assertReport(line({}, warm), { ...fib, calls: 3 }, []));
    await assert.rejects(assertReport(line({ calls: 2 }, warm), { ...fib, calls: 3 }, []));
    await assert.rejects(assertReport(line({ calls: 3 }, { computeMs: 3, firstCallMs: 2 }), { ...fib, calls: 3 }, []));
    await assert.rejects(assertReport(line({ calls: 3 }, { ...warm, firstCallMs: 4 }), { ...fib, calls: 3 }, []), /firstCallMs is within computeMs/);
  });
  it('wants neither for one call', async () => {
    await assertReport(line({}, { computeMs: 1 }), { ...fib, calls: 1 }, []);
    await assert.rejects(assertReport(line({ calls: 1 }, { computeMs: 1 }), { ...fib, calls: 1 }, []));
    await assert.rejects(assertReport(line({}, warm), fib, []));
  });
});

describe('callsCases', () => {
  it('passes --calls, and the module when asked', () => {
    const cases = callsCases();
    assert.ok(cases.some(({ expected }) => expected.calls === 3 && expected.workload === 'chunk-hash'));
    assert.ok(cases.some(({ expected }) => expected.calls === 1));
    for (const { args, expected } of cases) {
      assert.deepEqual(args.slice(args.indexOf('--calls'), args.indexOf('--calls') + 2), ['--calls', String(expected.calls)]);
      assert.ok(!args.includes('--module') && expected.module === undefined);
    }
    for (const { args, expected } of callsCases((w) => `${w}.wasm`)) {
      assert.equal(expected.module, `${expected.workload}.wasm`);
      assert.deepEqual(args.slice(-2), ['--module', `${expected.workload}.wasm`]);
    }
  });
});

describe('assertError', () => {
  it('wants the status, no stdout and one error line', () => {
    assertError(run('', 2, 'error: --size must be …\n'), 2, /--size/);
    assert.throws(() => assertError(run('{}\n', 2, 'error: --size\n'), 2, /--size/));
    assert.throws(() => assertError(run('', 1, 'error: --size\n'), 2, /--size/));
  });
});

describe('builtKernels', () => {
  it("lists the built modules of the kernels' manifest, of one workload if asked", (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kit-kernels-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, 'packages/kernels/dist'), { recursive: true });
    writeFileSync(
      path.join(dir, 'packages/kernels/dist/manifest.json'),
      JSON.stringify({
        schemaVersion: 2,
        modules: [
          { workload: 'fib', producer: 'clang', status: 'built', file: 'fib/clang.wasm' },
          { workload: 'nbody', producer: 'clang', status: 'built', file: 'nbody/clang.wasm' },
          { workload: 'nbody', producer: 'tinygo', status: 'skipped', reason: 'no tinygo' },
        ],
      }),
    );
    assert.deepEqual(builtKernels(dir, 'nbody'), [{ workload: 'nbody', producer: 'clang', file: 'packages/kernels/dist/nbody/clang.wasm' }]);
    assert.equal(builtKernels(dir).length, 2);
  });
});

// Leftover checks look at the command's own group or tree: processes elsewhere with the same command
// line (decoys, standing in for another checkout's tests) are never reported, nor killed.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wait = `setTimeout(() => {}, 30000)`;
/** [pgrp, session] of a process, from /proc/<pid>/stat. */
const groupAndSession = (stat: string) =>
  stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(2, 4)
    .map(Number);
/** Ended: no such process, or a zombie. (An empty command line is not enough: it empties while the process still exits.) */
function ended(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && !ended(pid); i++) await sleep(20);
  return ended(pid);
}

describe('runVariant', () => {
  it('runs the command in a process group and session of its own, led by run.pid', (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kit-run-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'packages: [probe]\n');
    mkdirSync(path.join(dir, 'probe'));
    writeFileSync(path.join(dir, 'probe/package.json'), JSON.stringify({ arena: { command: 'node {pkg}/probe.mjs' } }));
    writeFileSync(path.join(dir, 'probe/probe.mjs'), "import { readFileSync } from 'node:fs';\nprocess.stdout.write(readFileSync('/proc/self/stat', 'utf8'));\n");
    const probe = runVariant(path.join(dir, 'probe'), []);
    assert.equal(probe.status, 0, probe.stderr);
    assert.ok(probe.pid > 0);
    assert.deepEqual(groupAndSession(probe.stdout), [probe.pid, probe.pid]);
  });
});

describe('leftInGroup', () => {
  it("lists (then kills) a process that outlived its group's leader, not a decoy with its command line", async () => {
    const needle = 'kit-left-in-group-needle';
    const decoys = startDecoys([needle]);
    try {
      // The shell leaves a child behind in its group and exits at once.
      const shell = spawnSync('/bin/sh', ['-c', '"$@" </dev/null >/dev/null 2>&1 &', 'sh', process.execPath, '-e', wait, '--', needle], { timeout: 10_000, ...{ detached: true } });
      assert.equal(shell.status, 0);
      await sleep(200);
      const left = leftInGroup(shell.pid, 100);
      assert.equal(left.length, 1, JSON.stringify(left));
      assert.notEqual(left[0]!.pid, decoys.pids[0]);
      assert.equal(left[0]!.name, 'node');
      assert.ok(await gone(left[0]!.pid), 'killed with its group');
      assert.deepEqual(processesInGroup(shell.pid), []);
      assert.deepEqual(leftInGroup(shell.pid, 0), []);
      assert.match(commandLineOf(decoys.pids[0]!), new RegExp(needle), 'the decoy still runs');
    } finally {
      decoys.stop();
    }
  });
  it("refuses the test's own group", () => {
    assert.throws(() => leftInGroup(Number(groupAndSession(readFileSync('/proc/self/stat', 'utf8'))[0])), /the test's own/);
  });
});

describe('watchTree', () => {
  it('follows a process its root started into a new session after the root ended, and nothing else', async () => {
    const needle = 'kit-watch-tree-needle';
    const decoys = startDecoys([needle]);
    try {
      assert.equal(decoys.pids.length, 1);
      // The grandchild leaves the tree's group and session (setsid), then its parent dies: only the
      // watch's memory of it still finds it.
      const root = spawn('/bin/sh', ['-c', `setsid "$@" </dev/null >/dev/null 2>&1 & sleep 0.3`, 'sh', process.execPath, '-e', wait, '--', needle], { detached: true, stdio: 'ignore' });
      const tree = watchTree(root.pid!);
      await once(root, 'exit');
      const started = tree.seen().filter((p) => p.pid !== root.pid && p.commandLine.includes(needle));
      assert.equal(started.length, 1, JSON.stringify(tree.seen()));
      assert.equal(tree.seen()[0]!.pid, root.pid, 'the root first');
      const left = await tree.leftovers(100);
      assert.deepEqual(
        left.map((p) => p.pid),
        [started[0]!.pid],
      );
      assert.ok(await gone(started[0]!.pid), 'killed');
      assert.match(commandLineOf(decoys.pids[0]!), new RegExp(needle), 'the decoy still runs');
    } finally {
      decoys.stop();
    }
  });
  it('reports nothing when everything the root started has ended, though decoys run', async () => {
    const needle = 'kit-watch-tree-clean';
    const decoys = startDecoys([needle, needle]);
    try {
      const root = spawn('/bin/sh', ['-c', `"$@" & wait`, 'sh', process.execPath, '-e', 'setTimeout(() => {}, 300)', '--', needle], { detached: true, stdio: 'ignore' });
      const tree = watchTree(root.pid!);
      await once(root, 'exit');
      assert.ok(
        tree.seen().some((p) => p.pid !== root.pid && p.commandLine.includes(needle)),
        JSON.stringify(tree.seen()),
      );
      assert.deepEqual(await tree.leftovers(), []);
      for (const pid of decoys.pids) assert.match(commandLineOf(pid), new RegExp(needle));
    } finally {
      decoys.stop();
    }
    for (const pid of decoys.pids) assert.ok(await gone(pid), 'stop() kills the decoys');
  });
});
