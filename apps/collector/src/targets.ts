import type { BuiltModule, RunConfig } from '@arena/contract';
import type { Target } from '@arena/hyperfine-wrapper';
import { KERNELS_DIST, type Variant } from './discover.ts';
import { resultLabel } from './format.ts';

const label = (variant: string, parameters: Record<string, string>) => resultLabel({ variant, parameters });

/**
 * The targets for each variant and worker count, one per kernel module for WASI variants. Results
 * with the same worker count share a table (their ratios are compared), so they share rounds.
 * Worker counts become a parameter only when scaling.
 */
export function planTargets(variants: Variant[], modules: BuiltModule[], config: RunConfig): { targets: Target[]; problems: Array<{ target: Target; error: string }> } {
  const targets: Target[] = [];
  const problems: Array<{ target: Target; error: string }> = [];
  const scaling = config.workers.length > 1;
  for (const v of variants) {
    for (const workers of config.workers) {
      const base = `${v.manifest.command.replaceAll('{pkg}', v.dir)} --n ${config.n} --workers ${workers}`;
      const params: Record<string, string> = scaling ? { workers: String(workers) } : {};
      const expected = { variant: v.name, n: config.n, workers };
      const table = `workers=${workers}`;
      if (!v.manifest.wasmModules) {
        targets.push({ key: label(v.name, params), variant: v.name, parameters: params, command: base, expected, summary: v.manifest.summary, table });
        continue;
      }
      if (modules.length === 0) {
        const target = { key: label(v.name, params), variant: v.name, parameters: params, command: base, expected, summary: v.manifest.summary, table };
        problems.push({ target, error: `no kernel module was built (${KERNELS_DIST}/manifest.json lists none)` });
        continue;
      }
      for (const m of modules) {
        if (m.file !== `${m.producer}.wasm`) throw new Error(`${KERNELS_DIST}/manifest.json: module file ${m.file} must be named ${m.producer}.wasm`);
        const module = `${KERNELS_DIST}/${m.file}`;
        const parameters = { module: m.producer, ...params };
        targets.push({
          key: label(v.name, parameters), variant: v.name, parameters,
          command: `${base} --module ${module}`, expected: { ...expected, module }, summary: v.manifest.summary, table,
        });
      }
    }
  }
  return { targets, problems };
}
