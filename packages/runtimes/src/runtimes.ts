import path from 'node:path';
import { acceptedFlags } from './flags.ts';
import { benchGo, type PlannedGo } from './go.ts';
import type { Say } from './install.ts';
import { harnessNode, resolveNode, type NodeRuntime } from './resolve.ts';

/** A Node that targets are planned on, with what it accepts. */
export interface PlannedNode {
  line: string;
  /** e.g. "v24.22.3". */
  version: string;
  /** Relative to the repository root when inside it (commands run from the root), else absolute. */
  binary: string;
  /** Of the flags the variants want, those this Node accepts (detected). */
  acceptedFlags: string[];
}

/** The runtimes targets are planned with: everything planning needs, detected beforehand so planning stays pure. */
export interface Runtimes {
  node: PlannedNode[];
  /** The Go toolchains that build the Go variants and the Go-compiled module, at least one. */
  go: PlannedGo[];
}

const fromRoot = (root: string, binary: string): string => {
  const rel = path.relative(root, binary);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : binary;
};

/** Detects which of `wantedFlags` each Node accepts, and words its binary as a command from `root`. */
export async function planNodes(nodes: NodeRuntime[], root: string, wantedFlags: string[]): Promise<PlannedNode[]> {
  return Promise.all(nodes.map(async (n) => ({ line: n.line, version: n.version, binary: fromRoot(root, n.binary), acceptedFlags: await acceptedFlags(n.binary, wantedFlags) })));
}

/**
 * The Nodes of a bench: the lines BENCH_NODE asked for (`lines`; installed on first use, one at a
 * time), or the harness's own Node when it asked for none (null).
 */
export async function benchNodes(o: { lines: string[] | null; root: string; wantedFlags: string[]; say?: Say }): Promise<PlannedNode[]> {
  const nodes: NodeRuntime[] = [];
  if (o.lines === null) nodes.push(harnessNode());
  else for (const line of o.lines) nodes.push(await resolveNode(line, o.root, o.say));
  return planNodes(nodes, o.root, o.wantedFlags);
}

/** The runtimes of a bench: its Nodes (`node`: BENCH_NODE's lines) and Go toolchains (`go`: BENCH_GO's). */
export async function benchRuntimes(o: { node: string[] | null; go: string[] | null; root: string; wantedFlags: string[]; say?: Say }): Promise<Runtimes> {
  const node = await benchNodes({ lines: o.node, root: o.root, wantedFlags: o.wantedFlags, ...(o.say ? { say: o.say } : {}) });
  return { node, go: await benchGo({ lines: o.go, ...(o.say ? { say: o.say } : {}) }) };
}
