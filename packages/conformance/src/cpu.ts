import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * CPU time used so far by each process of group `pgid` (zombies included: their counters stay until
 * reaped), in milliseconds by `pid@starttime`. A runtime that exits without reaping its workers (Deno's
 * node:cluster) leaves them to init, so their time never reaches cutime; sampling the group while it
 * runs still sees them. Scans /proc but reads only the group's own processes' counters.
 */
export function groupCpuMs(pgid: number): Map<string, number> {
  const used = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // Fields after "(comm) " start at field 3: pgrp is field 5, utime 14, stime 15, starttime 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    used.set(`${entry}@${fields[19]}`, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
  }
  return used;
}

/** Keeps sampling {@link groupCpuMs} every `intervalMs`; `stop()` samples once more and gives the group's total, each process at its last value. */
export function sampleGroupCpu(pgid: number, intervalMs = 20): { stop: () => number } {
  const last = new Map<string, number>();
  const sample = () => {
    for (const [key, ms] of groupCpuMs(pgid)) last.set(key, Math.max(ms, last.get(key) ?? 0));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return [...last.values()].reduce((a, b) => a + b, 0);
    },
  };
}
