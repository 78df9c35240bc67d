import type { RunConfig } from '@arena/contract';
import type { Group, Target } from '@arena/hyperfine-wrapper';
import { KERNELS_DIST, type Variant } from './discover.ts';
import { resultLabel } from './format.ts';
import type { BuiltModule } from '@arena/contract';

const label = (variant: string, parameters: Record<string, string>) => resultLabel({ variant, parameters });

/**
 * The hyperfine groups for each variant and worker count: one command, with the kernel modules as a
 * `{module}` parameter list for WASI variants. Worker counts become a parameter only when scaling.
 */
export function planTargets(variants: Variant[], modules: BuiltModule[], config: RunConfig): { groups: Group[]; problems: Array<{ target: Target; error: string }> } {
  const groups: Group[] = [];
  const problems: Array<{ target: Target; error: string }> = [];
  const scaling = config.workers.length > 1;
  for (const v of variants) {
    for (const workers of config.workers) {
      const base = `${v.manifest.command.replaceAll('{pkg}', v.dir)} --n ${config.n} --workers ${workers}`;
      const params: Record<string, string> = scaling ? { workers: String(workers) } : {};
      const expected = { variant: v.name, n: config.n, workers };
      if (!v.manifest.wasmModules) {
        groups.push({ template: base, target: { key: label(v.name, params), variant: v.name, parameters: params, command: base, expected, summary: v.manifest.summary } });
        continue;
      }
      if (modules.length === 0) {
        const target = { key: label(v.name, params), variant: v.name, parameters: params, command: base, expected, summary: v.manifest.summary };
        problems.push({ target, error: `no kernel module was built (${KERNELS_DIST}/manifest.json lists none)` });
        continue;
      }
      const values = modules.map((m) => {
        if (m.file !== `${m.producer}.wasm`) throw new Error(`${KERNELS_DIST}/manifest.json: module file ${m.file} must be named ${m.producer}.wasm`);
        const module = `${KERNELS_DIST}/${m.file}`;
        const parameters = { module: m.producer, ...params };
        const target: Target = {
          key: label(v.name, parameters), variant: v.name, parameters,
          command: `${base} --module ${module}`, expected: { ...expected, module }, summary: v.manifest.summary,
        };
        return { value: m.producer, target };
      });
      groups.push({ template: `${base} --module ${KERNELS_DIST}/{module}.wasm`, parameter: { name: 'module', values } });
    }
  }
  return { groups, problems };
}
