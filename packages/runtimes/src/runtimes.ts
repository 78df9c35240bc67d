import path from 'node:path';
import { acceptedFlags } from './flags.ts';
import { benchGo, type PlannedGo } from './go.ts';
import type { Say } from './install.ts';
import type { Engine } from './js/declaration.ts';
import { jsRuntime } from './js/index.ts';
import { splitJs } from './js/select.ts';
import { engineVersionOf, harnessNode, resolveJs, type JsBinary } from './resolve.ts';

/** A JavaScript runtime that targets are planned on, with what it accepts. */
export interface PlannedJs {
  /** The declaration's name (`node`, `bun`, `deno`): also the result parameter naming its line. */
  runtime: string;
  line: string;
  /** e.g. "v24.22.3", "1.4.5". */
  version: string;
  /** Relative to the repository root when inside it (commands run from the root), else absolute. */
  binary: string;
  engine: Engine;
  /** The engine's version where the runtime tells it truthfully, else null. */
  engineVersion: string | null;
  /** Of the engine flags the variants want, those this runtime accepts (detected; none for Bun). */
  acceptedFlags: string[];
}

/** The runtimes targets are planned with: everything planning needs, detected beforehand so planning stays pure. */
export interface Runtimes {
  /** The JavaScript runtimes the Node-style variants run on. */
  js: PlannedJs[];
  /** The Go toolchains that build the Go variants and the Go-compiled module, at least one. */
  go: PlannedGo[];
}

const fromRoot = (root: string, binary: string): string => {
  const rel = path.relative(root, binary);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : binary;
};

/** Detects which of `wantedFlags` each runtime accepts and its engine version, and words its binary as a command from `root`. */
export async function planJs(binaries: JsBinary[], root: string, wantedFlags: string[]): Promise<PlannedJs[]> {
  return Promise.all(
    binaries.map(async (b) => {
      const runtime = jsRuntime(b.runtime);
      return {
        runtime: b.runtime,
        line: b.line,
        version: b.version,
        binary: fromRoot(root, b.binary),
        engine: runtime.engine,
        engineVersion: await engineVersionOf(b),
        acceptedFlags: await acceptedFlags(b.binary, wantedFlags, runtime),
      };
    }),
  );
}

/**
 * The JavaScript runtimes of a bench: those BENCH_JS (or BENCH_NODE) asked for (`choices`,
 * `<runtime>@<line>`; installed on first use, one at a time), or the harness's own Node when it
 * asked for none (null).
 */
export async function benchJs(o: { choices: string[] | null; root: string; wantedFlags: string[]; say?: Say }): Promise<PlannedJs[]> {
  const binaries: JsBinary[] = [];
  if (o.choices === null) binaries.push(harnessNode());
  else
    for (const choice of o.choices) {
      const { runtime, line } = splitJs(choice);
      binaries.push(await resolveJs(runtime, line, o.root, o.say));
    }
  return planJs(binaries, o.root, o.wantedFlags);
}

/** The runtimes of a bench: its JavaScript runtimes (`js`: BENCH_JS's) and Go toolchains (`go`: BENCH_GO's). */
export async function benchRuntimes(o: { js: string[] | null; go: string[] | null; root: string; wantedFlags: string[]; say?: Say }): Promise<Runtimes> {
  const js = await benchJs({ choices: o.js, root: o.root, wantedFlags: o.wantedFlags, ...(o.say ? { say: o.say } : {}) });
  return { js, go: await benchGo({ lines: o.go, ...(o.say ? { say: o.say } : {}) }) };
}
