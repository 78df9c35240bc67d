// AssemblyScript (asc, a devDependency of this package; it brings binaryen): `<w>/as/<w>.ts`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstLine, once, pkgDir, type ProducerDeclaration, run } from '../scripts/producer.ts';

// Run asc's JS entry with this node rather than a shell shim.
const asc = join(pkgDir, 'node_modules', 'assemblyscript', 'bin', 'asc.js');

const assemblyscript: ProducerDeclaration = {
  name: 'assemblyscript',
  order: 2,
  summary: 'asc -O3 with the stub runtime (no GC), its start function exported as _initialize',
  source: (w) => `${w}/as/${w}.ts`,
  sourceKind: 'file',
  inputs: ['*/as/**'],
  cwd: 'kernels',
  required: true,
  unavailable: () => (existsSync(asc) ? undefined : 'assemblyscript is not installed: run `pnpm install` at the repository root'),
  // --runtime stub: no GC; --use abort=: aborts trap instead of importing env.abort (so only WASI imports
  // remain, here none); --exportStart _initialize: a reactor, as Node's wasi.initialize() expects.
  command: ({ source, out }) => ({
    program: process.execPath,
    hidden: [asc],
    args: [source, '-O3', '--runtime', 'stub', '--use', 'abort=', '--exportStart', '_initialize', '-o', out],
  }),
  compiler: () => once('asc', () => `asc ${firstLine(run(process.execPath, [asc, '--version']))}`),
  probes: [],
  template: 'as',
};

export default assemblyscript;
