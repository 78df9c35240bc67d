// The wasm producers: every ../producers/<name>.ts, discovered (no list to edit), each checked against
// the contract's name pattern and its file name, in their declared order.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { producer as producerName } from '@arena/contract';
import { type ProducerDeclaration, pkgDir } from './producer.ts';

export const producersDir = join(pkgDir, 'producers');

/** Every declaration of `dir`, sorted by `order` (then name). Throws on one that breaks the rules. */
export async function discoverProducers(dir = producersDir): Promise<ProducerDeclaration[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const found: ProducerDeclaration[] = [];
  for (const file of files) {
    const name = file.slice(0, -'.ts'.length);
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: ProducerDeclaration };
    const p = mod.default;
    if (p === undefined) throw new Error(`producers/${file} has no default export (a ProducerDeclaration)`);
    if (p.name !== name) throw new Error(`producers/${file} declares "${p.name}", not its file name`);
    if (!producerName.safeParse(name).success) throw new Error(`producers/${file}: "${name}" is not a producer name (lower-case letters, digits and -)`);
    found.push(p);
  }
  const orders = new Set(found.map((p) => p.order));
  if (orders.size !== found.length) throw new Error('two producers declare the same order');
  return found.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
