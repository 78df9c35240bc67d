import { countRegressions, SPREAD_FACTOR, type CountRow } from './judge.ts';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)} %`;

function why(r: CountRow): string {
  if (r.change === 'now-failing') return 'now failing';
  if (r.change === 'gone') return 'gone: in A, missing from B; --allow-missing if it was removed or renamed on purpose';
  if (r.change === 'new') return 'new: only in B; --allow-missing if it was added on purpose';
  return [r.whole?.flagged ? `${pct(r.whole.deltaPct)} whole` : '', r.kernel?.flagged ? `${pct(r.kernel.deltaPct)} kernel` : ''].filter(Boolean).join(', ');
}

/** The instructions gate's verdict lines: what fails it and why, or that nothing does, and how many results could not be counted. */
export function countGateNotes(rows: readonly CountRow[], failAbovePct: number, allowMissing: boolean): string[] {
  const failing = countRegressions(rows, allowMissing);
  const rule = `more instructions by more than ${failAbovePct} % and ${SPREAD_FACTOR}× their spread`;
  const verdict = failing.length
    ? `REGRESSION: ${rule}, now failing, or on one side only: ${failing.map((r) => `${r.label} (${why(r)})`).join(', ')}`
    : `ok: no result executes ${rule}, none is now failing or on one side only`;
  const oneSided = allowMissing ? rows.filter((r) => r.change === 'gone' || r.change === 'new').map((r) => r.label) : [];
  const notCountable = rows.filter((r) => r.change === 'not-countable').length;
  return [
    verdict,
    ...(oneSided.length ? [`on one side only, allowed by --allow-missing: ${oneSided.join(', ')}`] : []),
    ...(notCountable ? [`${notCountable} of ${rows.length} results not countable (each says why above); they do not fail the gate`] : []),
  ];
}
