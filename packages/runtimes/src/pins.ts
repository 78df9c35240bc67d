import { readFileSync } from 'node:fs';

/** The file that pins one exact Node version per release line: the single source of those versions. */
export const PINS_FILE = new URL('../node.json', import.meta.url);

/**
 * Parses the pins (`{"24": "24.22.3", …}`): every key a major line, every value an exact version of
 * that line. Throws naming the bad entry, so a typo fails at load rather than as a 404 from npm.
 */
export function parsePins(text: string): Readonly<Record<string, string>> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('node.json must be an object of line → version');
  const pins: Record<string, string> = {};
  for (const [line, version] of Object.entries(value)) {
    if (!/^\d+$/.test(line)) throw new Error(`node.json: line "${line}" must be a major version number`);
    if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`node.json: line ${line} must pin an exact version (x.y.z), got ${JSON.stringify(version)}`);
    if (version.split('.')[0] !== line) throw new Error(`node.json: line ${line} pins ${version}, which is not of that line`);
    pins[line] = version;
  }
  if (Object.keys(pins).length === 0) throw new Error('node.json pins no Node line');
  return Object.freeze(pins);
}

/** The pinned exact version per Node line, from node.json. */
export const NODE_PINS = parsePins(readFileSync(PINS_FILE, 'utf8'));

/** Release lines (or versions) in numeric order, part by part: 20 before 22, Go 1.9 before 1.10. */
export function compareLines(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The pinned lines, oldest first. */
export const pinnedLines = (pins = NODE_PINS): string[] => Object.keys(pins).sort(compareLines);

/**
 * The lines a BENCH_* list asks for: comma-separated lines or `all` (every one of `accepted`, which
 * is oldest first), each one of `accepted`; duplicates are dropped, the order kept. Throws naming the
 * variable and the accepted values.
 */
export function selectLines(spec: string, accepted: string[], variable: string, what: string): string[] {
  const fail = (why: string) => new Error(`${variable} must be "all" or a comma-separated list of ${what} lines from ${accepted.join(', ')}; ${why}`);
  const trimmed = spec.trim();
  if (trimmed === 'all') return accepted;
  const lines = trimmed.split(',').map((s) => s.trim());
  if (lines.some((l) => l === '')) throw fail(`got "${spec}"`);
  const unknown = lines.filter((l) => !accepted.includes(l));
  if (unknown.length) throw fail(`got ${unknown.map((l) => `"${l}"`).join(', ')}`);
  return [...new Set(lines)];
}

/** The Node lines `BENCH_NODE` asks for (`20,22` or `all`), each pinned in node.json (see selectLines). */
export const nodeLines = (spec: string, pins = NODE_PINS): string[] => selectLines(spec, pinnedLines(pins), 'BENCH_NODE', 'Node');

/** The major line of a version string (`v24.22.3` or `24.22.3` → `24`). */
export const lineOf = (version: string): string => version.replace(/^v/, '').split('.')[0]!;
