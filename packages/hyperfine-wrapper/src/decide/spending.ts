import erfc from '@stdlib/math-base-special-erfc';

/**
 * When decisions are looked at: after every round from `firstLook` to `lastLook` (the planned looks,
 * counted in rounds a comparison's two results share). Looking at fewer of them (a comparison that
 * waits a round) only makes the boundary stricter than it needs to be.
 */
export interface Looks {
  firstLook: number;
  lastLook: number;
}

const GRID = 161;
const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** Simpson weights for `n` (odd) points `h` apart. */
const simpson = (n: number, h: number): number[] => Array.from({ length: n }, (_, i) => ((i === 0 || i === n - 1 ? 1 : i % 2 ? 4 : 2) * h) / 3);

/**
 * P(|Z_k| ≥ c at some look k) for Z_k = S_k / √info_k, S a Gaussian random walk with unit variance per
 * unit of information: the recursive numerical integration of Armitage, McPherson & Rowe (1969), as
 * Jennison & Turnbull (2000, ch. 19) give it, with Simpson's rule over each look's continuation region.
 */
export function crossingProbability(c: number, info: readonly number[]): number {
  let grid: number[] = [];
  let density: number[] = [];
  let weights: number[] = [];
  for (const [k, n] of info.entries()) {
    const half = c * Math.sqrt(n);
    const h = (2 * half) / (GRID - 1);
    const next = Array.from({ length: GRID }, (_, i) => -half + i * h);
    if (k === 0) density = next.map((s) => phi(s / Math.sqrt(n)) / Math.sqrt(n));
    else {
      const sd = Math.sqrt(n - info[k - 1]!);
      density = next.map((s) => grid.reduce((a, u, i) => a + weights[i]! * density[i]! * phi((s - u) / sd), 0) / sd);
    }
    grid = next;
    weights = simpson(GRID, h);
  }
  return 1 - density.reduce((a, f, i) => a + weights[i]! * f, 0);
}

const boundaries = new Map<string, number>();

/**
 * Pocock's constant boundary: the c with crossingProbability(c, info) = alpha (two-sided), by bisection.
 * Memoized: the same looks and level give the same boundary for every comparison of a run.
 */
export function pocockBoundary(alpha: number, info: readonly number[]): number {
  const key = `${alpha}|${info.join(',')}`;
  const known = boundaries.get(key);
  if (known !== undefined) return known;
  // Illinois regula falsi on log crossing − log alpha: a dozen integrations instead of bisection's forty.
  const f = (c: number) => Math.log(crossingProbability(c, info)) - Math.log(alpha);
  let [a, b] = [1, 7];
  let [fa, fb] = [f(a), f(b)];
  let side = 0;
  let c = b;
  for (let i = 0; i < 60 && b - a > 1e-7; i++) {
    c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (Math.abs(fc) < 1e-9) break;
    if (fc > 0) {
      [a, fa] = [c, fc];
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      [b, fb] = [c, fc];
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  boundaries.set(key, c);
  return c;
}

/** The rounds at which a comparison is looked at. */
const lookRounds = (looks: Looks): number[] => Array.from({ length: looks.lastLook - looks.firstLook + 1 }, (_, i) => looks.firstLook + i);

/**
 * The two-sided nominal level of every planned look for an error `alpha` over all of them: Pocock's
 * boundary c as a level, erfc(c / √2). A group-sequential boundary, not Bonferroni over the looks: it
 * counts how much consecutive looks (which share most of their rounds) overlap, so each look gets far
 * more than alpha / looks. 0 outside the planned looks.
 */
export function alphaAtLook(alpha: number, n: number, looks: Looks): number {
  if (n < looks.firstLook || n > looks.lastLook || !(alpha > 0)) return 0;
  return erfc(pocockBoundary(alpha, lookRounds(looks)) / Math.SQRT2);
}

/**
 * The nominal levels of one look for a comparison at error `alpha`: two-sided for a difference (does
 * the interval exclude 1?) and one-sided for each of equivalence's two tests — Pocock's boundary at
 * 2·alpha, one side of it, since an equivalence claim can only err on the side the truth lies beyond.
 */
export function lookLevels(alpha: number, n: number, looks: Looks): { difference: number; equivalence: number } {
  return { difference: alphaAtLook(alpha, n, looks), equivalence: alphaAtLook(Math.min(2 * alpha, 0.5), n, looks) / 2 };
}
