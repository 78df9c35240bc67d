import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workloadSpec, type WorkerAnswer, type WorkloadSpec } from '@arena/contract';
import { z } from 'zod';

/** A workload found under packages/workloads/: its folder and its checked spec. */
export interface Workload {
  name: string;
  /** Folder relative to the repository root. */
  dir: string;
  spec: WorkloadSpec;
}

/** Where workloads live. */
export const workloadsDir = (root: string): string => path.join(root, 'packages', 'workloads');

/**
 * Every folder of packages/workloads/ (or `base`) with a workload.json: no list to edit. A spec that
 * breaks the contract, or names another folder, is returned apart with the reason.
 */
export function discoverWorkloads(root: string, base = workloadsDir(root)): { workloads: Workload[]; broken: Array<{ name: string; error: string }> } {
  const workloads: Workload[] = [];
  const broken: Array<{ name: string; error: string }> = [];
  if (!existsSync(base)) return { workloads, broken };
  for (const entry of readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(base, entry.name, 'workload.json');
    if (!existsSync(file)) continue;
    const dir = path.relative(root, path.join(base, entry.name)).split(path.sep).join('/');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      broken.push({ name: entry.name, error: `${dir}/workload.json is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = workloadSpec.safeParse(raw);
    if (!parsed.success) broken.push({ name: entry.name, error: `${dir}/workload.json: ${z.prettifyError(parsed.error)}` });
    else if (parsed.data.name !== entry.name) broken.push({ name: entry.name, error: `${dir}/workload.json names "${parsed.data.name}", not its folder` });
    else workloads.push({ name: entry.name, dir, spec: parsed.data });
  }
  return { workloads, broken };
}

/**
 * The relative tolerance a workload's answers are compared with on `arch`: its spec's fmaTolerance
 * where compilers may fuse multiply-adds (arm64: Go does, whatever the rules say), else none (bit
 * for bit: on x86-64 Go, clang and V8 do not fuse). Pure.
 */
export function answerTolerance(spec: WorkloadSpec, arch: string): number | undefined {
  return arch === 'arm64' ? spec.answer.fmaTolerance : undefined;
}

/**
 * The host→kernel calls each worker makes at `size`: `size` for a streamed workload (one call per
 * chunk, HOSTS.md "Streamed input"), null for one computed in one call. Reports divide compute time
 * by it to show the time per call. Pure.
 */
export function callsPerWorker(spec: WorkloadSpec, size: number): number | null {
  return spec.input?.kind === 'stream' ? size : null;
}

/** A workload's reference answer for one size (and seed, for a seeded workload). */
export type Reference = (size: number, seed: number) => number | number[];

/** Loads `<workload>/reference.ts` (the harness runs under tsx): its exported `reference`. */
export async function loadReference(root: string, w: Workload): Promise<Reference> {
  const file = path.join(root, w.dir, 'reference.ts');
  const mod = (await import(pathToFileURL(file).href)) as { reference?: unknown };
  if (typeof mod.reference !== 'function') throw new Error(`${w.dir}/reference.ts exports no reference(size, seed) function`);
  return mod.reference as Reference;
}

/**
 * The answers every worker must report, per workload, size and seed, from each workload's reference
 * (computed by the harness itself, never taken from a variant), in the type its spec gives them.
 */
export async function loadAnswers(root: string, workloads: Workload[]): Promise<(workload: string, size: number, seed: number | null) => WorkerAnswer> {
  const refs = new Map<string, { w: Workload; reference: Reference }>();
  for (const w of workloads) refs.set(w.name, { w, reference: await loadReference(root, w) });
  return (workload, size, seed) => {
    const r = refs.get(workload);
    if (r === undefined) throw new Error(`no reference loaded for workload ${workload}`);
    const value = r.reference(size, seed ?? 0);
    if (r.w.spec.answer.type === 'u32') {
      if (typeof value !== 'number') throw new Error(`${r.w.dir}/reference.ts returned ${JSON.stringify(value)}, not a u32`);
      return value;
    }
    return typeof value === 'number' ? [value] : value;
  };
}
