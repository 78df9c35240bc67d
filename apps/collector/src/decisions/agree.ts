import type { RunDecisions } from '@arena/contract';

/** One finding as a run decided it: a pair's outcome, or a fastest family's winners (its leader and those tied with it). */
interface Finding {
  id: string;
  says: string;
}

/** Every finding a run decided, by `<table>: <question>`. */
export function decidedFindings(d: RunDecisions): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const w of d.workloads) {
    for (const p of w.pairs) if (p.outcome !== 'undecided') out.set(`${w.table}: ${p.id}`, { id: p.id, says: p.outcome });
    for (const f of w.fastest) {
      if (!f.decided || f.leader === null) continue;
      const winners = f.members.filter((m) => m.state === 'leader' || m.state === 'tied').map((m) => m.key);
      out.set(`${w.table}: ${f.id}`, { id: f.id, says: winners.sort().join(' = ') });
    }
  }
  return out;
}

/** How two runs' decisions compare: the findings both decided, how many agree, and every one that does not. */
export interface Agreement {
  both: number;
  agree: number;
  disagreements: Array<{ finding: string; a: string; b: string }>;
  onlyA: number;
  onlyB: number;
}

/** Compares the decisions of run A and run B finding by finding. Pure. */
export function agreement(a: RunDecisions, b: RunDecisions): Agreement {
  const [fa, fb] = [decidedFindings(a), decidedFindings(b)];
  const r: Agreement = { both: 0, agree: 0, disagreements: [], onlyA: 0, onlyB: 0 };
  for (const [k, x] of fa) {
    const y = fb.get(k);
    if (!y) {
      r.onlyA++;
      continue;
    }
    r.both++;
    if (x.says === y.says) r.agree++;
    else r.disagreements.push({ finding: k, a: x.says, b: y.says });
  }
  r.onlyB = [...fb.keys()].filter((k) => !fa.has(k)).length;
  return r;
}
