/**
 * A result's identity everywhere (tables, diff keys, exports, history, `order`): its variant and
 * parameters, e.g. `threads-wasi [module=clang, node=20]`; parameters keep the order planning gives them.
 */
export function resultLabel(r: { variant: string; parameters: Record<string, string> }): string {
  const p = Object.entries(r.parameters);
  return p.length ? `${r.variant} [${p.map(([k, v]) => `${k}=${v}`).join(', ')}]` : r.variant;
}
