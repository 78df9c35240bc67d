/** The geometric mean of positive numbers: exp(mean(log x)). Throws on an empty list or a value ≤ 0. */
export function geomean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('geometric mean of an empty list');
  let logSum = 0;
  for (const x of xs) {
    if (!(x > 0)) throw new Error(`geometric mean needs positive values, got ${x}`);
    logSum += Math.log(x);
  }
  return Math.exp(logSum / xs.length);
}
