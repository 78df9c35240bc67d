import { createHash } from 'node:crypto';
import type { Machine } from './run.ts';

/**
 * A machine's fingerprint: equal means two runs' numbers are comparable. Memory is rounded to GiB so
 * a few MiB of reserved memory do not change it; the OS build string is left out. The harness's Node
 * and Go are left out too: results name the Node they ran on (parameters.node) and the Go that built
 * them (parameters.go), so runs under different Nodes or Gos compare row by row.
 */
export function fingerprintOf(m: Omit<Machine, 'fingerprint'>): string {
  const { node, go, ...versions } = m.versions;
  void node;
  void go;
  const identity = {
    cpuModel: m.cpuModel,
    logicalCores: m.logicalCores,
    memoryBytes: Math.round(m.memoryBytes / 2 ** 30),
    os: { platform: m.os.platform, release: m.os.release },
    versions,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
}
