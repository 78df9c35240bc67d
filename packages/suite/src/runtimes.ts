import { isNodeCommand, type RunConfig } from '@arena/contract';
import { benchGo, benchJs, type Runtimes } from '@arena/runtimes';
import type { Variant } from './discover.ts';

/** Every engine flag some variant wants passed (manifests' nodeFlags, engine-flags settings and counting's flags): the ones to detect per runtime. */
export const wantedNodeFlags = (variants: Variant[]): string[] => [
  ...new Set(
    variants.flatMap((v) => [
      ...v.manifest.nodeFlags,
      ...Object.values(v.manifest.settings).flatMap((s) => (s.kind === 'engine-flags' ? s.flags : [])),
      ...(v.manifest.counting?.kind === 'countable' ? Object.values(v.manifest.counting.engineFlags).flatMap((f) => f ?? []) : []),
    ]),
  ),
];

/**
 * The runtimes a bench plans its targets on: the JavaScript runtimes of BENCH_JS (config.js;
 * installed on first use, announced through `say`) or the harness's own Node, with the flags each
 * accepts; the Go toolchains of BENCH_GO (config.go) or the Go on PATH. JavaScript runtimes are
 * resolved only when a Node-style variant is to run, Gos only when a Go-built or WASI variant is (the
 * latter run the Go-compiled module).
 */
export async function resolveRuntimes(variants: Variant[], config: RunConfig, root: string, say: (line: string) => void): Promise<Runtimes> {
  const js = variants.some((v) => isNodeCommand(v.manifest.command));
  const gos = variants.some((v) => v.goBuilt || v.manifest.wasmModules);
  return {
    js: js ? await benchJs({ choices: config.js, root, wantedFlags: wantedNodeFlags(variants), say }) : [],
    go: gos ? await benchGo({ lines: config.go, say }) : [],
  };
}
