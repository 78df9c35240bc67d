import { existsSync } from 'node:fs';
import { run } from './exec.ts';
import { expectVersion, installRuntime, runtimeFolder, type Say } from './install.ts';
import { jsRuntime, JS_RUNTIMES } from './js/index.ts';
import { compareLines, lineOf } from './pins.ts';

/** A JavaScript runtime binary the Node-style variants can run on. */
export interface JsBinary {
  /** The declaration's name: `node`, `bun`, `deno`. */
  runtime: string;
  /** The release line, e.g. "24", "1.4". */
  line: string;
  /** The exact version the way results write it, e.g. "v24.22.3", "1.4.5". */
  version: string;
  /** Absolute path of the binary. */
  binary: string;
}

/** The Node running the harness: what a bench without BENCH_JS or BENCH_NODE runs Node variants on. */
export const harnessNode = (): JsBinary => ({ runtime: 'node', line: lineOf(process.version), version: process.version, binary: process.execPath });

/**
 * The pinned binary of a runtime's line: for Node the harness's own binary when it is exactly that
 * version; else the one in `<root>/.cache/runtimes/`, installed from the npm registry on first use
 * (`say` announces the install). Throws for a line that is not pinned, a failed install, or a cached
 * binary that does not print its version.
 */
export async function resolveJs(name: string, line: string, root: string, say: Say = () => {}): Promise<JsBinary> {
  const runtime = jsRuntime(name);
  const version = runtime.pins[line];
  if (version === undefined) throw new Error(`${runtime.title} ${line} is not pinned in ${runtime.pinnedIn} (pinned lines: ${Object.keys(runtime.pins).sort(compareLines).join(', ')})`);
  if (name === 'node' && process.version === `v${version}`) return harnessNode();
  const folder = runtimeFolder(root, runtime, version);
  const binary = existsSync(folder) ? runtime.binaryIn(folder) : await installRuntime(root, runtime, version, say);
  await expectVersion(binary, version, `${runtime.title} ${version} (remove ${folder} to reinstall it)`, runtime);
  return { runtime: name, line, version: runtime.showVersion(version), binary };
}

/** The pinned Node of a line (node.json), see resolveJs. */
export const resolveNode = (line: string, root: string, say: Say = () => {}): Promise<JsBinary> => resolveJs('node', line, root, say);

/**
 * The runtimes available without installing anything: the harness's Node, and every pinned version
 * of every runtime already in the cache (for the harness's line, the harness's Node), in the
 * declarations' order, lines oldest first.
 */
export function installedJs(root: string): JsBinary[] {
  const own = harnessNode();
  return JS_RUNTIMES.flatMap((runtime) => {
    const lines = Object.keys(runtime.pins).sort(compareLines);
    return lines.flatMap((line): JsBinary[] => {
      if (runtime.name === 'node' && line === own.line) return [own];
      const version = runtime.pins[line]!;
      const binary = runtime.binaryIn(runtimeFolder(root, runtime, version));
      return existsSync(binary) ? [{ runtime: runtime.name, line, version: runtime.showVersion(version), binary }] : [];
    });
  });
}

/** The installed Nodes (installedJs, Node only). */
export const installedNodes = (root: string): JsBinary[] => installedJs(root).filter((b) => b.runtime === 'node');

/** The engine version a runtime tells truthfully (process.versions.v8 of a Node), or null. */
export async function engineVersionOf(b: JsBinary): Promise<string | null> {
  if (b.runtime === 'node' && b.binary === process.execPath) return process.versions.v8;
  const probe = jsRuntime(b.runtime).engineVersion;
  if (probe === undefined) return null;
  const r = await run(b.binary, probe.args, { timeoutMs: 30_000 });
  return (r.code === 0 && probe.parse(r.stdout)) || null;
}
