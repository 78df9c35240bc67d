// The counting fixture: nbody's C and JavaScript kernels doing a known fraction more work. After its
// steps, the kernel advances a copy of the system steps/every more steps, whose result goes to a sink
// the compiler cannot drop; the step loop itself is untouched (so is its code) and the answer stays
// the real system's, so the run still verifies. At every = 100 that is +1 % of the kernel's steps, at
// 200 +0.5 % (measured on polyglot: c-native +1.16 % of its counted instructions, whole and kernel;
// threads-js +0.60 % of its kernel's, +0.37 % whole).
//   c-native and clang.wasm run nbody.c; threads-js and cluster-js run nbody.js.

/** The files the fixture changes, relative to the repository root. */
export const FILES = { c: 'packages/workloads/nbody/c/nbody.c', js: 'packages/workloads/nbody/js/nbody.js' };

const C_LOOP = '  for (uint32_t s = 0; s < steps; s++) advance(b);\n';
const JS_LOOP = '  for (let s = 0; s < steps; s++) advance(b);\n';

const C_ADVANCE = 'static void advance(body *b) {';

/**
 * nbody.c whose kernel also advances a copy of the system steps/every steps, after the real steps,
 * with a copy of `advance`: calling `advance` itself from a second place would stop clang inlining it
 * into the step loop, which alone costs ~5 % more instructions.
 */
export function slowC(source: string, every: number): string {
  const start = source.indexOf(C_ADVANCE);
  const end = source.indexOf('\n}\n', start);
  if (!source.includes(C_LOOP) || start < 0 || end < 0) throw new Error(`${FILES.c}: its step loop or "${C_ADVANCE}" changed: update scripts/counting/slowdown.ts`);
  const copy = source.slice(start, end + 3).replace('static void advance(', 'static void advance_fixture(');
  return source.replace(C_ADVANCE, `${copy}\n${C_ADVANCE}`).replace(
    C_LOOP,
    `${C_LOOP}  /* counting fixture (scripts/counting/slowdown.ts): a copy advances steps/${every} more steps */
  {
    static volatile double sink;
    body extra[5];
    for (int i = 0; i < 5; i++) extra[i] = b[i];
    for (uint32_t s = 0; s < steps / ${every}; s++) advance_fixture(extra);
    sink = extra[0].x;
  }
`,
  );
}

/** nbody.js whose kernel also advances a copy of the system steps/every steps, after the real steps. */
export function slowJs(source: string, every: number): string {
  if (!source.includes(JS_LOOP)) throw new Error(`${FILES.js}: its step loop is not "${JS_LOOP.trim()}" any more: update scripts/counting/slowdown.ts`);
  return `${source.replace(
    JS_LOOP,
    `${JS_LOOP}  // counting fixture (scripts/counting/slowdown.ts): a copy advances steps/${every} more steps
  const extra = Float64Array.from(b);
  for (let s = 0; s < Math.floor(steps / ${every}); s++) advance(extra);
  sink = extra[0];
`,
  )}
// Written, so the extra steps cannot be dropped.
export let sink = 0;
`;
}
