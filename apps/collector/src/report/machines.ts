import type { Machine, RunDocument } from '@arena/contract';
import { ConfigError } from '@arena/suite';

/** A run given to a multi-machine report, with what the user typed to name it (for error messages). */
export interface NamedRun {
  doc: RunDocument;
  spec: string;
}

// The run document records no architecture (os.arch() is not in the contract), so it is read off
// the CPU model's name; an unknown name gives no arch rather than a wrong one.
const ARCHES: Array<[RegExp, string]> = [
  [/neoverse|cortex|ampere|graviton|apple m\d|\barm|aarch64|kunpeng|cobalt|altra/i, 'arm64'],
  [/intel|amd|xeon|epyc|ryzen|core\(tm\)|pentium|celeron|x86/i, 'x86-64'],
];

/** The machine's architecture (`arm64`, `x86-64`), guessed from its CPU model; null when the name says nothing. */
export function machineArch(m: Pick<Machine, 'cpuModel'>): string | null {
  return ARCHES.find(([pattern]) => pattern.test(m.cpuModel))?.[1] ?? null;
}

/** A machine section's heading: `arm64 · Neoverse-N2 · 4 cores · run 20261210T120000Z-abc1234`. */
export function machineLabel(doc: RunDocument): string {
  const m = doc.machine;
  return [machineArch(m), m.cpuModel, `${m.logicalCores} cores`, `run ${doc.id}`].filter(Boolean).join(' · ');
}

/**
 * Short names for the summary's columns, one per run, as short as keeps them apart: the arch, then
 * with the CPU model, then with the cores, then with the run id.
 */
export function machineTags(docs: RunDocument[]): string[] {
  const withCpu = (d: RunDocument) => [machineArch(d.machine), d.machine.cpuModel].filter(Boolean).join(' ');
  const levels: Array<(d: RunDocument) => string> = [
    (d) => machineArch(d.machine) ?? d.machine.cpuModel,
    withCpu,
    (d) => `${withCpu(d)}, ${d.machine.logicalCores} cores`,
    (d) => `${withCpu(d)}, ${d.machine.logicalCores} cores, ${d.id}`,
  ];
  const distinct = levels.find((level) => new Set(docs.map(level)).size === docs.length) ?? levels.at(-1)!;
  return docs.map(distinct);
}

const named = (r: NamedRun) => (r.spec === r.doc.id ? `run ${r.doc.id}` : `"${r.spec}" (run ${r.doc.id})`);

/**
 * Refuses runs that cannot share one multi-machine report, naming them: the report compares
 * machines, so every run must measure the same commit, on a machine of its own (distinct
 * fingerprints). A dirty tree only warns: the commit then does not fully describe the code.
 */
export function checkMachineRuns(runs: NamedRun[], warn: (message: string) => void): void {
  const noGit = runs.filter((r) => !r.doc.git.commit);
  if (noGit.length) throw new ConfigError(`a report over several machines needs runs of one git commit; no commit recorded in ${noGit.map(named).join(', ')}`);
  const commits = new Set(runs.map((r) => r.doc.git.commit));
  if (commits.size > 1) {
    const each = runs.map((r) => `${named(r)} is ${r.doc.git.commit!.slice(0, 10)}`).join(', ');
    throw new ConfigError(`a report over several machines needs runs of one git commit: ${each}`);
  }
  const byMachine = new Map<string, NamedRun[]>();
  for (const r of runs) byMachine.set(r.doc.machine.fingerprint, [...(byMachine.get(r.doc.machine.fingerprint) ?? []), r]);
  const shared = [...byMachine].filter(([, same]) => same.length > 1);
  if (shared.length) {
    const each = shared.map(([fingerprint, same]) => `${same.map(named).join(' and ')} (fingerprint ${fingerprint})`).join('; ');
    throw new ConfigError(`a report over several machines needs one run per machine, but these were made on the same machine: ${each}; compare runs of one machine with \`pnpm arena diff\``);
  }
  for (const r of runs.filter((x) => x.doc.git.dirty)) warn(`${named(r)} was made on a dirty tree: the commit does not fully describe the code measured`);
}
