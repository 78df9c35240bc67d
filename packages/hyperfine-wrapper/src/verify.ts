import { variantReport, type VariantReport } from '@arena/contract';
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
  /** The module path, for wasm variants. */
  module?: string;
}

export type Verdict = { ok: true; report: VariantReport } | { ok: false; error: string };

/** Lines of stdout that look like report lines (JSON objects); everything else is ignored. */
export function reportCandidates(stdout: string): string[] {
  return stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{') && l.endsWith('}'));
}

/** Validates one report line against the contract and the expected answer. */
export function verifyReport(line: string | undefined, expected: Expected): Verdict {
  if (line === undefined) return { ok: false, error: 'printed no report line (expected a JSON object as the last stdout line)' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: `report line is not JSON: ${line.slice(0, 200)}` };
  }
  const parsed = variantReport.safeParse(value);
  if (!parsed.success) return { ok: false, error: `report line breaks the contract:\n${z.prettifyError(parsed.error)}` };
  const r = parsed.data;
  const want = fibonacci(expected.n);
  const mismatches: string[] = [];
  if (r.variant !== expected.variant) mismatches.push(`variant: expected ${expected.variant}, got ${r.variant}`);
  if (r.n !== expected.n) mismatches.push(`n: expected ${expected.n}, got ${r.n}`);
  if (r.workers !== expected.workers) mismatches.push(`workers: expected ${expected.workers}, got ${r.workers}`);
  if (expected.module !== undefined && r.module !== expected.module) mismatches.push(`module: expected ${expected.module}, got ${r.module}`);
  const wrong = r.results.findIndex((v) => v !== want);
  if (wrong >= 0) mismatches.push(`wrong answer: expected fibonacci(${expected.n}) = ${want}, got ${r.results[wrong]} from worker ${wrong}`);
  return mismatches.length ? { ok: false, error: mismatches.join('; ') } : { ok: true, report: r };
}

/** Verifies the output of one process: its last stdout line must be a correct report. */
export function verifyOutput(stdout: string, expected: Expected): Verdict {
  const lines = stdout.trimEnd().split('\n');
  return verifyReport(lines.at(-1)?.trim() || undefined, expected);
}
