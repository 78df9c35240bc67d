import path from 'node:path';
import { NODE_PINS } from '../pins.ts';
import type { JsRuntimeDeclaration } from './declaration.ts';

const node: JsRuntimeDeclaration = {
  name: 'node',
  title: 'Node',
  engine: 'v8',
  // node.json pins one exact version per major line.
  pins: NODE_PINS,
  pinnedIn: 'packages/runtimes/node.json',
  lineOf: (version) => version.replace(/^v/, '').split('.')[0]!,
  npmPackage: () => `node-${process.platform}-${process.arch}`,
  binaryIn: (folder) => path.join(folder, 'node_modules', node.npmPackage(), 'bin', 'node'),
  parseVersion: (printed) => (/^v\d+\.\d+\.\d+$/.test(printed.trim()) ? printed.trim().slice(1) : undefined),
  showVersion: (version) => `v${version}`,
  engineVersion: { args: ['-p', 'process.versions.v8'], parse: (out) => out.trim() || undefined },
  launch: (binary, flags, script) => [binary, ...flags, script],
  // Node refuses an unknown flag ("bad option") before running anything.
  probeFlag: (flag) => [flag, '-e', '0'],
};

export default node;
