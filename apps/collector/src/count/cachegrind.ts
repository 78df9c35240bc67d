/**
 * The instructions in one cachegrind or callgrind output file (valgrind's documented text format:
 * an `events:` line naming the columns, and a `summary:` line — callgrind: `summary:` or `totals:` —
 * with the whole run's totals in that order). Never read from valgrind's stderr prose. Throws an error
 * naming `file` when the file has no Ir column or no totals.
 */
export function instructionsOf(text: string, file: string): number {
  let events: string[] | undefined;
  let totals: string[] | undefined;
  for (const line of text.split('\n')) {
    const m = /^(events|summary|totals):\s*(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const words = m[2]!.split(/\s+/).filter(Boolean);
    if (m[1] === 'events') events ??= words;
    // summary comes first where both are written; totals is callgrind's equivalent.
    else if (m[1] === 'summary' || totals === undefined) totals = words;
  }
  if (events === undefined) throw new Error(`${file}: no "events:" line (not a cachegrind or callgrind output file)`);
  const at = events.indexOf('Ir');
  if (at < 0) throw new Error(`${file}: no Ir event (events: ${events.join(' ')}); count with cachegrind or callgrind's defaults`);
  const value = totals?.[at];
  if (value === undefined || !/^[0-9]+$/.test(value)) throw new Error(`${file}: no "summary:" or "totals:" line with an Ir total (the run may have been killed before valgrind wrote it)`);
  return Number(value);
}
