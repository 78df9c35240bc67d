import bun from './bun.ts';
import type { JsRuntimeDeclaration } from './declaration.ts';
import deno from './deno.ts';
import node from './node.ts';

export * from './declaration.ts';

/** Every JavaScript runtime, in the order reports list them. A new one is a file beside these and a line here. */
export const JS_RUNTIMES: readonly JsRuntimeDeclaration[] = [node, bun, deno];

/** The declaration of a runtime by name; throws naming the known ones. */
export function jsRuntime(name: string): JsRuntimeDeclaration {
  const found = JS_RUNTIMES.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no JavaScript runtime "${name}" (declared: ${JS_RUNTIMES.map((r) => r.name).join(', ')})`);
  return found;
}
