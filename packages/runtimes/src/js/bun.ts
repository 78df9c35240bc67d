import path from 'node:path';
import { exactVersion, type JsRuntimeDeclaration } from './declaration.ts';

// Bun runs JavaScriptCore; its process.versions.node and .v8 name what it imitates, not its engine:
// process.versions.webkit (the WebKit commit its JSC comes from) is what it truly runs. Bun exits 0
// for any flag, even a made-up one, so no flag is probed or passed.
const bun: JsRuntimeDeclaration = {
  name: 'bun',
  title: 'Bun',
  engine: 'jsc',
  pins: Object.freeze({ '1.4': '1.4.5' }),
  pinnedIn: 'packages/runtimes/src/js/bun.ts',
  lineOf: (version) => version.split('.').slice(0, 2).join('.'),
  npmPackage: () => `@oven/bun-${process.platform}-${process.arch}`,
  binaryIn: (folder) => path.join(folder, 'node_modules', bun.npmPackage(), 'bin', 'bun'),
  parseVersion: (printed) => exactVersion(printed),
  showVersion: (version) => version,
  engineVersion: { args: ['-p', 'process.versions.webkit'], parse: (out) => (/^[0-9a-f]{7,40}$/.test(out.trim()) ? `WebKit ${out.trim().slice(0, 12)}` : undefined) },
  launch: (binary, _flags, script) => [binary, script],
};

export default bun;
