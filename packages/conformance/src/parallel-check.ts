import os from 'node:os';
import { shownStderr, splitCommand, tail, verifyOutput, type Run } from '@arena/hyperfine-wrapper';
import { sampleCpu, waitForQuiet } from './cpu.ts';
import { runInGroup } from './group-run.ts';
import { busyAt, calibratedN, judge, nextProbe, PARALLEL, type RatioRun, type Timing } from './parallel.ts';

const TIMEOUT_MS = 60_000;

/** Runs a target once from `root`, verifies its report, and measures its CPU/wall ratio. */
async function measure(root: string, target: Run): Promise<Timing & RatioRun> {
  const [file, ...args] = splitCommand(target.command);
  const before = sampleCpu();
  const r = await runInGroup(file!, args, { cwd: root, timeoutMs: TIMEOUT_MS, sampleCpu: true });
  const after = sampleCpu();
  if (r.exitCode !== 0 || r.timedOut) {
    const how = r.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : r.signal ? `was killed by ${r.signal}` : `exited with status ${r.exitCode}`;
    throw new Error(`\`${target.command}\` ${how}; stderr ends:\n${tail(shownStderr(r.stderr))}`);
  }
  const verdict = verifyOutput(r.stdout, target.expected, root);
  if (!verdict.ok) throw new Error(`\`${target.command}\`: ${verdict.error}`);
  // What the waited-for accounting saw, or the group's sampled time when workers went unreaped.
  const cpuMs = Math.max(after.childrenMs - before.childrenMs, r.groupCpuMs ?? 0);
  const otherMs = Math.max(0, after.machineBusyMs - before.machineBusyMs - cpuMs);
  return { n: target.expected.size, wallMs: r.wallMs, computeMs: verdict.report.phasesMs.computeMs, ratio: cpuMs / r.wallMs, otherCores: otherMs / r.wallMs };
}

/**
 * Checks that a target's workers run in parallel: calibrates n from short probes until compute
 * dominates, then judges CPU/wall over several runs at that n (see parallel.ts). `targetAt(n)` is
 * fib's target with `--size n --workers 2`. Resolves to a note with the numbers; throws when it fails.
 */
export async function expectParallel(root: string, targetAt: (n: number) => Run): Promise<string> {
  const busy = busyAt(os.cpus().length);
  // Others' load slows probes and lowers ratios: start at a quiet moment, and wait for one again
  // after a run that others slowed (if one comes within the patience).
  let last: RatioRun = { ratio: 0, otherCores: Infinity };
  const run = async (n: number) => {
    if (last.otherCores >= busy) await waitForQuiet(busy, PARALLEL.quietPatienceMs);
    const measured = await measure(root, targetAt(n));
    last = measured;
    return measured;
  };
  let probe = await run(PARALLEL.probeN);
  const probes = [probe];
  for (let next = nextProbe(probe); next !== undefined; next = nextProbe(probe)) {
    probe = await run(next);
    probes.push(probe);
  }
  let n = calibratedN(probe);
  const runs: Array<Timing & RatioRun> = [];
  for (;;) {
    const r = await run(n);
    // A noisy probe (or a first run others slowed) can leave n too small; any run, longer, predicts
    // better. n only grows, up to maxN, so this ends. Runs at a smaller n are not judged.
    if (calibratedN(r) > n) {
      probes.push(r, ...runs.splice(0));
      n = calibratedN(r);
      continue;
    }
    runs.push(r);
    const verdict = judge(runs, n, busy);
    if (verdict === undefined) continue;
    if (!verdict.ok) throw new Error(`\`${targetAt(n).command}\`: ${verdict.error}`);
    const list = runs.map((r) => `${r.ratio.toFixed(2)} in ${Math.round(r.wallMs)} ms`).join(', ');
    const calibration = probes.map((p) => `n=${p.n}: ${p.computeMs.toFixed(1)} of ${Math.round(p.wallMs)} ms`).join(', ');
    return `n=${n}: CPU/wall best ${verdict.best.toFixed(2)} (${list}); probes (compute of wall) ${calibration}`;
  }
}
