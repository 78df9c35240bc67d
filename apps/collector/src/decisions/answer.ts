import type { ComparisonDecisionDoc, RunDocument, WorkloadDecisionsDoc } from '@arena/contract';

const x = (r: number | null) => (r === null ? '?' : `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`);
const iv = (d: ComparisonDecisionDoc) => (d.interval ? ` (${d.interval.low.toFixed(3)}–${d.interval.high.toFixed(3)})` : '');

/** A result key without its workload (the line already names it). */
const short = (key: string, workload: string) => key.replace(` · ${workload}`, '');

/** The way a fastest family was decided: `threads-wasi-lean [clang] (tied with …)`, or undecided with the open runners-up. */
function fastestLine(f: WorkloadDecisionsDoc['fastest'][number], workload: string): string {
  if (f.leader === null) return `fastest ${f.family}: none`;
  const tied = f.members.filter((m) => m.state === 'tied').map((m) => short(m.key, workload));
  const open = f.members.filter((m) => m.state === 'open' && m.key !== f.leader);
  const head = `fastest ${f.family}: ${short(f.leader, workload)}${tied.length ? ` (tied within the margin with ${tied.join(', ')})` : ''}`;
  if (f.decided) return head;
  const shown = open.slice(0, 2).map((m) => `${short(m.key, workload)}${m.decision ? ` ${x(m.decision.ratio)}${iv(m.decision)}` : ''}`);
  return `${head}, undecided against ${shown.join(', ')}${open.length > 2 ? ` and ${open.length - 2} more` : ''}`;
}

/** wasm against native, grouped: faster, equivalent, slower, undecided. */
function wasmLine(w: WorkloadDecisionsDoc): string[] {
  const by = (o: string) => w.pairs.filter((p) => p.outcome === o);
  const list = (ps: typeof w.pairs) => ps.map((p) => `${short(p.a, w.workload)} ${x(p.ratio)}`).join(', ');
  const out: string[] = [];
  if (by('faster').length) out.push(`wasm helps: ${list(by('faster'))}`);
  if (by('slower').length)
    out.push(
      `wasm hurts: ${by('slower').length} of ${w.pairs.length} (${x(Math.min(...by('slower').map((p) => p.ratio ?? Infinity)))}–${x(Math.max(...by('slower').map((p) => p.ratio ?? 0)))} of native)`,
    );
  if (by('equivalent').length) out.push(`as fast as native within the margin: ${list(by('equivalent'))}`);
  return out;
}

/**
 * The answer first: per workload the fastest Node and Go way and where wasm helps or hurts against
 * its native twin, then what stayed undecided and why. From the run's recorded decisions only.
 */
export function answerLines(doc: RunDocument): string[] {
  const d = doc.decisions;
  if (!d) return [];
  const lines: string[] = [
    `The answer (decided ${d.rule.method === 'sequential' ? 'while measuring' : 'after the last round'}; δ ${d.rule.marginPct} %, ${Math.round(d.rule.alpha * 100)} % error per workload):`,
  ];
  const undecided: string[] = [];
  for (const w of d.workloads) {
    lines.push(`  ${w.workload}: ${w.fastest.map((f) => fastestLine(f, w.workload)).join('; ')}`);
    const wasm = wasmLine(w);
    if (wasm.length) lines.push(`    ${wasm.join('; ')}`);
    for (const p of w.pairs.filter((q) => q.outcome === 'undecided')) undecided.push(`${w.workload} ${short(p.a, w.workload)} against ${short(p.b, w.workload)} ${x(p.ratio)}${iv(p)}`);
  }
  if (undecided.length) {
    const open = d.workloads.flatMap((w) => w.pairs.filter((p) => p.outcome === 'undecided'));
    const why = open.every((p) => p.interval === null)
      ? 'one round gives no interval: it takes 2 rounds at least, and the default profile 6'
      : `its interval still held 1× and reached past the ${d.rule.marginPct} % margin when the rounds ran out`;
    lines.push(`  undecided wasm against native (${undecided.length}; ${why}): ${undecided.slice(0, 4).join('; ')}${undecided.length > 4 ? `; and ${undecided.length - 4} more in report.md` : ''}`);
  } else lines.push('  every finding decided');
  return lines;
}
