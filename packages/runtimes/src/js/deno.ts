import path from 'node:path';
import { exactVersion, type JsRuntimeDeclaration } from './declaration.ts';

// The narrowest permissions every variant needs: read (modules, workload files), env (the kit reads
// a few variables) and run of Deno itself (node:cluster forks process.execPath). V8 flags go through
// --v8-flags; Deno has no -e, so a flag is probed with `deno eval`.
const deno: JsRuntimeDeclaration = {
  name: 'deno',
  title: 'Deno',
  engine: 'v8',
  pins: Object.freeze({ '2.9': '2.9.6' }),
  pinnedIn: 'packages/runtimes/src/js/deno.ts',
  lineOf: (version) => version.split('.').slice(0, 2).join('.'),
  npmPackage: () => `@deno/${process.platform}-${process.arch === 'arm64' ? 'arm64' : 'x64'}-glibc`,
  binaryIn: (folder) => path.join(folder, 'node_modules', deno.npmPackage(), 'deno'),
  parseVersion: (printed) => exactVersion(printed.split('\n')[0] ?? '', 'deno '),
  showVersion: (version) => version,
  engineVersion: { args: ['--version'], parse: (out) => /^v8 (\S+)$/m.exec(out)?.[1] },
  launch: (binary, flags, script) => [binary, 'run', '--allow-read', '--allow-env', `--allow-run=${binary}`, ...(flags.length ? [`--v8-flags=${flags.join(',')}`] : []), script],
  probeFlag: (flag) => ['eval', `--v8-flags=${flag}`, '0'],
};

export default deno;
