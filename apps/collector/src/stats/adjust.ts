/**
 * Multiple-testing adjustments of p-values, computed as R's p.adjust: each returns the adjusted
 * p-values in the order of its input, so `adjusted[i] < α` is the procedure's decision on test i.
 */

function check(p: readonly number[]): void {
  for (const v of p) if (!(v >= 0 && v <= 1)) throw new Error(`p-values must lie in [0, 1], got ${v}`);
}

/** Indices of p sorted by value (stable, so tied p-values keep their input order, as R's order()). */
const ascending = (p: readonly number[]): number[] => p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);

/**
 * Holm's (1979) step-down adjustment, as R's `p.adjust(p, "holm")`: the i-th smallest p-value is
 * multiplied by (m − i + 1), then a running maximum keeps the adjusted values in the order of the raw
 * ones (a test cannot be rejected unless every smaller p-value is), capped at 1. Controls the
 * family-wise error rate under any dependence. Throws on values outside [0, 1].
 */
export function holm(p: readonly number[]): number[] {
  check(p);
  const m = p.length;
  const out = new Array<number>(m);
  let runningMax = 0;
  ascending(p).forEach((index, i) => {
    runningMax = Math.max(runningMax, (m - i) * p[index]!);
    out[index] = Math.min(1, runningMax);
  });
  return out;
}

/**
 * Benjamini & Hochberg's (1995) step-up adjustment, as R's `p.adjust(p, "BH")`: from the largest
 * p-value down, the i-th smallest becomes min over j ≥ i of (m / j)·p₍ⱼ₎ (the step-up rule rejects
 * every hypothesis below the largest one that passes), capped at 1. Controls the false discovery
 * rate for independent (or positively dependent) tests. Throws on values outside [0, 1].
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  check(p);
  const m = p.length;
  const out = new Array<number>(m);
  const order = ascending(p);
  let runningMin = Infinity;
  for (let i = m; i >= 1; i--) {
    const index = order[i - 1]!;
    // (m / i) · p, in R's order of operations, so the values agree with R's to the last bit.
    runningMin = Math.min(runningMin, (m / i) * p[index]!);
    out[index] = Math.min(1, runningMin);
  }
  return out;
}

/** The decisions at level α for adjusted p-values: true where adjusted < α. */
export function rejected(adjusted: readonly number[], alpha: number): boolean[] {
  return adjusted.map((q) => q < alpha);
}
