import { readFileSync } from 'node:fs';

/** Linux reports CPU time in /proc in USER_HZ ticks, 100 per second on every architecture. */
const TICK_MS = 10;

/** CPU time counters at one moment, in milliseconds. */
export interface CpuSample {
  /**
   * CPU time of this process's children that exited and were waited for, each with its own
   * waited-for descendants (a cluster primary's workers count): cutime + cstime.
   */
  childrenMs: number;
  /** CPU time the machine spent busy, all cores together, steal included (time not ours to use). */
  machineBusyMs: number;
}

/** Reads the counters from /proc (Linux only, like group-run.ts). */
export function sampleCpu(): CpuSample {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after "(comm) " start at field 3 (state); cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const childrenTicks = Number(fields[13]) + Number(fields[14]);
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return { childrenMs: childrenTicks * TICK_MS, machineBusyMs: (user + nice + system + irq + softirq + steal) * TICK_MS };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the machine is quiet: less than `cores` of it busy over a short window (this process
 * idles meanwhile, so what is busy is others). Gives up after `patienceMs`; says whether it got quiet.
 */
export async function waitForQuiet(cores: number, patienceMs: number, windowMs = 200): Promise<boolean> {
  for (const deadline = Date.now() + patienceMs; ; ) {
    const before = sampleCpu().machineBusyMs;
    const start = performance.now();
    await sleep(windowMs);
    if ((sampleCpu().machineBusyMs - before) / (performance.now() - start) < cores) return true;
    if (Date.now() >= deadline) return false;
  }
}
