import { existsSync } from 'node:fs';
import { expectVersion, installNode, nodeBinaryIn, nodeFolder, type Say } from './install.ts';
import { lineOf, NODE_PINS, pinnedLines } from './pins.ts';

/** A Node binary variants can run on. */
export interface NodeRuntime {
  /** The release line, e.g. "24". */
  line: string;
  /** What the binary's `--version` prints, e.g. "v24.22.3". */
  version: string;
  /** Absolute path of the binary. */
  binary: string;
}

/** The Node running the harness: what a bench without BENCH_NODE runs Node variants on. */
export const harnessNode = (): NodeRuntime => ({ line: lineOf(process.version), version: process.version, binary: process.execPath });

/**
 * The pinned Node of a line (node.json): the harness's own binary when it is exactly that version,
 * else the one in `<root>/.cache/runtimes/`, installed from the npm registry on first use (`say`
 * announces the install). Throws for a line that is not pinned, a failed install, or a cached binary
 * that does not print its version.
 */
export async function resolveNode(line: string, root: string, say: Say = () => {}): Promise<NodeRuntime> {
  const version = NODE_PINS[line];
  if (version === undefined) throw new Error(`Node ${line} is not pinned in packages/runtimes/node.json (pinned lines: ${pinnedLines().join(', ')})`);
  if (process.version === `v${version}`) return harnessNode();
  const folder = nodeFolder(root, version);
  const binary = existsSync(folder) ? nodeBinaryIn(folder) : await installNode(root, version, say);
  await expectVersion(binary, version, `Node ${version} (remove ${folder} to reinstall it)`);
  return { line, version: `v${version}`, binary };
}

/**
 * The Nodes available without installing anything, one per line, oldest first: the harness's own,
 * and every pinned version already in the cache (for the harness's line, the harness's Node, which a
 * bench without BENCH_NODE uses).
 */
export function installedNodes(root: string): NodeRuntime[] {
  const own = harnessNode();
  const cached = pinnedLines()
    .filter((line) => line !== own.line)
    .map((line) => ({ line, version: `v${NODE_PINS[line]!}`, binary: nodeBinaryIn(nodeFolder(root, NODE_PINS[line]!)) }))
    .filter((n) => existsSync(n.binary));
  return [own, ...cached].sort((a, b) => Number(a.line) - Number(b.line));
}
