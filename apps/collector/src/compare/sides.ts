import type { Target } from '@arena/hyperfine-wrapper';
import type { Runtimes } from '@arena/runtimes';
import { discoverVariants, discoverWorkloads, planTargets, readModules, withoutMissingPrograms, type BrokenVariant, type Modules, type Settings, type Variant } from '@arena/suite';
import type { SideSpec } from './refs.ts';

/** A side ready to plan: its spec and the folder its variants are run from. */
export type Side = SideSpec & { root: string };

/** What a side will measure, found in its own tree. */
export interface SidePlan {
  side: Side;
  variants: Variant[];
  broken: BrokenVariant[];
  /** The workloads of the settings that this side has (a workload new on one side is measured there only). */
  workloads: string[];
  targets: Target[];
  problems: Array<{ target: Target; error: string }>;
}

/** A side's variants, narrowed by BENCH_ONLY (a name neither side has is the caller's usage error). */
export function sideVariants(side: Side, settings: Settings): { variants: Variant[]; broken: BrokenVariant[] } {
  const { variants, broken } = discoverVariants(side.root);
  const only = settings.config.only;
  return { variants: only ? variants.filter((v) => only.includes(v.name)) : variants, broken: only ? broken.filter((b) => only.includes(b.name)) : broken };
}

/**
 * The targets of one side, planned as a bench of its tree would plan them (its variants, its
 * kernels, the settings' workloads it has), every command to run from the side's folder; `counted`:
 * for counting (planTargets).
 */
export function planSide(side: Side, found: { variants: Variant[]; broken: BrokenVariant[] }, settings: Settings, runtimes: Runtimes, counted = false): SidePlan {
  const own = new Set(discoverWorkloads(side.root).workloads.map((w) => w.name));
  const workloads = settings.workloads.filter((w) => own.has(w.name));
  const needsKernels = found.variants.some((v) => v.manifest.wasmModules);
  const modules: Modules = needsKernels ? readModules(side.root, runtimes.go) : { other: [], go: {}, skipped: [], unavailable: [] };
  const planned = planTargets(found.variants, workloads, modules, settings.config, runtimes, process.arch, counted);
  const { targets, problems } = withoutMissingPrograms(planned, side.root);
  const at = (t: Target): Target => ({ ...t, cwd: side.root });
  return {
    side,
    ...found,
    workloads: workloads.map((w) => w.name),
    targets: targets.map(at),
    problems: problems.map((p) => ({ ...p, target: at(p.target) })),
  };
}
