/** A variant and its parameters, e.g. `threads-wasi [module=clang, node=20]`; parameters keep the order planning gives them. */
export function variantLabel(r: { variant: string; parameters: Record<string, string> }): string {
  const p = Object.entries(r.parameters);
  return p.length ? `${r.variant} [${p.map(([k, v]) => `${k}=${v}`).join(', ')}]` : r.variant;
}

/**
 * A result's identity everywhere (diff keys, exports, history, `order`): its variant, parameters and
 * workload, e.g. `threads-wasi [module=clang, node=20] · nbody`. Tables grouped by workload show
 * {@link variantLabel} alone.
 */
export function resultLabel(r: { variant: string; workload: string; parameters: Record<string, string> }): string {
  return `${variantLabel(r)} · ${r.workload}`;
}

/**
 * The table a result belongs to: results compared with each other (ratio columns) share it, and so
 * share rounds. Results at a size other than the profile's (a slow setting's, warm calls') have their own.
 */
export const tableOf = (workload: string, workers: number, size?: number): string => `${workload} · workers=${workers}${size === undefined ? '' : ` · size=${size}`}`;

/** Whether a table (tableOf) is of results at a size of their own rather than the profile's. */
export const isSizedTable = (table: string): boolean => / · size=\d+$/.test(table);
