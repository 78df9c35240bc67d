import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { reportLine, type VariantReport } from '@arena/contract';
import { z } from 'zod';

/** fibonacci(n) by iteration: the reference every report is checked against. */
export function fibonacci(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

/** What a report line is checked against. */
export interface Expected {
  variant: string;
  n: number;
  workers: number;
  /** The module path, for wasm variants, as passed to `--module`: relative to where the command ran. */
  module?: string;
}

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
  return stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{') && l.endsWith('}'));
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
  const want = fibonacci(expected.n);
  const mismatches: string[] = [];
  if (r.variant !== expected.variant) mismatches.push(`variant: expected ${expected.variant}, got ${r.variant}`);
  if (r.n !== expected.n) mismatches.push(`n: expected ${expected.n}, got ${r.n}`);
  if (r.workers !== expected.workers) mismatches.push(`workers: expected ${expected.workers}, got ${r.workers}`);
  const module = expected.module === undefined ? undefined : moduleMismatch(r, expected.module, cwd);
  if (module) mismatches.push(module);
  const wrong = r.results.findIndex((v) => v !== want);
  if (wrong >= 0) mismatches.push(`wrong answer: expected fibonacci(${expected.n}) = ${want}, got ${r.results[wrong]} from worker ${wrong}`);
  return mismatches.length ? { ok: false, error: mismatches.join('; ') } : { ok: true, report: r };
}

/** Verifies the output of one process run from `cwd`: its last stdout line must be a correct report. */
export function verifyOutput(stdout: string, expected: Expected, cwd?: string): Verdict {
  const lines = stdout.trimEnd().split('\n');
  return verifyReport(lines.at(-1)?.trim() || undefined, expected, cwd);
}
