import { z } from 'zod';
import { fingerprintOf } from './fingerprint.ts';
import { runDocument, SCHEMA_VERSION, type Machine, type RunDocument } from './run.ts';

type Doc = Record<string, unknown>;

/**
 * Version 1 measured `roundRuns` runs per result per round (interleaved) or all runs in one go, and
 * did not record rounds: each block of `roundRuns` runs is taken as one round.
 */
function v1to2(doc: Doc): Doc {
  const c = doc.config as { minRuns: number; maxRuns: number; roundRuns: number; interleave?: boolean } & Doc;
  const per = Math.max(1, c.roundRuns);
  const { minRuns, maxRuns, roundRuns, interleave, ...rest } = c;
  void roundRuns;
  void interleave;
  const results = (doc.results as Doc[]).map((r) => {
    if (r.status !== 'ok') return r;
    const w = r.wallS as { times: number[] } & Doc;
    return { ...r, wallS: { ...w, round: w.times.map((_, i) => Math.floor(i / per) + 1) } };
  });
  return {
    ...doc,
    schemaVersion: 2,
    config: { ...rest, runsPerRound: per, minRounds: Math.ceil(minRuns / per), maxRounds: Math.ceil(maxRuns / per), only: null },
    results,
  };
}

/**
 * How results were keyed in `order` (after `<round>:`): `variant` or `variant [module=clang, node=20]`.
 * A frozen copy of the suite's resultLabel, so these migrations do not change if identity does.
 */
const keyOf = (variant: string, parameters: Record<string, string>) => {
  const p = Object.entries(parameters);
  return p.length ? `${variant} [${p.map(([k, v]) => `${k}=${v}`).join(', ')}]` : variant;
};

/**
 * Version 2 ran every Node variant (a command starting with `node`) on the harness's Node
 * (machine.versions.node) with the flags written in its command. Version 3 records that Node as
 * `parameters.node` (its line) and `runtime`, so a result keeps matching the same row of later runs;
 * the fingerprint, which no longer covers the harness's Node, is recomputed so the machine does too.
 */
function v2to3(doc: Doc): Doc {
  const machine = doc.machine as Machine;
  const version = machine.versions.node;
  const line = version.replace(/^v/, '').split('.')[0]!;
  const renamed = new Map<string, string>();
  const results = (doc.results as Doc[]).map((r) => {
    const words = String(r.command).split(' ').filter(Boolean);
    if (words[0] !== 'node') return { ...r, runtime: null };
    const script = words.findIndex((w, i) => i > 0 && !w.startsWith('-'));
    const flags = words.slice(1, script === -1 ? words.length : script);
    const before = r.parameters as Record<string, string>;
    const parameters = { ...before, node: line };
    renamed.set(keyOf(r.variant as string, before), keyOf(r.variant as string, parameters));
    return { ...r, parameters, runtime: { name: 'node', version, flags } };
  });
  const order = renameOrder(doc.order as string[], renamed);
  return { ...doc, schemaVersion: 3, machine: { ...machine, fingerprint: fingerprintOf(machine) }, config: { ...(doc.config as Doc), node: null }, order, results };
}

/** Renames result keys in `order` (`<round>:<key>`) after parameters changed. */
const renameOrder = (order: string[], renamed: Map<string, string>): string[] =>
  order.map((entry) => {
    const [, round, key] = /^(\d+:)?(.*)$/s.exec(entry)!;
    return `${round ?? ''}${renamed.get(key!) ?? key}`;
  });

/**
 * Version 3 built all Go code with the machine's Go (machine.versions.go, e.g. "go1.26.8"); every Go
 * variant was named go-*, and module=go was the Go-compiled module. Version 4 records that Go as
 * `parameters.go` (its line) and `goToolchain` on those results, and leaves it out of the fingerprint.
 */
function v3to4(doc: Doc): Doc {
  const machine = doc.machine as Machine;
  const version = /go1\.\d+(\.\d+)?/.exec(machine.versions.go ?? '')?.[0];
  const renamed = new Map<string, string>();
  const results = (doc.results as Doc[]).map((r) => {
    const before = r.parameters as Record<string, string>;
    const goBuilt = String(r.variant).startsWith('go-') || before.module === 'go';
    if (!goBuilt || version === undefined) return { ...r, goToolchain: null };
    const parameters = { ...before, go: version.slice(2).split('.').slice(0, 2).join('.') };
    renamed.set(keyOf(r.variant as string, before), keyOf(r.variant as string, parameters));
    return { ...r, parameters, goToolchain: version };
  });
  const order = renameOrder(doc.order as string[], renamed);
  return { ...doc, schemaVersion: 4, machine: { ...machine, fingerprint: fingerprintOf(machine) }, config: { ...(doc.config as Doc), go: null }, order, results };
}

