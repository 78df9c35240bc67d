import { runDocument, type Machine, type PeakMemory, type RunConfig, type RunDocument } from '@arena/contract';
import { runSchedule, type Answers, type Measured, type TargetState } from '@arena/hyperfine-wrapper';
import type { Runtimes } from '@arena/runtimes';
import { ConfigError, type BrokenVariant, type Settings, type Variant } from '@arena/suite';
import { collectRun, toResult, unmeasuredResults } from '../collect.ts';
import { describeProbe, memoryProbe } from '../memory/method.ts';
import { measureMemory, processRunOnce } from '../memory/runs.ts';
import { comparePlan, interleave, onSide, pairCount } from './plan.ts';
import type { SideSpec } from './refs.ts';
import { planSide, type Side, type SidePlan } from './sides.ts';

/** The short name of a side for messages: `A (HEAD~1, 3059578a1b)`. */
export const named = (s: SideSpec) => `${s.name} (${s.ref}, ${s.commit.slice(0, 10)}${s.kind === 'working-tree' && s.dirty ? ', dirty' : ''})`;

/**
 * Throws, before anything is timed, when every result one side planned failed its verification run
 * while the other side's passed: its variants do not speak this harness's protocol, and a compare of
 * the other side's numbers with nothing would be half a compare.
 */
export function refuseHalf(states: readonly TargetState[], sides: readonly SidePlan[]): void {
  // By key: both sides of `compare X X` run from the same worktree.
  const ofSide = (s: SidePlan) => states.filter((x) => onSide(s.side.name, x.target.key));
  const dead = (s: SidePlan) => ofSide(s).length > 0 && ofSide(s).every((x) => x.status === 'failed');
  for (const s of sides) {
    const other = sides.find((o) => o !== s)!;
    if (!dead(s) || dead(other)) continue;
    const first = ofSide(s).find((x) => x.status === 'failed');
    const why = first?.status === 'failed' ? first.error.split('\n')[0] : '';
    throw new ConfigError(
      `${named(s.side)}: every result failed its verification run against this harness (first: ${why}); its variants do not speak the protocol this harness checks, so compare refuses it rather than half-compare`,
    );
  }
}

/** A side's results as a run document, sharing the compare's machine, config, order and accounting. */
function sideDocument(plan: SidePlan, measured: Measured[], peaks: Map<string, PeakMemory>, shared: Omit<Parameters<typeof collectRun>[0], 'git' | 'results' | 'id'> & { id: string }): RunDocument {
  const c = shared.config;
  const results = [...unmeasuredResults(plan.broken, plan.problems, plan.workloads, c.sizes), ...measured.map((m) => toResult(m, peaks.get(m.target.key) ?? null))];
  const dirty = plan.side.kind === 'working-tree' && plan.side.dirty;
  return runDocument.parse(collectRun({ ...shared, id: `${shared.id}-${plan.side.name.toLowerCase()}`, git: { commit: plan.side.commit, dirty }, results }));
}

/** What the timed half of a compare needs: both sides, found and planned as a bench would, and what their run documents share. */
export interface TimeContext {
  sides: Side[];
  found: Array<{ variants: Variant[]; broken: BrokenVariant[] }>;
  settings: Settings;
  runtimes: Runtimes;
  answers: Answers;
  alpha: number;
  root: string;
  id: string;
  createdAt: Date;
  machine: Machine;
  config: RunConfig;
  signal: AbortSignal;
  say: (message: string) => void;
}

/**
 * The timed half of a compare: verifies and times every result of both sides in shared rounds,
 * each result's A and B runs side by side in alternating order, then their memory runs; each side's
 * results as a run document (without status: the caller knows whether the lock held).
 */
export async function timeSides(c: TimeContext): Promise<(status: RunDocument['status']) => [RunDocument, RunDocument]> {
  const plans = c.sides.map((s, i) => planSide(s, c.found[i]!, c.settings, c.runtimes));
  const [pa, pb] = plans as [SidePlan, SidePlan];
  const targets = interleave(pa.targets, pb.targets);
  const { plan, raisedFrom } = comparePlan(c.settings.config, pairCount(pa.targets, pb.targets), c.alpha);
  if (raisedFrom !== null)
    c.say(`at least ${plan.minRounds} rounds (not ${raisedFrom}): fewer could never give a signed-rank p that survives Holm over ${pairCount(pa.targets, pb.targets)} results at alpha ${c.alpha}`);
  c.say(
    `${named(pa.side)} vs ${named(pb.side)}: ${pairCount(pa.targets, pb.targets)} results on both sides, ${targets.length} targets, rounds ${plan.minRounds}..${plan.maxRounds} of ${plan.runsPerRound} runs, A and B side by side in alternating order`,
  );
  const config = { ...c.config, minRounds: plan.minRounds, maxRounds: plan.maxRounds, suiteBudgetS: plan.suiteBudgetS };
  const probe = memoryProbe(c.settings.memoryCgroup);
  const scheduled = await runSchedule(targets, { ...plan, timeoutS: c.settings.timeoutS }, c.answers, {
    progress: c.say,
    signal: c.signal,
    cwd: c.root,
    verified: (states) => refuseHalf(states, plans),
  });
  c.say(`memory runs: ${config.memoryRuns ? `${config.memoryRuns} per result (${describeProbe(probe)})` : 'off (BENCH_MEMORY_RUNS=0)'}`);
  let memoryS = 0;
  let referencesS = 0;
  const measured: Measured[] = [];
  const peaks = new Map<string, PeakMemory>();
  for (const p of plans) {
    const mine = scheduled.results.filter((m) => onSide(p.side.name, m.target.key));
    const mem = await measureMemory(
      mine,
      c.answers,
      { runs: config.memoryRuns, probe, timeoutS: c.settings.timeoutS, runId: `${c.id}-${p.side.name.toLowerCase()}`, say: c.say, signal: c.signal },
      processRunOnce(probe, p.side.root, c.signal),
    );
    measured.push(...mem.results);
    for (const [k, v] of mem.peaks) peaks.set(k, v);
    memoryS += mem.memoryS;
    referencesS += mem.referencesS;
  }
  const a = scheduled.accounting;
  const accountingS = { verification: a.verificationS, references: a.referencesS + referencesS, rounds: a.roundsS, memory: memoryS, total: a.totalS + referencesS + memoryS };
  return (status) => {
    const shared = { createdAt: c.createdAt, machine: c.machine, config, order: scheduled.order, accountingS, status, id: c.id } as const;
    const bySide = (p: SidePlan) =>
      sideDocument(
        p,
        measured.filter((m) => onSide(p.side.name, m.target.key)),
        peaks,
        shared,
      );
    return [bySide(pa), bySide(pb)];
  };
}
