// nbody's kernel in C (c-native, and clang.wasm with -DARENA_WASM): the rules of ../README.md.
#include <math.h>
#include <stdint.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define DT 0.01

typedef struct { double x, y, z, vx, vy, vz, m; } body;

static uint32_t splitmix32(uint32_t *state) {
  uint32_t z = (*state += 0x9e3779b9u);
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static double energy(const body *b) {
  double e = 0;
  for (int i = 0; i < 5; i++) {
    e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < 5; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= (b[i].m * b[j].m) / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static void advance(body *b) {
  for (int i = 0; i < 5; i++) {
    for (int j = i + 1; j < 5; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double mag = DT / (d2 * sqrt(d2));
      b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
      b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
    }
  }
  for (int i = 0; i < 5; i++) { b[i].x += DT * b[i].vx; b[i].y += DT * b[i].vy; b[i].z += DT * b[i].vz; }
}

/**
 * The uniform C entry (../../HOSTS.md): the energy before and after `steps` steps of the system
 * perturbed by `seed`, into out[0] and out[1].
 */
void nbody_run(uint32_t steps, uint32_t seed, double *out) {
  body b[5] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR, -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR, -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
  };
  if (seed != 0) {
    uint32_t state = seed;
    for (int i = 1; i < 5; i++) {
      double *c[3] = {&b[i].x, &b[i].y, &b[i].z};
      for (int k = 0; k < 3; k++) *c[k] += ((double)splitmix32(&state) - 2147483648.0) * 0x1p-51;
    }
  }
  double px = 0, py = 0, pz = 0;
  for (int i = 0; i < 5; i++) { px += b[i].vx * b[i].m; py += b[i].vy * b[i].m; pz += b[i].vz * b[i].m; }
  b[0].vx = -px / SOLAR_MASS; b[0].vy = -py / SOLAR_MASS; b[0].vz = -pz / SOLAR_MASS;
  out[0] = energy(b);
  for (uint32_t s = 0; s < steps; s++) advance(b);
  out[1] = energy(b);
}

#ifdef ARENA_WASM
// The wasm interface (README.md): nbody(steps, seed) returns the first result, nbody_result(i) each.
static double last[2];

__attribute__((export_name("nbody"))) double nbody_export(uint32_t steps, uint32_t seed) {
  nbody_run(steps, seed, last);
  return last[0];
}

__attribute__((export_name("nbody_result"))) double nbody_result(uint32_t i) { return i < 2 ? last[i] : 0; }
#endif
