import type { VariantResult } from '@arena/contract';
import { JS_RUNTIMES } from '@arena/runtimes';

/** The runtime family of a host: Node-style variants (on Node, Bun or Deno), Go programs, and native C. */
export type HostKind = 'node' | 'go' | 'native';

const JS_KEYS = JS_RUNTIMES.map((r) => r.name);
const JS_FAMILY = '\u0000js';

/** Where a result sits in the matrices: its row (host) and, with its workload, its column (producer). */
export interface Placement {
  /** The variant plus its own parameters, e.g. `threads-wasi · node 20`, `go-wazero · go 1.26`, `c-native`. */
  host: string;
  /** The wasm module's producer (parameters.module), or `native` for a variant without a module. */
  producer: string;
  kind: HostKind;
  /** The host's parameters (what every result of its variant carries, but the module). */
  hostParameters: Record<string, string>;
}

/** The producer of a variant without a wasm module. */
export const NATIVE = 'native';

const paramText = (k: string, v: string) => (k === 'workers' ? `${v} worker${v === '1' ? '' : 's'}` : `${k} ${v}`);

/** A host's row label: `threads-wasi · node 20 · 2 workers`. */
export const hostLabel = (variant: string, params: Record<string, string>): string => [variant, ...Object.entries(params).map(([k, v]) => paramText(k, v))].join(' · ');

/** Node-style when it ran on a JavaScript runtime (or names a runtime line), Go when Go code hosts it, else native. */
function kindOf(r: VariantResult): HostKind {
  if (r.runtime !== null || JS_KEYS.some((k) => r.parameters[k] !== undefined)) return 'node';
  if (r.goToolchain !== null || r.parameters.go !== undefined) return 'go';
  return 'native';
}

/**
 * Places every result (ok or failed). A variant's host parameters are the keys all its results carry
 * except `module`, and except `go` on a Node host, where it names the Go that built the go module
 * (go-wazero's `go` is its own toolchain). Module parameters are added to the producer only where
 * two results would otherwise share a cell (`go · go 1.25` and `go · go 1.26`).
 */
export function placeResults(results: readonly VariantResult[]): Map<VariantResult, Placement> {
  // The JavaScript runtime keys (node, bun, deno) are one host parameter: a variant run on Node and
  // Bun carries `node` in some results and `bun` in others, and each is still part of its host.
  const family = (k: string) => (JS_KEYS.includes(k) ? JS_FAMILY : k);
  const keysOf = new Map<string, Set<string>>();
  for (const r of results) {
    const keys = Object.keys(r.parameters)
      .filter((k) => k !== 'module' && !(k === 'go' && kindOf(r) === 'node'))
      .map(family);
    const seen = keysOf.get(r.variant);
    keysOf.set(r.variant, seen ? new Set(keys.filter((k) => seen.has(k))) : new Set(keys));
  }
  const base = results.map((r) => {
    const hostKeys = keysOf.get(r.variant)!;
    const hostParameters = Object.fromEntries(Object.entries(r.parameters).filter(([k]) => hostKeys.has(family(k))));
    const extra = Object.entries(r.parameters).filter(([k]) => k !== 'module' && !hostKeys.has(family(k)));
    const place: Placement = { host: hostLabel(r.variant, hostParameters), producer: r.parameters.module ?? NATIVE, kind: kindOf(r), hostParameters };
    return { r, place, extra };
  });
  const cellKey = (x: (typeof base)[number]) => `${x.place.host}\u0000${x.r.workload}\u0000${x.place.producer}`;
  const crowded = new Map<string, number>();
  for (const x of base) crowded.set(cellKey(x), (crowded.get(cellKey(x)) ?? 0) + 1);
  return new Map(
    base.map((x) => {
      const producer = crowded.get(cellKey(x))! > 1 && x.extra.length ? [x.place.producer, ...x.extra.map(([k, v]) => paramText(k, v))].join(' · ') : x.place.producer;
      return [x.r, { ...x.place, producer }];
    }),
  );
}

const KIND_ORDER: Record<HostKind, number> = { native: 0, node: 1, go: 2 };

/** Hosts in the order rows and colours use: native, then Node, then Go, each in the order results appear. */
export function orderedHosts(places: ReadonlyMap<VariantResult, Placement>): string[] {
  const kind = new Map([...places.values()].map((p) => [p.host, p.kind]));
  return [...kind.keys()].sort((a, b) => KIND_ORDER[kind.get(a)!] - KIND_ORDER[kind.get(b)!]);
}
