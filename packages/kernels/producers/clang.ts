// clang (LLVM) for wasm32-wasi: the C kernel, `<w>/c/<w>.c`, under -DARENA_WASM. The default module.
import { spawnSync } from 'node:child_process';
import { firstLine, onPath, once, pkgDir, type ProducerDeclaration, run } from '../scripts/producer.ts';

const INSTALL = 'Install the WASI toolchain with: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32';

/**
 * clang 14, when optimising for wasm, runs binaryen's `wasm-opt` on the linked module if it finds one
 * (next to clang or on PATH), and has no flag to stop it. That changes the bytes, so say which one ran.
 */
function wasmOpt(flags: string[]): string | undefined {
  const plan = spawnSync('clang', [...flags, '-###'], { cwd: pkgDir, encoding: 'utf8' }).stderr ?? '';
  const tool = /^\s*"([^"]*\/wasm-opt)"/m.exec(plan)?.[1];
  return tool === undefined ? undefined : firstLine(run(tool, ['--version']));
}

const clang: ProducerDeclaration = {
  name: 'clang',
  order: 0,
  summary: 'clang -O2 for wasm32-wasi (wasi-libc, reactor), the C kernel under -DARENA_WASM',
  source: (w) => `${w}/c/${w}.c`,
  sourceKind: 'file',
  inputs: ['*/c/**'],
  cwd: 'kernels',
  required: true,
  install: INSTALL,
  unavailable: () => (onPath('clang') ? undefined : `clang not found on PATH. ${INSTALL}`),
  command: ({ source, out }) => ({
    program: 'clang',
    args: ['--target=wasm32-wasi', '-O2', '-ffp-contract=off', '-mexec-model=reactor', '-DARENA_WASM', '-o', out, source],
  }),
  compiler: (flags) =>
    once('clang', () => {
      const opt = wasmOpt(flags);
      return firstLine(run('clang', ['--version'])) + (opt === undefined ? '' : ` + ${opt}`);
    }),
  probes: [
    ['clang', '--version'],
    ['wasm-opt', '--version'],
  ],
  template: 'c',
};

export default clang;
