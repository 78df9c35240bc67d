/** What identifies a result across runs: the variant, its workload and its parameters, in key order. */
export function resultKey(r: { variant: string; workload: string; parameters: Record<string, string> }): string {
  const params = Object.entries(r.parameters).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([r.variant, r.workload, params]);
}
