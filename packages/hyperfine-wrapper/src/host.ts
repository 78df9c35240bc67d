import os from 'node:os';
import { fingerprintOf, type Machine } from '@arena/contract';
import { TOOLS, toolVersion } from './tools.ts';

const versionOf = (line: string | null, pattern: RegExp): string | null => (line === null ? null : (line.match(pattern)?.[1] ?? line));

/** Describes this machine for the run document; the fingerprint says whether two runs are comparable (fingerprintOf). */
export async function describeMachine(): Promise<Machine> {
  const [go, hyperfine, clang] = await Promise.all([toolVersion(TOOLS.go), toolVersion(TOOLS.hyperfine), toolVersion(TOOLS.clang)]);
  const base = {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    logicalCores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: { platform: os.platform(), release: os.release(), version: os.version() },
    versions: {
      node: process.version,
      go: versionOf(go, /(go\d+\.\d+(?:\.\d+)?)/),
      hyperfine: versionOf(hyperfine, /hyperfine (\S+)/),
      clang: versionOf(clang, /clang version (\S+)/),
    },
  };
  return { ...base, fingerprint: fingerprintOf(base) };
}
