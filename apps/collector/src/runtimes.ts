import { isNodeCommand, type RunConfig } from '@arena/contract';
import { benchRuntimes, type Runtimes } from '@arena/runtimes';
import type { Variant } from './discover.ts';

/** Every flag some variant wants passed to Node (manifests' nodeFlags): the ones to detect per Node. */
export const wantedNodeFlags = (variants: Variant[]): string[] => [...new Set(variants.flatMap((v) => v.manifest.nodeFlags))];

/**
 * The runtimes a bench plans its targets on: the Nodes of BENCH_NODE (config.node; installed on
 * first use, announced through `say`) or the harness's own, with the flags each accepts. Nothing is
 * resolved when no Node variant is to run.
 */
export async function resolveRuntimes(variants: Variant[], config: RunConfig, root: string, say: (line: string) => void): Promise<Runtimes> {
  if (!variants.some((v) => isNodeCommand(v.manifest.command))) return { node: [] };
  return benchRuntimes({ lines: config.node, root, wantedFlags: wantedNodeFlags(variants), say });
}
