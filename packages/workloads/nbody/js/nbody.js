// nbody's kernel in JavaScript (cluster-js, threads-js): the rules of ../README.md, on one
// Float64Array (x, y, z, vx, vy, vz, m per body) rather than the reference's arrays of arrays.
const SOLAR_MASS = 4 * Math.PI * Math.PI;
const DAYS_PER_YEAR = 365.24;
const DT = 0.01;
// biome-ignore-start lint/correctness/noPrecisionLoss: the Benchmarks Game's constants digit for digit, as the C, Go and AssemblyScript kernels spell them: each parses to the same nearest double
// biome-ignore format: the constants as published (the formatter would rewrite their notation)
const INITIAL = [
  [0, 0, 0, 0, 0, 0, 1],
  [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04],
  [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04],
  [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05],
  [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05],
];
// biome-ignore-end lint/correctness/noPrecisionLoss: end of the constants

function energy(b) {
  let e = 0;
  for (let i = 0; i < 35; i += 7) {
    e += 0.5 * b[i + 6] * (b[i + 3] * b[i + 3] + b[i + 4] * b[i + 4] + b[i + 5] * b[i + 5]);
    for (let j = i + 7; j < 35; j += 7) {
      const dx = b[i] - b[j],
        dy = b[i + 1] - b[j + 1],
        dz = b[i + 2] - b[j + 2];
      e -= (b[i + 6] * b[j + 6]) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

function advance(b) {
  for (let i = 0; i < 35; i += 7) {
    for (let j = i + 7; j < 35; j += 7) {
      const dx = b[i] - b[j],
        dy = b[i + 1] - b[j + 1],
        dz = b[i + 2] - b[j + 2];
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = DT / (d2 * Math.sqrt(d2));
      b[i + 3] -= dx * b[j + 6] * mag;
      b[i + 4] -= dy * b[j + 6] * mag;
      b[i + 5] -= dz * b[j + 6] * mag;
      b[j + 3] += dx * b[i + 6] * mag;
      b[j + 4] += dy * b[i + 6] * mag;
      b[j + 5] += dz * b[i + 6] * mag;
    }
  }
  for (let i = 0; i < 35; i += 7) {
    b[i] += DT * b[i + 3];
    b[i + 1] += DT * b[i + 4];
    b[i + 2] += DT * b[i + 5];
  }
}

/** Energy before and after `steps` steps of the system perturbed by `seed` (u32). */
export function nbody(steps, seed) {
  const b = new Float64Array(35);
  INITIAL.forEach((v, i) => {
    b.set([v[0], v[1], v[2], v[3] * DAYS_PER_YEAR, v[4] * DAYS_PER_YEAR, v[5] * DAYS_PER_YEAR, v[6] * SOLAR_MASS], i * 7);
  });
  if (seed !== 0) {
    let state = seed >>> 0;
    for (let i = 7; i < 35; i += 7) {
      for (let k = 0; k < 3; k++) {
        state = (state + 0x9e3779b9) >>> 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        b[i + k] += (((z ^ (z >>> 16)) >>> 0) - 2147483648) * 2 ** -51;
      }
    }
  }
  let px = 0,
    py = 0,
    pz = 0;
  for (let i = 0; i < 35; i += 7) {
    px += b[i + 3] * b[i + 6];
    py += b[i + 4] * b[i + 6];
    pz += b[i + 5] * b[i + 6];
  }
  b[3] = -px / SOLAR_MASS;
  b[4] = -py / SOLAR_MASS;
  b[5] = -pz / SOLAR_MASS;
  const before = energy(b);
  for (let s = 0; s < steps; s++) advance(b);
  return [before, energy(b)];
}

/** The uniform entry (../../HOSTS.md): nbody's results in spec order, energy before and after. */
export function run(size, seed) {
  return nbody(size, seed);
}
