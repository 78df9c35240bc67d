import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunDocument } from '@arena/contract';
import { z } from 'zod';
import { writeFileAtomic } from '../store.ts';
import type { DiffResult, NoiseSetting } from './compare.ts';

/** How many A/A checks a machine's noise threshold remembers; the threshold covers the worst of them. */
export const KEPT_OBSERVATIONS = 5;

const observation = z.object({
  /** The two run ids the A/A check compared. */
  runs: z.tuple([z.string(), z.string()]),
  /** The profile both runs used. */
  profile: z.string(),
  /** When the check finished (ISO 8601). */
  at: z.string(),
  /** The largest |change of the median| the diff calls significant without a noise threshold, in percent; 0 when none. */
  maxFlaggedDeltaPct: z.number().nonnegative(),
});

const noiseFile = z.object({
  /** The machine fingerprint (run document `machine.fingerprint`) the observations were made on. */
  fingerprint: z.string(),
  /** The newest A/A checks, oldest first, at most KEPT_OBSERVATIONS. */
  observations: z.array(observation).min(1),
});

/** What `arena aa` learned about this machine's between-run drift; the threshold follows from it (thresholdOf). */
export type NoiseFile = z.infer<typeof noiseFile>;
/** One A/A check's contribution to a NoiseFile. */
export type NoiseObservation = z.infer<typeof observation>;

/**
 * Local and per machine (results/noise/ is not committed): drift is a property of the machine the
 * runs were made on, so another machine starts without a threshold and learns its own.
 */
export const noisePath = (results: string, fingerprint: string) => path.join(results, 'noise', `${fingerprint}.json`);

/**
 * The drift an A/A pair shows: the largest |Δ| among results its diff (made without a noise
 * threshold) calls changed. Nothing changed, so each of those is drift the statistics alone miss.
 */
export function observedDriftPct(diffWithoutThreshold: DiffResult): number {
  return Math.max(0, ...diffWithoutThreshold.rows.flatMap((r) => (r.significant && r.deltaPct !== null ? [Math.abs(r.deltaPct)] : [])));
}

/** The threshold that would have called every remembered observation noise: the worst, rounded up, at least 1 %. */
export const thresholdOf = (observations: NoiseObservation[]) => Math.max(1, Math.ceil(Math.max(...observations.map((o) => o.maxFlaggedDeltaPct))));

/** The stored file for this fingerprint, or null when there is none. A corrupt file is an error, not silently ignored. */
export function readNoise(results: string, fingerprint: string): NoiseFile | null {
  const file = noisePath(results, fingerprint);
  if (!existsSync(file)) return null;
  const again = 'delete it and run `pnpm arena aa` again';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not readable JSON (${(error as Error).message}); ${again}`);
  }
  const parsed = noiseFile.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a noise file (${parsed.error.issues[0]?.message}); ${again}`);
  return parsed.data;
}

/**
 * Adds an observation to the machine's file (keeping the newest KEPT_OBSERVATIONS) and returns the
 * new file. Judging the same pair again, in either order, replaces its observation: one pair is one check.
 */
export function recordNoise(results: string, fingerprint: string, obs: NoiseObservation): NoiseFile {
  const pair = (o: NoiseObservation) => JSON.stringify([...o.runs].sort());
  const samePair = (o: NoiseObservation) => pair(o) === pair(obs);
  const old = (readNoise(results, fingerprint)?.observations ?? []).filter((o) => !samePair(o));
  const next: NoiseFile = { fingerprint, observations: [...old, obs].slice(-KEPT_OBSERVATIONS) };
  writeFileAtomic(noisePath(results, fingerprint), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/**
 * The threshold for comparing a and b: the option when given; else the one learned on the machine
 * both ran on; else none (two machines, or no A/A check yet).
 */
export function noiseSetting(results: string, a: RunDocument, b: RunDocument, option: number | undefined): NoiseSetting {
  if (option !== undefined) return { noisePct: option, source: 'option' };
  if (a.machine.fingerprint !== b.machine.fingerprint) return { noisePct: 0, source: 'none' };
  const learned = readNoise(results, a.machine.fingerprint);
  return learned ? { noisePct: thresholdOf(learned.observations), source: 'learned', file: noisePath(results, a.machine.fingerprint) } : { noisePct: 0, source: 'none' };
}
