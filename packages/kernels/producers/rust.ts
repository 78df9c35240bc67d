// rustc for wasm32-wasip1: `<w>/rust/<w>.rs`, one file, no Cargo and no crates. Stable rustc has no
// reactor exec model (-Z wasi-exec-model=reactor is nightly-only), so each kernel exports its own
// `_initialize`; a plain cdylib would carry ~1.9 MB of debug info, hence -C strip=debuginfo.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { firstLine, onPath, once, type ProducerDeclaration, run } from '../scripts/producer.ts';

const TARGET = 'wasm32-wasip1';
const INSTALL = `install Rust with rustup (rustup.rs), then \`rustup target add ${TARGET}\` (scripts/setup.sh adds the target where rustup exists)`;

/** Why rustc cannot build for the target here, or undefined. */
function unavailable(): string | undefined {
  if (!onPath('rustc')) return `rustc not found on PATH: ${INSTALL}`;
  const r = spawnSync('rustc', ['--print', 'target-libdir', '--target', TARGET], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : '';
  if (dir === '' || !existsSync(dir)) return `rustc has no ${TARGET} standard library: ${INSTALL}`;
  return undefined;
}

const rust: ProducerDeclaration = {
  name: 'rust',
  order: 4,
  summary: 'rustc -C opt-level=3 (the release profile) for wasm32-wasip1, a cdylib with its own _initialize',
  source: (w) => `${w}/rust/${w}.rs`,
  sourceKind: 'file',
  inputs: ['*/rust/**'],
  cwd: 'kernels',
  required: false,
  install: INSTALL,
  unavailable,
  command: ({ workload, source, out }) => ({
    program: 'rustc',
    args: [`--target=${TARGET}`, '--crate-type=cdylib', '--edition=2021', `--crate-name=${workload.replaceAll('-', '_')}`, '-C', 'opt-level=3', '-C', 'strip=debuginfo', '-o', out, source],
  }),
  compiler: () => once('rustc', () => firstLine(run('rustc', ['--version']))),
  probes: [['rustc', '--version']],
  template: 'rust',
};

export default rust;
