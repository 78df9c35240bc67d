import { readFileSync } from 'node:fs';
import { lastLines, run } from './exec.ts';
import type { Say } from './install.ts';
import { compareLines, selectLines } from './pins.ts';

/**
 * The file that pins one exact Go version per minor line (`{"1.27": "1.27.3"}`). Lines below 1.25 are
 * not pinned: the Go variants' go.mod files require 1.25, so an older Go builds none of them.
 */
export const GO_PINS_FILE = new URL('../go.json', import.meta.url);

/** The minor line of a Go version (`go1.27.3`, `1.27.3` or `go1.27rc1` → `1.27`). */
export function goLineOf(version: string): string {
  return /^(?:go)?(1\.\d+)/.exec(version)?.[1] ?? version;
}

/** Parses go.json; throws naming the bad entry, so a typo fails at load rather than as a proxy 404. */
export function parseGoPins(text: string): Readonly<Record<string, string>> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('go.json must be an object of line → version');
  const pins: Record<string, string> = {};
  for (const [line, version] of Object.entries(value)) {
    if (!/^1\.\d+$/.test(line)) throw new Error(`go.json: line "${line}" must be a Go minor line like 1.27`);
    if (typeof version !== 'string' || !/^1\.\d+\.\d+$/.test(version)) throw new Error(`go.json: line ${line} must pin an exact version (1.x.y), got ${JSON.stringify(version)}`);
    if (goLineOf(version) !== line) throw new Error(`go.json: line ${line} pins ${version}, which is not of that line`);
    pins[line] = version;
  }
  if (Object.keys(pins).length === 0) throw new Error('go.json pins no Go line');
  return Object.freeze(pins);
}

/** The pinned exact version per Go line, from go.json. */
export const GO_PINS = parseGoPins(readFileSync(GO_PINS_FILE, 'utf8'));

/** The pinned Go lines, oldest first. */
export const pinnedGoLines = (pins = GO_PINS): string[] => Object.keys(pins).sort(compareLines);

/** The Go lines `BENCH_GO` asks for (`1.26,1.27` or `all`), each pinned in go.json (see selectLines). */
export const goLines = (spec: string, pins = GO_PINS): string[] => selectLines(spec, pinnedGoLines(pins), 'BENCH_GO', 'Go');

/** A Go toolchain that builds the Go variants and the Go-compiled module of a bench. */
export interface PlannedGo {
  line: string;
  /** As `go env GOVERSION` prints it, e.g. "go1.27.3". */
  version: string;
  /**
   * True for the Go the default build (`pnpm turbo build`) used: its builds are the packages' usual
   * outputs (bin/<name>, dist/go.wasm). Any other is built with GOTOOLCHAIN into bin/go/<version>/.
   */
  isDefault: boolean;
}

const GO_TIMEOUT_MS = 10 * 60_000;

/** What `go env GOVERSION` prints with `GOTOOLCHAIN` set as given (undefined: as the environment has it). */
export async function goVersion(toolchain?: string): Promise<string> {
  const env = toolchain === undefined ? undefined : { ...process.env, GOTOOLCHAIN: toolchain };
  const r = await run('go', ['env', 'GOVERSION'], { timeoutMs: GO_TIMEOUT_MS, ...(env ? { env } : {}) });
  if (r.code !== 0) {
    const how = r.error ?? `exited with status ${r.code}`;
    throw new Error(`go env GOVERSION${toolchain ? ` with GOTOOLCHAIN=${toolchain}` : ''} failed (${how}):\n${lastLines(r.stderr) || '(no output)'}`);
  }
  return r.stdout.trim();
}

/**
 * The Go toolchains of a bench: the lines BENCH_GO asked for (`lines`; each fetched by the go command
 * from the module proxy into the module cache on first use, announced through `say`), or the Go on
 * PATH when it asked for none (null). A pinned version equal to the default Go's is that Go.
 */
export async function benchGo(o: { lines: string[] | null; say?: Say; pins?: Readonly<Record<string, string>>; version?: typeof goVersion }): Promise<PlannedGo[]> {
  const pins = o.pins ?? GO_PINS;
  const version = o.version ?? goVersion;
  const own = await version();
  if (o.lines === null) return [{ line: goLineOf(own), version: own, isDefault: true }];
  const planned: PlannedGo[] = [];
  for (const line of o.lines) {
    const pinned = pins[line];
    if (pinned === undefined) throw new Error(`Go ${line} is not pinned in packages/runtimes/go.json (pinned lines: ${pinnedGoLines(pins).join(', ')})`);
    const wanted = `go${pinned}`;
    if (wanted === own) {
      planned.push({ line, version: own, isDefault: true });
      continue;
    }
    o.say?.(`selecting Go ${pinned} with GOTOOLCHAIN=${wanted} (the go command fetches it from the module proxy on first use)`);
    const got = await version(wanted);
    if (got !== wanted) throw new Error(`GOTOOLCHAIN=${wanted} selects ${JSON.stringify(got)}, expected "${wanted}"`);
    planned.push({ line, version: wanted, isDefault: false });
  }
  return planned;
}
