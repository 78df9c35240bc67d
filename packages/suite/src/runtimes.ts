import { isNodeCommand, type RunConfig } from '@arena/contract';
import { benchGo, benchNodes, type Runtimes } from '@arena/runtimes';
import type { Variant } from './discover.ts';

/** Every flag some variant wants passed to Node (manifests' nodeFlags): the ones to detect per Node. */
export const wantedNodeFlags = (variants: Variant[]): string[] => [...new Set(variants.flatMap((v) => v.manifest.nodeFlags))];

/**
 * The runtimes a bench plans its targets on: the Nodes of BENCH_NODE (config.node; installed on
 * first use, announced through `say`) or the harness's own, with the flags each accepts; the Go
 * toolchains of BENCH_GO (config.go) or the Go on PATH. Nodes are resolved only when a Node variant
 * is to run, Gos only when a Go-built or WASI variant is (the latter run the Go-compiled module).
 */
export async function resolveRuntimes(variants: Variant[], config: RunConfig, root: string, say: (line: string) => void): Promise<Runtimes> {
  const nodes = variants.some((v) => isNodeCommand(v.manifest.command));
  const gos = variants.some((v) => v.goBuilt || v.manifest.wasmModules);
  return {
    node: nodes ? await benchNodes({ lines: config.node, root, wantedFlags: wantedNodeFlags(variants), say }) : [],
    go: gos ? await benchGo({ lines: config.go, say }) : [],
  };
}
