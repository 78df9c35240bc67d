import { execa } from 'execa';

/** A system tool the benchmark needs, and how to install it. */
export interface Tool {
  command: string;
  versionArgs: string[];
  install: string;
}

export const TOOLS = {
  hyperfine: { command: 'hyperfine', versionArgs: ['--version'], install: 'apt-get install hyperfine (or: bash scripts/setup.sh)' },
  go: { command: 'go', versionArgs: ['version'], install: 'install Go 1.24+ from go.dev/dl (or your distribution), then re-run' },
  clang: {
    command: 'clang',
    versionArgs: ['--version'],
    install: 'apt-get install clang lld wasi-libc libclang-rt-dev-wasm32 (or: bash scripts/setup.sh)',
  },
  /** The machine-wide lock is a kernel flock held by util-linux's `flock` (lock.ts). */
  flock: { command: 'flock', versionArgs: ['--version'], install: 'apt-get install util-linux' },
  /** Counts instructions for `arena compare --metric instructions` (cachegrind). */
  valgrind: { command: 'valgrind', versionArgs: ['--version'], install: 'apt-get install valgrind (or: bash scripts/setup.sh)' },
} satisfies Record<string, Tool>;

/** The tool's version line, or null when it is not on PATH. */
export async function toolVersion(tool: Tool): Promise<string | null> {
  try {
    const { stdout } = await execa(tool.command, tool.versionArgs, { timeout: 10_000 });
    return stdout.split('\n')[0]?.trim() ?? '';
  } catch {
    return null;
  }
}

/** Throws, naming the install command, for every tool that is missing. */
export async function requireTools(tools: Tool[]): Promise<void> {
  const missing: string[] = [];
  for (const tool of tools) {
    if ((await toolVersion(tool)) === null) missing.push(`${tool.command} is not installed: ${tool.install}`);
  }
  if (missing.length) throw new Error(missing.join('\n'));
}
