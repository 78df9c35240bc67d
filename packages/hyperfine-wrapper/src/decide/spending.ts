/**
 * When decisions are looked at: after every round from `firstLook` to `lastLook` (the planned looks).
 * The error α of one comparison is spent over these looks, so that looking every round and stopping
 * at the first decision keeps it (Lan & DeMets 1983; Bonferroni over the looks, which holds whatever
 * the correlation between looks).
 */
export interface Looks {
  firstLook: number;
  lastLook: number;
}

/**
 * α spent up to information fraction t (0..1): the Pocock-type function α·ln(1 + (e − 1)·t) of Lan &
 * DeMets. It spends more early than O'Brien–Fleming's, which is what a bench wants: most of its
 * decisions (a 4× ratio) are plain at the first look, and a result that leaves early saves the most.
 */
export const pocockSpent = (alpha: number, t: number): number => alpha * Math.log(1 + (Math.E - 1) * Math.min(Math.max(t, 0), 1));

/** The information fraction of look n: the share of the planned rounds measured. */
const fraction = (n: number, looks: Looks): number => n / looks.lastLook;

/** α available at look n (a round number): what the spending function adds there; 0 outside the planned looks. */
export function alphaAtLook(alpha: number, n: number, looks: Looks): number {
  if (n < looks.firstLook || n > looks.lastLook) return 0;
  const before = n === looks.firstLook ? 0 : pocockSpent(alpha, fraction(n - 1, looks));
  return pocockSpent(alpha, fraction(n, looks)) - before;
}
