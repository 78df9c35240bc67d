import { isNodeCommand, type BuiltModule, type ResultRuntime, type RunConfig } from '@arena/contract';
import type { Target } from '@arena/hyperfine-wrapper';
import type { PlannedNode, Runtimes } from '@arena/runtimes';
import { KERNELS_DIST, type Variant } from './discover.ts';
import { resultLabel } from './format.ts';

const label = (variant: string, parameters: Record<string, string>) => resultLabel({ variant, parameters });

/**
 * A variant's command from the repository root, before `--n` and the rest. On a Node (a Node variant:
 * its command starts with `node`) `node` becomes that Node's binary, followed by the manifest's
 * nodeFlags that this Node accepts.
 */
export function variantCommand(v: Variant, node?: PlannedNode): { command: string; runtime?: ResultRuntime } {
  const command = v.manifest.command.replaceAll('{pkg}', v.dir);
  if (node === undefined) return { command };
  const [, ...script] = command.split(' ').filter(Boolean);
  const flags = v.manifest.nodeFlags.filter((f) => node.acceptedFlags.includes(f));
  return { command: [node.binary, ...flags, ...script].join(' '), runtime: { name: 'node', version: node.version, flags } };
}

/** The Nodes a variant runs on: every planned one for a Node variant, none (undefined: as it is) for another. */
function hostsOf(v: Variant, runtimes: Runtimes): Array<PlannedNode | undefined> {
  if (!isNodeCommand(v.manifest.command)) return [undefined];
  if (runtimes.node.length === 0) throw new Error(`${v.name} is a Node variant, but no Node was planned to run it on`);
  return runtimes.node;
}

/**
 * The targets for each variant and worker count, once per Node line for Node variants
 * (`parameters.node`) and once per kernel module for WASI variants. Results with the same worker
 * count share a table (their ratios are compared), so they share rounds. Worker counts become a
 * parameter only when scaling. Pure: the Nodes and the flags they accept come detected in `runtimes`.
 */
export function planTargets(
  variants: Variant[],
  modules: BuiltModule[],
  config: RunConfig,
  runtimes: Runtimes,
): { targets: Target[]; problems: Array<{ target: Target; error: string }> } {
  const targets: Target[] = [];
  const problems: Array<{ target: Target; error: string }> = [];
  const scaling = config.workers.length > 1;
  for (const v of variants) {
    for (const workers of config.workers) {
      for (const node of hostsOf(v, runtimes)) {
        const { command, runtime } = variantCommand(v, node);
        const base = `${command} --n ${config.n} --workers ${workers}`;
        const params: Record<string, string> = { ...(scaling ? { workers: String(workers) } : {}), ...(node ? { node: node.line } : {}) };
        const common = { variant: v.name, summary: v.manifest.summary, table: `workers=${workers}`, ...(runtime ? { runtime } : {}) };
        const expected = { variant: v.name, n: config.n, workers };
        if (!v.manifest.wasmModules) {
          targets.push({ ...common, key: label(v.name, params), parameters: params, command: base, expected });
          continue;
        }
        if (modules.length === 0) {
          const target = { ...common, key: label(v.name, params), parameters: params, command: base, expected };
          problems.push({ target, error: `no kernel module was built (${KERNELS_DIST}/manifest.json lists none)` });
          continue;
        }
        for (const m of modules) {
          if (m.file !== `${m.producer}.wasm`) throw new Error(`${KERNELS_DIST}/manifest.json: module file ${m.file} must be named ${m.producer}.wasm`);
          const module = `${KERNELS_DIST}/${m.file}`;
          const parameters = { module: m.producer, ...params };
          targets.push({ ...common, key: label(v.name, parameters), parameters, command: `${base} --module ${module}`, expected: { ...expected, module } });
        }
      }
    }
  }
  return { targets, problems };
}
