// Reads one function's code out of a wasm module with wabt's `wasm-objdump -d`, and counts what the
// README's table shows: instructions and `call`s. Used by scripts/inspect.ts and test/inspect.test.ts.
import { spawnSync } from 'node:child_process';

export interface FunctionStats {
  index: number;
  name: string; // from the name section, or "func[N]" when the module has none
  instructions: number; // as wasm-objdump lists them: locals excluded, the closing `end` included
  calls: number; // `call` instructions (direct)
  selfCalls: number; // ... of which call this same function
  indirectCalls: number; // `call_indirect`
  loops: number;
  callees: string[]; // names of the other functions it calls directly, in order
}

export interface FibonacciStats {
  /** The function exported as "fibonacci". */
  exported: FunctionStats;
  /** The recursive function: the export itself, or the one it wraps (Go exports a wrapper). */
  body: FunctionStats;
}

function objdump(file: string, args: string[]): string {
  const r = spawnSync('wasm-objdump', [...args, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error !== undefined) throw new Error(`wasm-objdump not available (apt-get install wabt): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`wasm-objdump ${args.join(' ')} ${file} failed:\n${r.stderr}`);
  return r.stdout;
}

export function hasWasmObjdump(): boolean {
  return spawnSync('wasm-objdump', ['--version']).status === 0;
}

/** Parses `wasm-objdump -d` into { index → stats } for every function. */
function parseDisassembly(text: string): Map<number, FunctionStats> {
  const funcs = new Map<number, FunctionStats>();
  let cur: FunctionStats | undefined;
  for (const line of text.split('\n')) {
    const head = /^[0-9a-f]+ func\[(\d+)\](?: <(.*)>)?:$/.exec(line);
    if (head !== null) {
      const index = Number(head[1]);
      cur = { index, name: head[2] ?? `func[${index}]`, instructions: 0, calls: 0, selfCalls: 0, indirectCalls: 0, loops: 0, callees: [] };
      funcs.set(index, cur);
      continue;
    }
    const insn = /^ [0-9a-f]+: [0-9a-f ]+\|\s*(\S.*)$/.exec(line);
    if (cur === undefined || insn === null || insn[1]!.startsWith('local[')) continue;
    const op = insn[1]!;
    cur.instructions++;
    if (op.startsWith('loop')) cur.loops++;
    if (op.startsWith('call_indirect')) cur.indirectCalls++;
    const call = /^call (\d+)(?: <(.*)>)?/.exec(op);
    if (call === null) continue;
    cur.calls++;
    const target = Number(call[1]);
    if (target === cur.index) cur.selfCalls++;
    else cur.callees.push(call[2] ?? `func[${target}]`);
  }
  return funcs;
}

function exportedFunctionIndex(file: string, exportName: string): number {
  const text = objdump(file, ['-x', '-j', 'Export']);
  const m = new RegExp(`- func\\[(\\d+)\\].* -> "${exportName}"`).exec(text);
  if (m === null) throw new Error(`${file} has no function exported as "${exportName}"`);
  return Number(m[1]);
}

/** Stats for the exported "fibonacci" and for the recursive function behind it. */
export function inspectFibonacci(file: string): FibonacciStats {
  const index = exportedFunctionIndex(file, 'fibonacci');
  const funcs = parseDisassembly(objdump(file, ['-d']));
  const exported = funcs.get(index);
  if (exported === undefined) throw new Error(`${file}: no code for func[${index}]`);
  if (exported.selfCalls > 0 || exported.loops > 0) return { exported, body: exported };
  // A wrapper (Go's //go:wasmexport adapter): the body is the self-recursive function it calls.
  const body = [...funcs.values()].find((f) => f.selfCalls > 0 && exported.callees.includes(f.name));
  return { exported, body: body ?? exported };
}
