// Go (gc) for wasip1: the workload's `<w>/go/wasm/` main package (`//go:wasmexport`), built again per
// Go toolchain line (`build:go`) so a Go host runs the module of its own Go.
import { firstLine, fromWorkloads, onPath, once, type ProducerDeclaration, run } from '../scripts/producer.ts';

const INSTALL =
  'Go >= 1.24 is needed for //go:wasmexport: install it from go.dev/dl, or with any Go >= 1.21 on PATH run ' +
  "`GOTOOLCHAIN=go1.24.0 go version` (Debian bookworm's `apt-get install golang-go` is 1.19, too old)";

// GOTOOLCHAIN local unless the caller chose one (the harness does, per BENCH_GO toolchain): go.mod's
// go line must never switch toolchains silently.
const toolchain = (): string => process.env.GOTOOLCHAIN || 'local';

const go: ProducerDeclaration = {
  name: 'go',
  order: 1,
  summary: 'Go (gc) -buildmode=c-shared for wasip1: a reactor carrying the Go runtime',
  source: (w) => `${w}/go/wasm`,
  sourceKind: 'go-package',
  inputs: ['*/go/**', 'go.mod', 'go.sum'],
  cwd: 'workloads',
  required: true,
  perToolchain: true,
  install: INSTALL,
  unavailable: () => (onPath('go') ? undefined : `go not found on PATH. ${INSTALL}`),
  // -trimpath/-buildvcs=false: the same bytes on every machine and commit.
  command: ({ source, out }) => ({
    program: 'go',
    env: { GOOS: 'wasip1', GOARCH: 'wasm', GOTOOLCHAIN: toolchain() },
    args: ['build', '-buildmode=c-shared', '-trimpath', '-buildvcs=false', '-o', `${fromWorkloads}/dist/${out}`, `./${source}`],
  }),
  compiler: () => once(`go ${toolchain()}`, () => firstLine(run('go', ['version'], { env: { ...process.env, GOTOOLCHAIN: toolchain() } }))),
  probes: [['go', 'env', 'GOVERSION']],
  template: 'go',
};

export default go;
