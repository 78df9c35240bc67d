import type { EngineSetting, RunConfig } from '@arena/contract';
import type { Variant } from './discover.ts';
import { ConfigError } from './errors.ts';
import type { Workload } from './workloads.ts';

/**
 * What a result varies from its host's plain run (the engine's defaults, one call per worker, the
 * profile's size): an engine setting, warm calls, or the smaller size where those are compared.
 * Each is a parameter of the results that carry it; a plain result carries none of them, so its
 * identity and history are what they were before variations existed.
 */
export const VARIATION_PARAMETERS = ['settings', 'calls', 'size'] as const;

/** Whether a result carries a variation (a setting, warm calls or a smaller size): the main findings leave it out. */
export const isVariation = (parameters: Record<string, string>): boolean => VARIATION_PARAMETERS.some((k) => parameters[k] !== undefined);

/** The parameters of the result a variation is compared with: the same host at its defaults, one call, the same size. */
export function referenceParameters(parameters: Record<string, string>): Record<string, string> | undefined {
  if (parameters.settings === undefined && parameters.calls === undefined) return undefined;
  const { settings, calls, ...rest } = parameters;
  void settings;
  void calls;
  return rest;
}

/** One planned variation of a host target. `size` is where it runs; `sized` when that is not the profile's. */
export interface Variation {
  setting?: { name: string; declaration: EngineSetting };
  calls?: number;
  size: number;
  sized: boolean;
}

/** The profile whose sizes a variation uses: precise measures the default's. */
const sizeProfile = (config: Pick<RunConfig, 'profile'>): 'default' | 'quick' | 'article' => (config.profile === 'quick' || config.profile === 'article' ? config.profile : 'default');

/** Where a slow setting of `w` runs: its spec's size.slow for the profile, never above the run's size. */
export function slowSize(w: Workload, config: Pick<RunConfig, 'profile' | 'sizes'>): number {
  const size = config.sizes[w.name]!;
  return Math.min(size, w.spec.size.slow?.[sizeProfile(config)] ?? size);
}

/** Where warm calls of `w` run: its spec's size.perCall for the profile, never above the run's size. */
export function perCallSize(w: Workload, config: Pick<RunConfig, 'profile' | 'sizes'>): number {
  const size = config.sizes[w.name]!;
  return Math.min(size, w.spec.size.perCall?.[sizeProfile(config)] ?? size);
}

/** A variant's declared settings that BENCH_SETTINGS selects (config.settings), by name. */
export function selectedSettings(v: Variant, config: Pick<RunConfig, 'settings'>): Array<[string, EngineSetting]> {
  const asked = config.settings;
  if (asked === null) return [];
  return Object.entries(v.manifest.settings).filter(([name]) => asked === 'all' || asked.includes(name));
}

/**
 * BENCH_SETTINGS names must each be declared by some variant run: a name none declares is a usage
 * error naming the declared ones, as an unknown BENCH_ONLY variant is.
 */
export function checkSettingNames(config: Pick<RunConfig, 'settings'>, variants: Variant[]): void {
  if (config.settings === null || config.settings === 'all') return;
  const declared = [...new Set(variants.flatMap((v) => Object.keys(v.manifest.settings)))].sort();
  const unknown = config.settings.filter((n) => !declared.includes(n));
  if (unknown.length) {
    throw new ConfigError(`BENCH_SETTINGS names no declared setting: ${unknown.join(', ')} (declared by the variants run: ${declared.join(', ') || 'none'})`);
  }
}

/**
 * The variations of one host target on workload `w`: the plain run first; then each selected setting
 * the engine can take (`engine`: the JavaScript engine the host runs on, undefined for a program of
 * its own; an engine-flags setting runs only on its engine), a slow one at the slow size with the
 * defaults there too; then warm calls at the per-call size, beside one call there. Duplicates merge.
 */
export function variationsOf(v: Variant, w: Workload, config: Pick<RunConfig, 'profile' | 'sizes' | 'settings' | 'calls'>, engine: string | undefined): Variation[] {
  const size = config.sizes[w.name]!;
  const out: Variation[] = [{ size, sized: false }];
  const add = (x: Omit<Variation, 'sized'>) => {
    const same = (y: Variation) => y.setting?.name === x.setting?.name && y.calls === x.calls && y.size === x.size;
    if (!out.some(same)) out.push({ ...x, sized: x.size !== size });
  };
  for (const [name, declaration] of selectedSettings(v, config)) {
    if (declaration.kind === 'engine-flags' && declaration.engine !== engine) continue;
    const at = declaration.slow ? slowSize(w, config) : size;
    add({ size: at });
    add({ setting: { name, declaration }, size: at });
  }
  for (const calls of config.calls ?? []) {
    if (calls === 1) continue;
    const at = perCallSize(w, config);
    add({ size: at });
    add({ calls, size: at });
  }
  return out;
}

/** A variation's parameters, in this order: settings, calls, size (each only when it varies). */
export const variationParameters = (x: Variation): Record<string, string> => ({
  ...(x.setting ? { settings: x.setting.name } : {}),
  ...(x.calls !== undefined ? { calls: String(x.calls) } : {}),
  ...(x.sized ? { size: String(x.size) } : {}),
});

/** Where a cache setting keeps its cache, from the repository root: one folder per host, setting and module. */
export const engineCacheDir = (variant: string, setting: string, module: string): string => `.cache/engine/${variant}/${setting}/${module.replaceAll('/', '_')}`;