/**
 * Version 4 ran one job, fibonacci(config.n), with no seed. Version 5 names the workload of every
 * result (fib, of size n), keys results by it too (`order` entries gain ` · fib`), and records each
 * workload's size in config.sizes.
 */
function v4to5(doc: Doc): Doc {
  const { n, ...config } = doc.config as { n: number } & Doc;
  const results = (doc.results as Doc[]).map((r) => {
    const base = { ...r, workload: 'fib', size: n };
    if (r.status !== 'ok') return base;
    const { n: reportN, ...report } = r.report as { n: number } & Doc;
    return { ...base, seeds: [], report: { ...report, workload: 'fib', size: reportN, seed: null } };
  });
  const order = (doc.order as string[]).map((entry) => `${entry} · fib`);
  return { ...doc, schemaVersion: 5, config: { ...config, sizes: { fib: n }, workloads: null, suiteBudgetS: null }, order, accountingS: null, results };
}

/** Version 5 measured no memory: every ok result gets `peakMemory: null`, the config `memoryRuns: 0`, the accounting `memory: 0`. */
function v5to6(doc: Doc): Doc {
  const results = (doc.results as Doc[]).map((r) => (r.status === 'ok' ? { ...r, peakMemory: null } : r));
  const accounting = doc.accountingS as Doc | null;
  return { ...doc, schemaVersion: 6, config: { ...(doc.config as Doc), memoryRuns: 0 }, accountingS: accounting && { ...accounting, memory: 0 }, results };
}

/** Version 6 did not name what BENCH_ONLY / BENCH_WORKLOADS left out: `leftOut: null` (not recorded). */
function v6to7(doc: Doc): Doc {
  return { ...doc, schemaVersion: 7, config: { ...(doc.config as Doc), leftOut: null } };
}

/** Version 7 decided nothing while measuring: its findings are recomputed by the report and labelled so. */
function v7to8(doc: Doc): Doc {
  return { ...doc, schemaVersion: 8, config: { ...(doc.config as Doc), decisions: null }, decisions: null };
}

/** Upgrades from older schema versions, keyed by the version they read. Each returns the next version's document. */
/**
 * Version 9 runs Node-style variants on any declared JavaScript runtime: config.node (Node lines)
 * becomes config.js (`node@<line>`), and a result's runtime names its engine. Every earlier run ran
 * on Node (V8), whose engine version it did not record. Keys and parameters stay as they were.
 */
function v8to9(doc: Doc): Doc {
  const { node, ...config } = doc.config as Doc & { node?: string[] | null };
  const results = (doc.results as Doc[]).map((r) => (r.runtime ? { ...r, runtime: { ...(r.runtime as Doc), engine: 'v8', engineVersion: null } } : r));
  return { ...doc, schemaVersion: 9, config: { ...config, js: node ? node.map((l) => `node@${l}`) : null }, results };
}

/** Version 10 can run engine settings and warm calls; every earlier run ran defaults, one call per worker. */
function v9to10(doc: Doc): Doc {
  return { ...doc, schemaVersion: 10, config: { ...(doc.config as Doc), settings: null, calls: null } };
}

export const migrations: Record<number, (doc: Doc) => Doc> = { 1: v1to2, 2: v2to3, 3: v3to4, 4: v4to5, 5: v5to6, 6: v6to7, 7: v7to8, 8: v8to9, 9: v9to10 };

/** Why a run document could not be read. */
export class RunDocumentError extends Error {}

/** Validates a parsed run document, migrating older versions and refusing unknown ones by name. */
export function parseRunDocument(value: unknown, source = 'run document'): RunDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RunDocumentError(`${source}: not a JSON object`);
  }
  let doc = value as Record<string, unknown>;
  let version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new RunDocumentError(`${source}: no integer schemaVersion; not a bench-arena run document`);
  }
  if (version > SCHEMA_VERSION) {
    throw new RunDocumentError(`${source}: schemaVersion ${version} was written by a newer bench-arena; this one reads up to ${SCHEMA_VERSION}. Update the checkout to read it.`);
  }
  while (version < SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) {
      throw new RunDocumentError(`${source}: schemaVersion ${version} is unknown and has no migration to ${SCHEMA_VERSION}`);
    }
    doc = migrate(doc);
    version += 1;
  }
  const parsed = runDocument.safeParse(doc);
  if (!parsed.success) {
    throw new RunDocumentError(`${source}: does not match run.schema.json\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
