/** The JavaScript engines a runtime can embed; results record which one ran. */
export type Engine = 'v8' | 'jsc';

/**
 * One JavaScript runtime the Node-style variants can run on (packages/runtimes/README.md): where it
 * comes from, how its version is read, how a script is launched and how engine flags reach it. Every
 * other place (BENCH_JS, installs, planning, identity, conformance, the report) derives from these.
 */
export interface JsRuntimeDeclaration {
  /** Also the parameter that names its line in a result's identity (`node=20`, `bun=1.4`). */
  name: string;
  /** For people: `Node`, `Bun`. */
  title: string;
  engine: Engine;
  /** The exact version pinned per line (`{"20": "20.20.2"}`, `{"1.4": "1.4.5"}`). */
  pins: Readonly<Record<string, string>>;
  /** The file that pins them, from the repository root. */
  pinnedIn: string;
  /** The line of an exact version (`20.20.2` → `20`, `1.4.5` → `1.4`). */
  lineOf: (version: string) => string;
  /** The npm package that ships this platform's binary. */
  npmPackage: () => string;
  /** The binary inside the folder npm installed the package into. */
  binaryIn: (folder: string) => string;
  /** The exact version (x.y.z) in what `<binary> --version` prints, or undefined when it names none. */
  parseVersion: (printed: string) => string | undefined;
  /** How results write an exact version (`v20.20.2` for Node, as `node --version` prints it). */
  showVersion: (version: string) => string;
  /** The arguments that make the binary print its engine's version, and how to read it; undefined: it tells none truthfully. */
  engineVersion?: { args: string[]; parse: (stdout: string) => string | undefined };
  /** The words that run `script` on `binary` with the engine flags `flags` (all accepted). */
  launch: (binary: string, flags: string[], script: string) => string[];
  /**
   * The arguments that run nothing but pass `flag` (exit 0: accepted). Undefined when the runtime's
   * exit code proves nothing (Bun exits 0 for any flag): then no flag is ever passed to it.
   */
  probeFlag?: (flag: string) => string[];
}

/** An exact x.y.z version at the start of a word. */
export const exactVersion = (text: string, prefix = ''): string | undefined => new RegExp(`(?:^|\\s)${prefix}v?(\\d+\\.\\d+\\.\\d+)(?:\\s|$)`).exec(text.trim())?.[1];
