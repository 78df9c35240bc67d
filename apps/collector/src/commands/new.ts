import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { checkVariantName, isTemplate, TEMPLATES, variantDir } from '../../../../turbo/generators/variant-options.ts';
import { ConfigError } from '@arena/suite';
import { repoRoot } from '../paths.ts';

const TEMPLATE_LIST = Object.keys(TEMPLATES).join('|');

/** The one-line usage of `arena new`. */
export const NEW_USAGE = `usage: pnpm arena new <name> --template ${TEMPLATE_LIST}`;

/** What `arena new` was given; a missing part is asked for by turbo gen's prompts. */
export interface NewArgs {
  name?: string;
  template?: string;
}

/** Parses `<name> [--template|-t <template>]`; a usage error throws ConfigError (exit 2). */
export function parseNewArgs(args: string[], root: string): NewArgs {
  const out: NewArgs = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--template=') ? ['--template', arg.slice('--template='.length)] : [arg, undefined];
    if (flag === '--template' || flag === '-t') {
      const value = inline ?? args[++i];
      if (!value) throw new ConfigError(`--template needs a value: one of ${TEMPLATE_LIST}\n${NEW_USAGE}`);
      out.template = value;
    } else if (arg.startsWith('-')) {
      throw new ConfigError(`unknown option "${arg}"\n${NEW_USAGE}`);
    } else if (out.name === undefined) {
      out.name = arg;
    } else {
      throw new ConfigError(`unexpected argument "${arg}": give one name\n${NEW_USAGE}`);
    }
  }
  if (out.template !== undefined && !isTemplate(out.template)) {
    throw new ConfigError(`unknown template "${out.template}": one of ${TEMPLATE_LIST}\n${NEW_USAGE}`);
  }
  if (out.name !== undefined) {
    const verdict = checkVariantName(out.name, root);
    if (verdict !== true) throw new ConfigError(verdict);
  }
  return out;
}

const variantFolders = (root: string): Set<string> =>
  new Set(
    readdirSync(path.join(root, 'packages', 'variants'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name),
  );

/**
 * `arena new <name> --template <t>`: writes packages/variants/<name> with `turbo gen variant`
 * (turbo/generators/config.ts), non-interactively when both are given and through its prompts
 * otherwise (which needs a terminal). Prints the next steps; returns the exit code.
 */
export async function newVariant(args: string[]): Promise<number> {
  const root = repoRoot();
  const given = parseNewArgs(args, root);
  const complete = given.name !== undefined && given.template !== undefined;
  if (!complete && !process.stdin.isTTY) {
    throw new ConfigError(`both a name and --template are needed when not run in a terminal\n${NEW_USAGE}`);
  }
  const answers = given.name === undefined && given.template === undefined ? [] : [given.name ?? '_', given.template ?? '_'];
  const before = variantFolders(root);
  const gen = await execa('pnpm', ['exec', 'turbo', 'gen', 'variant', ...(answers.length ? ['--args', ...answers] : [])], {
    cwd: root,
    stdio: 'inherit',
    reject: false,
  });
  const created = [...variantFolders(root)].filter((folder) => !before.has(folder));
  const name = given.name ?? (created.length === 1 ? created[0] : undefined);
  if (gen.exitCode !== 0 || name === undefined || !existsSync(path.join(root, variantDir(name), 'package.json'))) {
    const how = gen.exitCode !== 0 ? `exited with status ${gen.exitCode}` : 'wrote no variant package';
    process.stderr.write(`error: turbo gen variant ${how} (see its output above)\n`);
    return 1;
  }
  const pkg = `@arena/variant-${name}`;
  const steps: Array<[string, string]> = [
    ['pnpm install', 'links it into the workspace'],
    [`pnpm turbo run typecheck lint test --filter=${pkg}`, 'builds it, typechecks and lints it, runs its own tests'],
    ['pnpm test', 'the conformance suite checks it with every other variant'],
    ['pnpm turbo bench', `it is in the next bench table (alone: BENCH_ONLY=${name} pnpm arena bench)`],
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  process.stdout.write(`\ncreated ${variantDir(name)} (${pkg}). Next:\n`);
  for (const [command, why] of steps) process.stdout.write(`  ${command.padEnd(width)}  ${why}\n`);
  return 0;
}
