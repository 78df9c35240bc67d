import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@arena/suite';
import { SAMPLE_INTERVAL_MS } from './sampler.ts';

/**
 * How the memory runs measure: in a cgroup made for each run under a folder delegated to the bench
 * (the kernel's own peak), or by sampling the process tree's PSS every intervalMs.
 */
export type MemoryProbe = { method: 'cgroup-v2' | 'cgroup-v1'; parent: string } | { method: 'sampled-pss'; intervalMs: number };

/** What the folder BENCH_MEMORY_CGROUP names holds, as far as the choice depends on it. */
export interface CgroupFolder {
  /** The names in it; null when it does not exist or cannot be listed. */
  files: string[] | null;
  /** Its cgroup.subtree_control (v2): the controllers its children get; null when absent. */
  subtreeControl: string | null;
  /** Whether this user may create folders in it. */
  writable: boolean;
}

/**
 * The probe for a BENCH_MEMORY_CGROUP setting (null: unset) and what its folder holds: unset,
 * sampled PSS (our own cgroups belong to whoever runs the machine, so none is made); a v2 cgroup
 * (cgroup.controllers) whose children get the memory controller: cgroup-v2; a v1 memory cgroup
 * (memory.max_usage_in_bytes): cgroup-v1. Anything else is an error saying what to fix, since the
 * user asked for a cgroup by name. Pure.
 */
export function chooseMemoryProbe(setting: string | null, folder: CgroupFolder | null): { probe: MemoryProbe } | { error: string } {
  if (setting === null) return { probe: { method: 'sampled-pss', intervalMs: SAMPLE_INTERVAL_MS } };
  const files = folder?.files ?? null;
  if (files === null) return { error: `BENCH_MEMORY_CGROUP: ${setting} does not exist or cannot be listed` };
  const v2 = files.includes('cgroup.controllers');
  const v1 = !v2 && files.includes('memory.max_usage_in_bytes') && files.includes('cgroup.procs');
  if (!v2 && !v1) return { error: `BENCH_MEMORY_CGROUP: ${setting} is not a cgroup v2 folder (no cgroup.controllers) nor a v1 memory cgroup (no memory.max_usage_in_bytes)` };
  if (v2 && !(folder!.subtreeControl ?? '').split(/\s+/).includes('memory')) {
    return {
      error: `BENCH_MEMORY_CGROUP: ${setting} does not give its children the memory controller; enable it first (echo +memory > ${path.join(setting, 'cgroup.subtree_control')}): the bench never changes a cgroup it did not create`,
    };
  }
  if (!folder!.writable) return { error: `BENCH_MEMORY_CGROUP: ${setting} is not writable by this user; delegate it to the user running the bench` };
  return { probe: { method: v2 ? 'cgroup-v2' : 'cgroup-v1', parent: setting } };
}

/** Reads what chooseMemoryProbe needs from the folder; reads only, writes nothing. */
export function readCgroupFolder(dir: string): CgroupFolder {
  let files: string[] | null = null;
  try {
    files = readdirSync(dir);
  } catch {
    // Missing or unreadable: files stays null.
  }
  let subtreeControl: string | null = null;
  try {
    subtreeControl = readFileSync(path.join(dir, 'cgroup.subtree_control'), 'utf8');
  } catch {
    // Not v2.
  }
  let writable = false;
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    writable = true;
  } catch {
    // Stays false.
  }
  return { files, subtreeControl, writable };
}

/** The probe for BENCH_MEMORY_CGROUP (null: unset); a ConfigError, before anything is timed, when the folder cannot serve. */
export function memoryProbe(setting: string | null): MemoryProbe {
  const chosen = chooseMemoryProbe(setting, setting === null ? null : readCgroupFolder(setting));
  if ('error' in chosen) throw new ConfigError(chosen.error);
  return chosen.probe;
}

/** The probe in words, for the log: `sampled PSS every 5 ms`, `cgroup v2 under /sys/fs/cgroup/bench`. */
export const describeProbe = (p: MemoryProbe): string => (p.method === 'sampled-pss' ? `sampled PSS every ${p.intervalMs} ms` : `${p.method.replace('-', ' ')} under ${p.parent}`);
