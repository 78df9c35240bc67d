// The counting fixture: nbody's C and JavaScript kernels doing a known fraction more work. Every
// `every` steps the kernel also advances a copy of the system, one more step of the same work whose
// result goes to a sink the compiler cannot drop; the answer stays the real system's, so the run
// still verifies. At every = 100 that is +1 % of the kernel's steps (plus a 5-body copy), at 200
// +0.5 %.
//   c-native and clang.wasm run nbody.c; threads-js and cluster-js run nbody.js.

/** The files the fixture changes, relative to the repository root. */
export const FILES = { c: 'packages/workloads/nbody/c/nbody.c', js: 'packages/workloads/nbody/js/nbody.js' };

const C_LOOP = '  for (uint32_t s = 0; s < steps; s++) advance(b);\n';
const JS_LOOP = '  for (let s = 0; s < steps; s++) advance(b);\n';

/** nbody.c with one extra step of a copy every `every` steps. */
export function slowC(source: string, every: number): string {
  if (!source.includes(C_LOOP)) throw new Error(`${FILES.c}: its step loop is not "${C_LOOP.trim()}" any more: update scripts/counting/slowdown.ts`);
  return source.replace(
    C_LOOP,
    `  /* counting fixture (scripts/counting/slowdown.ts): one more step of a copy every ${every} steps */
  static volatile double sink;
  body extra[5];
  for (uint32_t s = 0; s < steps; s++) {
    advance(b);
    if (s % ${every} == 0) {
      for (int i = 0; i < 5; i++) extra[i] = b[i];
      advance(extra);
      sink += extra[0].x;
    }
  }
`,
  );
}

/** nbody.js with one extra step of a copy every `every` steps. */
export function slowJs(source: string, every: number): string {
  if (!source.includes(JS_LOOP)) throw new Error(`${FILES.js}: its step loop is not "${JS_LOOP.trim()}" any more: update scripts/counting/slowdown.ts`);
  return `${source.replace(
    JS_LOOP,
    `  // counting fixture (scripts/counting/slowdown.ts): one more step of a copy every ${every} steps
  const extra = new Float64Array(35);
  for (let s = 0; s < steps; s++) {
    advance(b);
    if (s % ${every} === 0) {
      extra.set(b);
      advance(extra);
      sink += extra[0];
    }
  }
`,
  )}
// Written, so the extra steps cannot be dropped.
export let sink = 0;
`;
}
