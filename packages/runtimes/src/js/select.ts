import { compareLines, lineOf } from '../pins.ts';
import { JS_RUNTIMES, jsRuntime } from './index.ts';

/** Every pinned runtime line as BENCH_JS writes it (`node@20`, …, `bun@1.4`, `deno@2.9`), in the declarations' order. */
export const pinnedJs = (): string[] =>
  JS_RUNTIMES.flatMap((r) =>
    Object.keys(r.pins)
      .sort(compareLines)
      .map((line) => `${r.name}@${line}`),
  );

/** A BENCH_JS entry split: the runtime's name and its line. */
export const splitJs = (choice: string): { runtime: string; line: string } => {
  const at = choice.indexOf('@');
  return { runtime: choice.slice(0, at), line: choice.slice(at + 1) };
};

/**
 * The runtimes BENCH_JS asks for, as `<runtime>@<line>`: `all`, or a comma-separated list of
 * `<runtime>@<line>` or a bare `<runtime>` (Node: the harness's line; another: its newest pinned
 * line), each pinned. Duplicates are dropped, the order kept. Throws naming BENCH_JS and the accepted
 * entries.
 */
export function jsChoices(spec: string, variable = 'BENCH_JS'): string[] {
  const accepted = pinnedJs();
  const fail = (why: string) => new Error(`${variable} must be "all" or a comma-separated list of runtimes from ${accepted.join(', ')} (a bare name: its default line); ${why}`);
  const trimmed = spec.trim();
  if (trimmed === 'all') return accepted;
  const entries = trimmed.split(',').map((s) => s.trim());
  if (entries.some((e) => e === '')) throw fail(`got "${spec}"`);
  const chosen = entries.map((e) => {
    if (e.includes('@')) return e;
    const runtime = JS_RUNTIMES.find((r) => r.name === e);
    if (runtime === undefined) return e;
    const line = e === 'node' ? lineOf(process.version) : Object.keys(runtime.pins).sort(compareLines).at(-1)!;
    return `${e}@${line}`;
  });
  const unknown = entries.filter((_, i) => !accepted.includes(chosen[i]!));
  if (unknown.length) throw fail(`got ${unknown.map((e) => `"${e}"`).join(', ')}`);
  return [...new Set(chosen)];
}

/** The title of a choice for people: `Node 20`, `Bun 1.4`. */
export const jsTitle = (choice: string): string => {
  const { runtime, line } = splitJs(choice);
  return `${jsRuntime(runtime).title} ${line}`;
};
