import { regressions, type DiffResult, type DiffRow } from './compare.ts';

/** Why a row fails the gate, in a few words. */
function why(r: DiffRow): string {
  if (r.change === 'now-failing') return 'now failing';
  if (r.change === 'gone') return 'gone: in A, missing from B; --allow-missing if it was removed or renamed on purpose';
  if (r.change === 'new') return 'new: only in B; --allow-missing if it was added on purpose';
  return `+${r.deltaPct!.toFixed(1)} %`;
}

/** The gate's verdict lines: what fails it and why, or that nothing does. */
export function gateNotes(result: DiffResult, failAbovePct: number, allowMissing: boolean, newFails = false): string[] {
  const failing = regressions(result, failAbovePct, allowMissing, newFails);
  const oneSided = (r: DiffRow) => r.change === 'gone' || (newFails && r.change === 'new');
  const allowed = allowMissing ? result.rows.filter(oneSided).map((r) => r.label) : [];
  const absent = newFails ? 'on one side only' : 'gone';
  const verdict = failing.length
    ? `REGRESSION: significantly slower by more than ${failAbovePct} %, now failing, or ${absent}: ${failing.map((r) => `${r.label} (${why(r)})`).join(', ')}`
    : `ok: no variant is significantly slower by more than ${failAbovePct} %, now failing or ${absent}`;
  return [verdict, ...(allowed.length ? [`${newFails ? 'on one side only' : 'gone from B'}, allowed by --allow-missing: ${allowed.join(', ')}`] : [])];
}
