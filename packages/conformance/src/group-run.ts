import { spawn } from 'node:child_process';
import { processesInGroup, type ProcessInfo } from '@arena/variant-kit/testing';
import { sampleGroupCpu } from './cpu.ts';

export type { ProcessInfo };

/** How a command ended, and what it left behind in its process group. */
export interface GroupRun {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Milliseconds from spawning the command to its exit. */
  wallMs: number;
  /** Processes of the command's group still alive `graceMs` after it exited (all killed since). */
  leftovers: ProcessInfo[];
  /** With `sampleCpu`: the CPU time of the group's processes, sampled while it ran (see sampleGroupCpu). */
  groupCpuMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already empty.
  }
}

/**
 * Runs `file args` from `cwd` as the leader of a new process group, like the harness's runProcess,
 * but looks before killing: once the command exits, any process of its group still alive after
 * `graceMs` is a leftover (a worker that outlived its primary). The group is killed either way.
 */
export async function runInGroup(file: string, args: string[], o: { cwd: string; timeoutMs: number; graceMs?: number; sampleCpu?: boolean }): Promise<GroupRun> {
  const started = performance.now();
  const child = spawn(file, args, { cwd: o.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise((resolve) => child.once('close', resolve));
  const sampler = o.sampleCpu && child.pid ? sampleGroupCpu(child.pid) : undefined;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) killGroup(child.pid);
  }, o.timeoutMs);
  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, sig) => resolve([code, sig]));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  const pgid = child.pid!;
  const groupCpuMs = sampler?.stop();
  let leftovers = processesInGroup(pgid);
  for (const deadline = Date.now() + (o.graceMs ?? 0); leftovers.length && Date.now() < deadline; leftovers = processesInGroup(pgid)) await sleep(25);
  killGroup(pgid);
  // All output is read once the pipes close; a leftover holding them open is gone by now.
  await Promise.race([closed, sleep(2000)]);
  return { exitCode, signal, stdout, stderr, timedOut, wallMs, leftovers, ...(groupCpuMs === undefined ? {} : { groupCpuMs }) };
}
