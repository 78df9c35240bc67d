// What `turbo gen variant` (and `pnpm arena new`) accepts: the templates and the name rules.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The templates of turbo/generators/templates/, each with the summary its variant starts with. */
export const TEMPLATES = {
  node: 'Node worker_threads: each thread runs the kernel of the workload in JavaScript',
  go: 'Go goroutines, one per job, the kernel of the workload in native Go',
  'wasi-node': 'Node worker_threads: the main thread compiles the WASI module of the workload once, each thread instantiates it and calls its kernel',
  'wasi-go': 'Go goroutines, one wazero instance each (pure Go, optimizing compiler)',
} as const;

/** A template name. */
export type TemplateName = keyof typeof TEMPLATES;

/** Whether `value` names a template. */
export const isTemplate = (value: string): value is TemplateName => Object.hasOwn(TEMPLATES, value);

/** kebab-case: lowercase letters and digits in words joined by single hyphens, starting with a letter. */
export const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The folder a variant named `name` lives in, relative to the repository root. */
export const variantDir = (name: string): string => path.posix.join('packages', 'variants', name);

/**
 * Checks a new variant's name: kebab-case, and no folder of that name under packages/variants/.
 * Returns true, or the reason it is refused (one line, naming the rule).
 */
export function checkVariantName(name: string, root: string): true | string {
  if (!KEBAB_CASE.test(name)) {
    return `variant name "${name}" must be kebab-case: lowercase letters and digits in words joined by "-", starting with a letter (e.g. threads-zig)`;
  }
  if (name.length > 40) return `variant name "${name}" is longer than 40 characters`;
  if (existsSync(path.join(root, variantDir(name)))) return `${variantDir(name)} already exists: pick another name`;
  return true;
}
