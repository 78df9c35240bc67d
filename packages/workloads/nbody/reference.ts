// The n-body reference: the Benchmarks Game's algorithm (5 bodies, float64, symplectic Euler), with
// the operation order its rules fix, so every language computes the same bits on x86-64. The seed
// perturbs the initial positions so that no answer can be precomputed (README.md says how).

const PI = Math.PI; // 3.141592653589793, the value the other languages spell out
const SOLAR_MASS = 4 * PI * PI;
const DAYS_PER_YEAR = 365.24;
const DT = 0.01;

/** x, y, z, vx, vy, vz, mass of one body. */
type Body = [number, number, number, number, number, number, number];

/** Sun, Jupiter, Saturn, Uranus, Neptune, as the Benchmarks Game gives them. */
function initialBodies(): Body[] {
  const body = (x: number, y: number, z: number, vx: number, vy: number, vz: number, mass: number): Body => [x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS];
  // biome-ignore-start lint/correctness/noPrecisionLoss: the Benchmarks Game's constants digit for digit, as the C, Go and AssemblyScript kernels spell them: each parses to the same nearest double
  // biome-ignore format: the constants as published (the formatter would rewrite their notation)
  return [
    body(0, 0, 0, 0, 0, 0, 1),
    body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
    body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
    body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
    body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05),
  ];
  // biome-ignore-end lint/correctness/noPrecisionLoss: end of the constants
}

/** splitmix32 (a 32-bit integer generator): the same u32 sequence in every language. */
export function* splitmix32(seed: number): Generator<number> {
  let state = seed >>> 0;
  for (;;) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    yield (z ^ (z >>> 16)) >>> 0;
  }
}

/**
 * Moves each planet (not the sun) by up to ±2^-20 AU per coordinate, x then y then z, body by body:
 * offset = (u32 − 2^31) × 2^-51, exact in float64, added to the coordinate. Seed 0 is the
 * unperturbed system, whose energies the Benchmarks Game publishes.
 */
export function perturb(bodies: Body[], seed: number): void {
  if (seed === 0) return;
  const random = splitmix32(seed);
  for (let i = 1; i < bodies.length; i++) {
    for (let k = 0; k < 3; k++) bodies[i]![k]! += (random.next().value - 2147483648) * 2 ** -51;
  }
}

function offsetMomentum(bodies: Body[]): void {
  let px = 0,
    py = 0,
    pz = 0;
  for (const b of bodies) {
    px += b[3] * b[6];
    py += b[4] * b[6];
    pz += b[5] * b[6];
  }
  const sun = bodies[0]!;
  sun[3] = -px / SOLAR_MASS;
  sun[4] = -py / SOLAR_MASS;
  sun[5] = -pz / SOLAR_MASS;
}

function energy(bodies: Body[]): number {
  let e = 0;
  for (let i = 0; i < bodies.length; i++) {
    const a = bodies[i]!;
    e += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5]);
    for (let j = i + 1; j < bodies.length; j++) {
      const b = bodies[j]!;
      const dx = a[0] - b[0],
        dy = a[1] - b[1],
        dz = a[2] - b[2];
      e -= (a[6] * b[6]) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

function advance(bodies: Body[], dt: number): void {
  for (let i = 0; i < bodies.length; i++) {
    const a = bodies[i]!;
    for (let j = i + 1; j < bodies.length; j++) {
      const b = bodies[j]!;
      const dx = a[0] - b[0],
        dy = a[1] - b[1],
        dz = a[2] - b[2];
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = dt / (d2 * Math.sqrt(d2));
      a[3] -= dx * b[6] * mag;
      a[4] -= dy * b[6] * mag;
      a[5] -= dz * b[6] * mag;
      b[3] += dx * a[6] * mag;
      b[4] += dy * a[6] * mag;
      b[5] += dz * a[6] * mag;
    }
  }
  for (const b of bodies) {
    b[0] += dt * b[3];
    b[1] += dt * b[4];
    b[2] += dt * b[5];
  }
}

/** The energy before and after `steps` steps of the system perturbed by `seed`: the workload's answer. */
export function nbody(steps: number, seed: number): [number, number] {
  const bodies = initialBodies();
  perturb(bodies, seed);
  offsetMomentum(bodies);
  const before = energy(bodies);
  for (let s = 0; s < steps; s++) advance(bodies, DT);
  return [before, energy(bodies)];
}

/** The workload's reference: the answer every worker must report for `steps` and `seed`. */
export const reference = (steps: number, seed: number): [number, number] => nbody(steps, seed);
