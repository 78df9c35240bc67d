import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { checkWorkloadName, workloadDir } from '../../../../turbo/generators/workload-options.ts';
import { ConfigError } from '@arena/suite';
import { repoRoot } from '../paths.ts';

/** The one-line usage of `arena new-workload`. */
export const NEW_WORKLOAD_USAGE = 'usage: pnpm arena new-workload <name>';

/** Parses `<name>`, the one argument; a usage error throws ConfigError (exit 2). */
export function parseNewWorkloadArgs(args: string[], root: string): string {
  const option = args.find((arg) => arg.startsWith('-'));
  if (option !== undefined) throw new ConfigError(`unknown option "${option}"\n${NEW_WORKLOAD_USAGE}`);
  if (args.length === 0) throw new ConfigError(`a workload name is needed\n${NEW_WORKLOAD_USAGE}`);
  if (args.length > 1) throw new ConfigError(`unexpected argument "${args[1]}": give one name\n${NEW_WORKLOAD_USAGE}`);
  const verdict = checkWorkloadName(args[0]!, root);
  if (verdict !== true) throw new ConfigError(verdict);
  return args[0]!;
}

/**
 * `arena new-workload <name>`: writes packages/workloads/<name> with `turbo gen workload`
 * (turbo/generators/workload-generator.ts): a trivial but real seeded computation in every language,
 * which builds and passes conformance on every variant as written. Prints the next steps.
 */
export async function newWorkload(args: string[], root = repoRoot()): Promise<number> {
  const name = parseNewWorkloadArgs(args, root);
  const gen = await execa('pnpm', ['exec', 'turbo', 'gen', 'workload', '--args', name], { cwd: root, stdio: 'inherit', reject: false });
  if (gen.exitCode !== 0 || !existsSync(path.join(root, workloadDir(name), 'workload.json'))) {
    const how = gen.exitCode !== 0 ? `exited with status ${gen.exitCode}` : 'wrote no workload folder';
    process.stderr.write(`error: turbo gen workload ${how} (see its output above)\n`);
    return 1;
  }
  const steps: Array<[string, string]> = [
    [`edit ${workloadDir(name)}/README.md`, 'the rules of your computation, then the reference and every kernel'],
    ['pnpm turbo run test --filter=@arena/workloads --filter=@arena/kernels', 'every kernel against the reference, bit for bit'],
    ['pnpm test', 'the conformance suite runs every variant on it'],
    [`BENCH_WORKLOADS=${name} BENCH_PROFILE=quick pnpm arena bench`, 'every variant on it alone; `pnpm turbo bench` includes it'],
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  process.stdout.write(`\ncreated ${workloadDir(name)}: it builds and passes as it is. Next:\n`);
  for (const [command, why] of steps) process.stdout.write(`  ${command.padEnd(width)}  ${why}\n`);
  return 0;
}
