import { measuredEnv, type ProcessOutcome } from '@arena/hyperfine-wrapper';
import { execa } from 'execa';
import { inCgroup, makeChild, readPeak, removeChild } from './cgroup.ts';
import type { MemoryProbe } from './method.ts';
import { startSampler } from './sampler.ts';

/** One memory run's process outcome, and its tree's peak memory in bytes when it ended well. */
export interface MemoryRunOutcome {
  outcome: ProcessOutcome;
  peakBytes: number | null;
}

export interface MemoryRunOptions {
  cwd?: string;
  timeoutMs: number;
  /** Aborting kills the run's whole process group. */
  signal?: AbortSignal;
  /** The child cgroup's name for a cgroup probe, unique in the bench (arena-<run id>-<n>). */
  cgroupName: string;
}

const killGroup = (pid: number | undefined) => {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

/**
 * Runs `argv` once, untimed, in its own process group, and measures its tree's peak memory with
 * `probe`: in a child cgroup made for this run (removed after it, whatever happened), or by sampling
 * its PSS. On timeout or abort the whole group is killed, as in every other run of the bench.
 */
export async function runWithMemory(argv: string[], probe: MemoryProbe, o: MemoryRunOptions): Promise<MemoryRunOutcome> {
  const cgroup = probe.method === 'sampled-pss' ? null : { child: makeChild(probe.parent, o.cgroupName), method: probe.method };
  try {
    const [file, ...args] = cgroup ? inCgroup(cgroup.child, argv) : argv;
    const started = performance.now();
    const proc = execa(file!, args, { cwd: o.cwd, env: measuredEnv(), extendEnv: false, detached: true, reject: false, stdin: 'ignore', buffer: true, maxBuffer: 64 * 1024 * 1024 });
    const sampler = probe.method === 'sampled-pss' && proc.pid !== undefined ? startSampler(proc.pid, { intervalMs: probe.intervalMs }) : null;
    let timedOut = false;
    let cancelled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(proc.pid);
    }, o.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      killGroup(proc.pid);
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await proc;
      const sampled = sampler?.stop();
      // The group may still hold workers that outlived their primary.
      killGroup(proc.pid);
      const outcome: ProcessOutcome = {
        exitCode: result.exitCode ?? null,
        signal: result.signal ?? null,
        stdout: String(result.stdout ?? ''),
        stderr: String(result.stderr ?? ''),
        durationMs: performance.now() - started,
        timedOut,
        cancelled,
      };
      const ended = outcome.exitCode === 0 && !timedOut && !cancelled;
      const peakBytes = !ended ? null : cgroup ? readPeak(cgroup.child, cgroup.method) : (sampled?.peakBytes ?? null);
      return { outcome, peakBytes };
    } finally {
      sampler?.stop();
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    }
  } finally {
    if (cgroup) await removeChild(cgroup.child);
  }
}
