import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { reportLine, type VariantReport, type WorkerAnswer } from '@arena/contract';
import { z } from 'zod';

/** What a variant is asked, besides the seed: the same for every run of a target. */
export interface Asked {
  variant: string;
  workload: string;
  size: number;
  workers: number;
  /** The module path, for wasm variants, as passed to `--module`: relative to where the command ran. */
  module?: string;
  /** `--calls`, when above 1: the report must say it made that many calls. */
  calls?: number;
  /** `--setting`: the report must name the setting the host applied. */
  setting?: string;
}

/** What one run's report line is checked against: what it was asked, its seed, and the answer the harness computed itself. */
export interface Expected extends Asked {
  /** The seed passed with --seed; null for an unseeded workload. */
  seed: number | null;
  /** Every worker's answer, from the workload's reference: compared exactly (the workloads' rules fix the operation order). */
  answer: WorkerAnswer;
  /** Relative tolerance for float answers where the platform may fuse multiply-adds (see Target.tolerance); absent: exact. */
  tolerance?: number;
}

/**
 * Equality of two answers: a u32 exactly; arrays of doubles bit for bit (Object.is, so -0 ≠ 0), or,
 * given a relative `tolerance` > 0, each pair within tolerance × the larger magnitude.
 */
export function sameAnswer(a: WorkerAnswer, b: WorkerAnswer, tolerance = 0): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  const close = (x: number, y: number) => Object.is(x, y) || (tolerance > 0 && Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)));
  return a.length === b.length && a.every((x, i) => close(x, b[i]!));
}

const show = (a: WorkerAnswer) => JSON.stringify(a);

const roots = new Map<string, string>();

/**
 * The repository root above `dir` (the folder with pnpm-workspace.yaml), else `dir`: targets'
 * commands, and so their `--module` paths, are relative to the root, wherever the harness runs.
 */
function rootAbove(dir: string): string {
  let root = roots.get(dir);
  for (let d = dir; root === undefined; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'pnpm-workspace.yaml'))) root = d;
    else if (path.dirname(d) === d) root = dir;
  }
  roots.set(dir, root);
  return root;
}

const moduleHashes = new Map<string, string>();

/** The sha256 of a module file, read once per absolute path: a bench verifies every run against it. */
function moduleSha256(file: string): string {
  let hash = moduleHashes.get(file);
  if (hash === undefined) {
    hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    moduleHashes.set(file, hash);
  }
  return hash;
}

/** A mismatch between the module a report says it ran and the file `expected` names, if any. */
function moduleMismatch(r: VariantReport, module: string, cwd = rootAbove(process.cwd())): string | undefined {
  if (r.module !== module) return `module: expected ${module}, got ${r.module}`;
  let want: string;
  try {
    want = moduleSha256(path.resolve(cwd, module));
  } catch (error) {
    return `cannot read ${module} to check which module ran: ${(error as Error).message}`;
  }
  if (r.moduleSha256 !== want) return `ran a module whose sha256 is ${r.moduleSha256}, but ${module} has ${want}`;
  return undefined;
}

export type Verdict = { ok: true; report: VariantReport } | { ok: false; error: string };

/** Lines of stdout that look like report lines (JSON objects); everything else is ignored. */
export function reportCandidates(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{') && l.endsWith('}'));
}

/**
 * Validates one report line against the contract and the expected answer; for a wasm variant, also
 * that it ran the bytes of `expected.module` (its sha256), resolved from `cwd`, where the command ran
 * (by default the repository root above the current directory).
 */
export function verifyReport(line: string | undefined, expected: Expected, cwd?: string): Verdict {
  if (line === undefined) return { ok: false, error: 'printed no report line (expected a JSON object as the last stdout line)' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: `report line is not JSON: ${line.slice(0, 200)}` };
  }
  const parsed = reportLine.safeParse(value);
  if (!parsed.success) return { ok: false, error: `report line breaks the contract:\n${z.prettifyError(parsed.error)}` };
  const r = parsed.data;
  const mismatches: string[] = [];
  for (const field of ['variant', 'workload', 'size', 'seed', 'workers'] as const) {
    if (r[field] !== expected[field]) mismatches.push(`${field}: expected ${expected[field]}, got ${r[field]}`);
  }
  // A host that ignored --calls or --setting ran something else than asked.
  for (const field of ['calls', 'setting'] as const) {
    if (r[field] !== expected[field]) mismatches.push(`${field}: expected ${expected[field] ?? '(absent)'}, got ${r[field] ?? '(absent)'}`);
  }
  const module = expected.module === undefined ? undefined : moduleMismatch(r, expected.module, cwd);
  if (module) mismatches.push(module);
  const wrong = r.results.findIndex((v) => !sameAnswer(v, expected.answer, expected.tolerance));
  const asked = `${expected.workload}(${expected.size}${expected.seed === null ? '' : `, seed ${expected.seed}`})`;
  if (wrong >= 0) mismatches.push(`wrong answer: expected ${asked} = ${show(expected.answer)}, got ${show(r.results[wrong]!)} from worker ${wrong}`);
  return mismatches.length ? { ok: false, error: mismatches.join('; ') } : { ok: true, report: r };
}

/** Verifies the output of one process run from `cwd`: its last stdout line must be a correct report. */
export function verifyOutput(stdout: string, expected: Expected, cwd?: string): Verdict {
  const lines = stdout.trimEnd().split('\n');
  return verifyReport(lines.at(-1)?.trim() || undefined, expected, cwd);
}
