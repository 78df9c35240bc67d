// nbody's kernel in AssemblyScript (assemblyscript.wasm): the rules of ../README.md, with the wasm
// interface (nbody returns the first result, nbody_result(i) each) in static memory, no GC.

const PI: f64 = 3.141592653589793;
const SOLAR_MASS: f64 = 4 * PI * PI;
const DAYS_PER_YEAR: f64 = 365.24;
const DT: f64 = 0.01;

// x, y, z, vx, vy, vz, m of 5 bodies.
const b = new StaticArray<f64>(35);
const last = new StaticArray<f64>(2);
let state: u32 = 0;

function splitmix32(): u32 {
  state += 0x9e3779b9;
  let z = state;
  z = (z ^ (z >>> 16)) * 0x85ebca6b;
  z = (z ^ (z >>> 13)) * 0xc2b2ae35;
  return z ^ (z >>> 16);
}

function set(i: i32, x: f64, y: f64, z: f64, vx: f64, vy: f64, vz: f64, m: f64): void {
  const o = i * 7;
  b[o] = x; b[o + 1] = y; b[o + 2] = z;
  b[o + 3] = vx * DAYS_PER_YEAR; b[o + 4] = vy * DAYS_PER_YEAR; b[o + 5] = vz * DAYS_PER_YEAR;
  b[o + 6] = m * SOLAR_MASS;
}

function energy(): f64 {
  let e: f64 = 0;
  for (let i = 0; i < 35; i += 7) {
    e += 0.5 * b[i + 6] * (b[i + 3] * b[i + 3] + b[i + 4] * b[i + 4] + b[i + 5] * b[i + 5]);
    for (let j = i + 7; j < 35; j += 7) {
      const dx = b[i] - b[j], dy = b[i + 1] - b[j + 1], dz = b[i + 2] - b[j + 2];
      e -= (b[i + 6] * b[j + 6]) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

function advance(): void {
  for (let i = 0; i < 35; i += 7) {
    for (let j = i + 7; j < 35; j += 7) {
      const dx = b[i] - b[j], dy = b[i + 1] - b[j + 1], dz = b[i + 2] - b[j + 2];
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = DT / (d2 * Math.sqrt(d2));
      b[i + 3] -= dx * b[j + 6] * mag; b[i + 4] -= dy * b[j + 6] * mag; b[i + 5] -= dz * b[j + 6] * mag;
      b[j + 3] += dx * b[i + 6] * mag; b[j + 4] += dy * b[i + 6] * mag; b[j + 5] += dz * b[i + 6] * mag;
    }
  }
  for (let i = 0; i < 35; i += 7) {
    b[i] += DT * b[i + 3];
    b[i + 1] += DT * b[i + 4];
    b[i + 2] += DT * b[i + 5];
  }
}

export function nbody(steps: u32, seed: u32): f64 {
  set(0, 0, 0, 0, 0, 0, 0, 1);
  set(1, 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04);
  set(2, 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04);
  set(3, 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05);
  set(4, 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05);
  if (seed != 0) {
    state = seed;
    for (let i = 7; i < 35; i += 7) {
      for (let k = 0; k < 3; k++) b[i + k] += (<f64>splitmix32() - 2147483648.0) * 4.440892098500626e-16;
    }
  }
  let px: f64 = 0, py: f64 = 0, pz: f64 = 0;
  for (let i = 0; i < 35; i += 7) {
    px += b[i + 3] * b[i + 6];
    py += b[i + 4] * b[i + 6];
    pz += b[i + 5] * b[i + 6];
  }
  b[3] = -px / SOLAR_MASS;
  b[4] = -py / SOLAR_MASS;
  b[5] = -pz / SOLAR_MASS;
  last[0] = energy();
  for (let s: u32 = 0; s < steps; s++) advance();
  last[1] = energy();
  return last[0];
}

export function nbody_result(i: u32): f64 {
  return i < 2 ? last[i] : 0;
}
