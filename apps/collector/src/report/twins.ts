import type { OkResult, VariantResult } from '@arena/contract';
import { NATIVE, type Placement } from './hosts.ts';

const sameParameters = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

/**
 * The native twin of a wasm result: the ok result of the same workload, runtime family (Node, Go)
 * and host parameters that runs no module, from the variant whose name shares the longest prefix
 * with the wasm host's (threads-wasi → threads-js, cluster-wasi → cluster-js, go-wazero →
 * go-native). None when the result runs no module, or when two candidates tie.
 */
export function nativeTwin(results: readonly VariantResult[], places: ReadonlyMap<VariantResult, Placement>, r: OkResult): OkResult | undefined {
  const p = places.get(r);
  if (!p || r.parameters.module === undefined) return undefined;
  const candidates = results.filter((x): x is OkResult => {
    const q = places.get(x);
    return x.status === 'ok' && x.workload === r.workload && x.variant !== r.variant && q?.producer === NATIVE && q.kind === p.kind && sameParameters(q.hostParameters, p.hostParameters);
  });
  const scored = candidates.map((x) => ({ x, score: commonPrefix(x.variant, r.variant) })).sort((a, b) => b.score - a.score);
  if (scored.length > 1 && scored[0]!.score === scored[1]!.score) return undefined;
  return scored[0]?.x;
}
