import { isNodeCommand, type BuiltModule, type ResultRuntime, type RunConfig } from '@arena/contract';
import type { Target, TargetCounting } from '@arena/hyperfine-wrapper';
import { jsRuntime, type PlannedGo, type PlannedJs, type Runtimes } from '@arena/runtimes';
import path from 'node:path';
import { goBuiltCommand, KERNELS_DIST, type Modules, type Variant } from './discover.ts';
import { resultLabel, tableOf } from './identity.ts';
import { engineCacheDir, variationParameters, variationsOf } from './variations.ts';
import { answerTolerance, type Workload } from './workloads.ts';

/**
 * A variant's command from the repository root, before `--n` and the rest. On a JavaScript runtime (a
 * Node-style variant: its command starts with `node`) `node <script>` becomes that runtime's launch
 * of the script, with the manifest's nodeFlags it accepts as engine flags. A Go-built variant built by
 * a Go other than the default runs its program from bin/go/<version>/.
 */
export function variantCommand(v: Variant, js?: PlannedJs, go?: PlannedGo, settingFlags: string[] = []): { command: string; runtime?: ResultRuntime } {
  const manifestCommand = go ? goBuiltCommand(v.manifest.command, go) : v.manifest.command;
  const command = manifestCommand.replaceAll('{pkg}', v.dir);
  if (js === undefined) return { command };
  const [, script, ...rest] = command.split(' ').filter(Boolean);
  // A setting's flags are passed as they are (planTargets refuses one the runtime does not accept).
  const flags = [...v.manifest.nodeFlags.filter((f) => js.acceptedFlags.includes(f)), ...settingFlags];
  const words = [...jsRuntime(js.runtime).launch(js.binary, flags, script!), ...rest];
  return { command: words.join(' '), runtime: { name: js.runtime, version: js.version, engine: js.engine, engineVersion: js.engineVersion, flags } };
}

/**
 * What counting a variant on `js` needs (its manifest's `counting`): the engine flags and host
 * arguments it adds, and how its runs are counted; or why it is not countable.
 */
export function countingOf(v: Variant, js: PlannedJs | undefined): { flags: string[]; args: string[]; counting: TargetCounting } {
  const c = v.manifest.counting;
  if (c === undefined) return { flags: [], args: [], counting: { countable: false, why: `${v.name} declares no counting (packages/variants/README.md, "Counting")` } };
  if (c.kind === 'not-countable') return { flags: [], args: [], counting: { countable: false, why: c.why } };
  const flags = js ? ((c.engineFlags as Partial<Record<string, string[]>>)[js.engine] ?? []) : [];
  const refused = js ? flags.filter((f) => !js.acceptedFlags.includes(f)) : [];
  if (refused.length) return { flags: [], args: [], counting: { countable: false, why: `${js!.runtime} ${js!.version} does not accept ${refused.join(', ')}, which counting it needs` } };
  return { flags, args: c.args, counting: { countable: true, env: c.env, children: c.children } };
}

/** The JavaScript runtimes a variant runs on: every planned one for a Node-style variant, none (undefined: as it is) for another. */
function hostsOf(v: Variant, runtimes: Runtimes): Array<PlannedJs | undefined> {
  if (!isNodeCommand(v.manifest.command)) return [undefined];
  if (runtimes.js.length === 0) throw new Error(`${v.name} is a Node-style variant, but no JavaScript runtime was planned to run it on`);
  return runtimes.js;
}

/** The Go toolchains a variant's program is built by: every planned one for a Go-built variant, none (undefined) for another. */
function buildersOf(v: Variant, runtimes: Runtimes): Array<PlannedGo | undefined> {
  if (!v.goBuilt) return [undefined];
  if (runtimes.go.length === 0) throw new Error(`${v.name} is built with Go, but no Go toolchain was planned`);
  return runtimes.go;
}

/** One module a target runs: built (with the Go that built it, for the Go-compiled one) or missing with the reason. */
type ModuleChoice = { go?: PlannedGo } & ({ module: BuiltModule } | { producer: string; error: string });

/**
 * The modules of workload `w` a WASI variant runs: every non-Go module, and the Go-compiled one of
 * each Go toolchain — of its own toolchain only when the variant is itself built by Go (`builder`), so
 * that a Go host and the module it runs come from the same Go. A producer the workload cannot be
 * built with comes as missing, with the kernels manifest's reason.
 */
function modulesFor(modules: Modules, w: string, runtimes: Runtimes, builder: PlannedGo | undefined): ModuleChoice[] {
  const other: ModuleChoice[] = modules.other.filter((m) => m.workload === w).map((module) => ({ module }));
  const skipped: ModuleChoice[] = modules.skipped.filter((s) => s.workload === w).map((s) => ({ producer: s.producer, error: `no ${s.producer} module of ${w}: ${s.reason}` }));
  const gos = builder ? [builder] : runtimes.go;
  const go = gos.flatMap((g): ModuleChoice[] => {
    const m = modules.go[g.version];
    if (m === undefined || skipped.some((s) => 'producer' in s && s.producer === 'go')) return [];
    if (m.status === 'missing') return [{ go: g, producer: 'go', error: m.error }];
    const module = m.modules.find((x) => x.workload === w);
    return [module ? { go: g, module } : { go: g, producer: 'go', error: `no Go-compiled module of ${w} was built by ${g.version}` }];
  });
  // The kernels manifest's order (the producers' declared order), whichever Go built the Go module;
  // without one, as listed (a stable sort keeps it).
  const order = (c: ModuleChoice) => modules.order?.indexOf('module' in c ? c.module.producer : c.producer) ?? 0;
  return [...other, ...skipped, ...go].sort((a, b) => order(a) - order(b));
}

