// Prints the producers' part of ARENA_TOOLCHAIN (scripts/toolchain.sh): `<tool>=<first line>` for
// every probe the declarations name, in declared order, each tool once; "none" when it is missing.
import { basename } from 'node:path';

import { probe } from './producer.ts';
import { discoverProducers } from './producers.ts';

const seen = new Map<string, string>();
for (const p of await discoverProducers()) {
  for (const argv of p.probes) {
    const tool = basename(argv[0]!);
    if (!seen.has(tool)) seen.set(tool, probe(argv));
  }
}
process.stdout.write(`${[...seen].map(([tool, line]) => `${tool}=${line.replaceAll(';', ',')}`).join(';')}\n`);
