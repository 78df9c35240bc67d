// TinyGo (LLVM) for wasip1: the same `<w>/go/wasm/` package as Go. Optional: it cannot be installed
// on our machines, so it is normally skipped with the reason.
import { firstLine, fromWorkloads, onPath, once, type ProducerDeclaration, run } from '../scripts/producer.ts';

const tinygo: ProducerDeclaration = {
  name: 'tinygo',
  order: 3,
  summary: 'TinyGo >= 0.34 (//go:wasmexport with -buildmode=c-shared) -opt=2 for wasip1',
  source: (w) => `${w}/go/wasm`,
  sourceKind: 'go-package',
  inputs: ['*/go/**', 'go.mod', 'go.sum'],
  cwd: 'workloads',
  required: false,
  unavailable: () => (onPath('tinygo') ? undefined : 'tinygo not found on PATH (it cannot be installed here)'),
  command: ({ source, out }) => ({
    program: 'tinygo',
    args: ['build', '-target=wasip1', '-buildmode=c-shared', '-no-debug', '-opt=2', '-o', `${fromWorkloads}/dist/${out}`, `./${source}`],
  }),
  compiler: () => once('tinygo', () => firstLine(run('tinygo', ['version']))),
  probes: [['tinygo', 'version']],
  template: 'go',
};

export default tinygo;