/**
 * The targets for each workload, variant and worker count: once per JavaScript runtime line for
 * Node-style variants (`parameters.node`, `.bun`, `.deno`), once per Go toolchain for Go-built variants and for the Go-compiled module
 * (`parameters.go`), once per kernel module of the workload for WASI variants. Results of one workload
 * with the same worker count share a table (their ratios are compared), so they share rounds. Worker
 * counts become a parameter only when scaling. The workloads run are config.sizes' keys, at those
 * sizes. A workload's float answers get its fmaTolerance on an `arch` whose compilers may fuse
 * multiply-adds (answerTolerance). `counted`: planned for counting, each target with its manifest's
 * counting flags and arguments and its `counting` (countingOf). Pure: the JavaScript runtimes, Gos
 * and modules come resolved in `runtimes` and `modules`.
 */
export function planTargets(
  variants: Variant[],
  workloads: Workload[],
  modules: Modules,
  config: RunConfig,
  runtimes: Runtimes,
  arch: string = process.arch,
  counted = false,
): { targets: Target[]; problems: Array<{ target: Target; error: string }> } {
  const targets: Target[] = [];
  const problems: Array<{ target: Target; error: string }> = [];
  const scaling = config.workers.length > 1;
  for (const w of workloads) {
    const size = config.sizes[w.name];
    if (size === undefined) continue;
    const seeded = w.spec.seeded;
    const tolerance = answerTolerance(w.spec, arch);
    for (const v of variants) {
      for (const workers of config.workers) {
        for (const js of hostsOf(v, runtimes)) {
          for (const builder of buildersOf(v, runtimes)) {
            for (const x of variationsOf(v, w, config, js?.engine)) {
              const setting = x.setting;
              const flags = setting?.declaration.kind === 'engine-flags' ? setting.declaration.flags : [];
              const count = counted ? countingOf(v, js) : undefined;
              const { command, runtime } = variantCommand(v, js, builder, [...flags, ...(count?.flags ?? [])]);
              const refused = js ? flags.filter((f) => !js.acceptedFlags.includes(f)) : [];
              const host = setting?.declaration.kind === 'host' ? ` --setting ${setting.name}` : '';
              const extra = count?.args.length ? ` ${count.args.join(' ')}` : '';
              const base = `${command} --workload ${w.name} --size ${x.size} --workers ${workers}${host}${x.calls ? ` --calls ${x.calls}` : ''}${extra}`;
              const params = (go?: PlannedGo): Record<string, string> => ({
                ...variationParameters(x),
                ...(scaling ? { workers: String(workers) } : {}),
                ...(js ? { [js.runtime]: js.line } : {}),
                ...(go ? { go: go.line } : {}),
              });
              const identify = (parameters: Record<string, string>) => ({ key: resultLabel({ variant: v.name, workload: w.name, parameters }), parameters });
              const common = (go?: PlannedGo) => ({
                variant: v.name,
                summary: v.manifest.summary,
                ...(v.manifest.twin ? { twin: v.manifest.twin } : {}),
                table: tableOf(w.name, workers, x.sized ? x.size : undefined),
                seeded,
                ...(tolerance === undefined ? {} : { tolerance }),
                ...(runtime ? { runtime } : {}),
                ...(go ? { goToolchain: go.version } : {}),
                ...(count ? { counting: count.counting } : {}),
              });
              const asked = {
                variant: v.name,
                workload: w.name,
                size: x.size,
                workers,
                ...(x.calls ? { calls: x.calls } : {}),
                ...(setting?.declaration.kind === 'host' ? { setting: setting.name } : {}),
              };
              // A setting the engine cannot take is a failed result naming why, never the defaults.
              const why = refused.length ? `${js!.runtime} ${js!.version} does not accept ${refused.join(', ')} (setting ${setting!.name})` : undefined;
              const cached = (module: string) => (setting?.declaration.kind === 'host' && setting.declaration.cache ? ` --cache-dir ${engineCacheDir(v.name, setting.name, module)}` : '');
              if (!v.manifest.wasmModules) {
                const target = { ...common(builder), ...identify(params(builder)), command: `${base}${cached('native')}`, asked };
                if (why) problems.push({ target, error: why });
                else targets.push(target);
                continue;
              }
              const choices = modulesFor(modules, w.name, runtimes, builder);
              if (choices.length === 0) {
                const target = { ...common(builder), ...identify(params(builder)), command: base, asked };
                problems.push({ target, error: `no kernel module of ${w.name} was built (${KERNELS_DIST}/manifest.json lists none)` });
                continue;
              }
              for (const c of choices) {
                const go = c.go ?? builder;
                const producer = 'module' in c ? c.module.producer : c.producer;
                const shared = { ...common(go), ...identify({ module: producer, ...params(go) }) };
                if (!('module' in c) || why) {
                  problems.push({ target: { ...shared, command: base, asked }, error: 'module' in c ? why! : c.error });
                  continue;
                }
                if (path.basename(c.module.file) !== `${producer}.wasm`) throw new Error(`${KERNELS_DIST}: module file ${c.module.file} must be named ${producer}.wasm`);
                const module = `${KERNELS_DIST}/${c.module.file}`;
                targets.push({ ...shared, command: `${base} --module ${module}${cached(c.module.file.replace(/\.wasm$/, ''))}`, asked: { ...asked, module } });
              }
            }
          }
        }
      }
    }
  }
  return { targets, problems };
}
