import type { OkResult, VariantResult } from '@arena/contract';
import { NATIVE, type Placement } from './hosts.ts';

const sameParameters = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

/**
 * The native twin of a wasm result: the ok result, on the same workload and with the same host
 * parameters (which include the runtime's line: twins pair on the same runtime), of the variant its
 * manifest names as `twin` (threads-wasi → threads-js, cluster-wasi → cluster-js, go-wazero →
 * go-native), running no module. None when the result runs no module, or when that variant has no
 * such ok result.
 *
 * Only a result without any `twin` field — one recorded before manifests declared twins — falls back
 * to the old guess: the candidate of the same runtime family (Node, Go) whose variant name shares
 * the longest prefix with the wasm host's, none when two tie.
 */
export function nativeTwin(results: readonly VariantResult[], places: ReadonlyMap<VariantResult, Placement>, r: OkResult): OkResult | undefined {
  const p = places.get(r);
  if (!p || r.parameters.module === undefined) return undefined;
  const candidates = results.filter((x): x is OkResult => {
    const q = places.get(x);
    return x.status === 'ok' && x.workload === r.workload && x.variant !== r.variant && q?.producer === NATIVE && sameParameters(q.hostParameters, p.hostParameters);
  });
  if (r.twin !== undefined) return candidates.find((x) => x.variant === r.twin);
  // Runs recorded before twins were declared: the longest common name prefix, within the family.
  const scored = candidates
    .filter((x) => places.get(x)!.kind === p.kind)
    .map((x) => ({ x, score: commonPrefix(x.variant, r.variant) }))
    .sort((a, b) => b.score - a.score);
  if (scored.length > 1 && scored[0]!.score === scored[1]!.score) return undefined;
  return scored[0]?.x;
}
