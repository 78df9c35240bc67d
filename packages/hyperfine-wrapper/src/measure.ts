import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VariantReport } from '@arena/contract';
import { hyperfineArgs } from './args.ts';
import { parseHyperfineExport } from './hyperfine-json.ts';
import { describeFailure, runProcess, tail } from './process.ts';
import { reportCandidates, verifyOutput, verifyReport, type Expected } from './verify.ts';

/** One thing to time: a variant with one parameter set, as a runnable command. */
export interface Target {
  /** Unique key, e.g. `threads-wasi[module=clang]`. */
  key: string;
  variant: string;
  parameters: Record<string, string>;
  /** The exact command, runnable from the repository root. */
  command: string;
  expected: Expected;
  summary?: string;
}

/** Targets measured by one hyperfine call: one command template, one parameter list. */
export interface Group {
  template: string;
  /** `{param}` in the template takes these values; each value belongs to one target. */
  parameter?: { name: string; values: Array<{ value: string; target: Target }> };
  /** The target when there is no parameter. */
  target?: Target;
}

export type Batch =
  | { status: 'ok'; times: number[]; userS: number; systemS: number; reports: VariantReport[] }
  | { status: 'failed'; error: string };

/** Splits a command string the way the manifest defines it: on spaces. */
export const splitCommand = (command: string): string[] => command.split(' ').filter(Boolean);

/** Runs a target once, untimed, and checks its report line. Returns the verdict and how long it took. */
export async function verifyOnce(target: Target, timeoutMs: number, signal?: AbortSignal, cwd?: string) {
  const [file, ...args] = splitCommand(target.command);
  const outcome = await runProcess(file!, args, { timeoutMs, signal, cwd });
  if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) {
    return { verdict: { ok: false as const, error: describeFailure(outcome, timeoutMs) }, durationMs: outcome.durationMs };
  }
  return { verdict: verifyOutput(outcome.stdout, target.expected), durationMs: outcome.durationMs };
}

const targetsOf = (g: Group): Target[] => (g.parameter ? g.parameter.values.map((v) => v.target) : [g.target!]);

/**
 * Times a group with one hyperfine call and verifies every run's report line (warmup included):
 * hyperfine passes each run's stdout through, so a wrong answer during timing fails the target.
 */
export async function measureGroup(
  group: Group,
  o: { warmup: number; runs: number; timeoutMs: number; signal?: AbortSignal; /** Commands are relative to this folder (the repository root). */ cwd?: string },
): Promise<Map<string, Batch>> {
  const targets = targetsOf(group);
  const out = new Map<string, Batch>();
  const failAll = (error: string) => {
    for (const t of targets) out.set(t.key, { status: 'failed', error });
    return out;
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-hf-'));
  try {
    const exportJsonPath = path.join(dir, 'export.json');
    const args = hyperfineArgs({
      command: group.template,
      warmup: o.warmup,
      runs: o.runs,
      exportJsonPath,
      parameters: group.parameter ? [{ name: group.parameter.name, values: group.parameter.values.map((v) => v.value) }] : [],
    });
    const outcome = await runProcess('hyperfine', args, { timeoutMs: o.timeoutMs, signal: o.signal, cwd: o.cwd });
    if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) {
      return failAll(`during timing: ${describeFailure(outcome, o.timeoutMs)}`);
    }
    let results;
    try {
      results = parseHyperfineExport(readFileSync(exportJsonPath, 'utf8'));
    } catch (error) {
      return failAll((error as Error).message);
    }
    const reports = new Map<string, VariantReport[]>(targets.map((t) => [t.key, []]));
    const errors = new Map<string, string>();
    const byModule = new Map(targets.map((t) => [t.expected.module, t]));
    for (const line of reportCandidates(outcome.stdout)) {
      let module: unknown;
      try {
        module = (JSON.parse(line) as { module?: unknown }).module;
      } catch {
        module = undefined;
      }
      const target = (typeof module === 'string' && byModule.get(module)) || (targets.length === 1 ? targets[0] : undefined);
      if (!target) {
        for (const t of targets) if (!errors.has(t.key)) errors.set(t.key, `during timing, a report line matched no target: ${line.slice(0, 200)}`);
        continue;
      }
      const verdict = verifyReport(line, target.expected);
      if (!verdict.ok && !errors.has(target.key)) errors.set(target.key, `during timing: ${verdict.error}`);
      if (verdict.ok) reports.get(target.key)!.push(verdict.report);
    }
    for (const target of targets) {
      const value = group.parameter?.values.find((v) => v.target === target)?.value;
      const result = group.parameter ? results.find((r) => r.parameters?.[group.parameter!.name] === value) : results[0];
      const got = reports.get(target.key)!;
      const error = errors.get(target.key);
      if (error) out.set(target.key, { status: 'failed', error });
      else if (!result) out.set(target.key, { status: 'failed', error: 'hyperfine exported no result for this target' });
      else if (got.length !== o.warmup + o.runs) {
        out.set(target.key, {
          status: 'failed',
          error: `during timing: expected ${o.warmup + o.runs} verified report lines (one per run), got ${got.length}; stdout ends:\n${tail(outcome.stdout)}`,
        });
      } else {
        out.set(target.key, { status: 'ok', times: result.times, userS: result.user, systemS: result.system, reports: got.slice(o.warmup) });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
