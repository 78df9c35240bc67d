// Package nbody is nbody's kernel in Go (go-native, and go.wasm): the rules of ../README.md.
package nbody

import "math"

const dt = 0.01

// Variables, not constants: Go folds constant expressions exactly (math.Pi has more digits than a
// float64), while the rules compute 4·π·π and the scaled velocities and masses in float64 steps.
var (
	pi          float64 = math.Pi
	solarMass           = 4 * pi * pi
	daysPerYear float64 = 365.24
)

type body struct{ x, y, z, vx, vy, vz, m float64 }

func splitmix32(state *uint32) uint32 {
	*state += 0x9e3779b9
	z := *state
	z = (z ^ (z >> 16)) * 0x85ebca6b
	z = (z ^ (z >> 13)) * 0xc2b2ae35
	return z ^ (z >> 16)
}

func energy(b *[5]body) float64 {
	e := 0.0
	for i := 0; i < 5; i++ {
		e += 0.5 * b[i].m * (b[i].vx*b[i].vx + b[i].vy*b[i].vy + b[i].vz*b[i].vz)
		for j := i + 1; j < 5; j++ {
			dx, dy, dz := b[i].x-b[j].x, b[i].y-b[j].y, b[i].z-b[j].z
			e -= (b[i].m * b[j].m) / math.Sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

func advance(b *[5]body) {
	for i := 0; i < 5; i++ {
		for j := i + 1; j < 5; j++ {
			dx, dy, dz := b[i].x-b[j].x, b[i].y-b[j].y, b[i].z-b[j].z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * math.Sqrt(d2))
			b[i].vx -= dx * b[j].m * mag
			b[i].vy -= dy * b[j].m * mag
			b[i].vz -= dz * b[j].m * mag
			b[j].vx += dx * b[i].m * mag
			b[j].vy += dy * b[i].m * mag
			b[j].vz += dz * b[i].m * mag
		}
	}
	for i := range b {
		b[i].x += dt * b[i].vx
		b[i].y += dt * b[i].vy
		b[i].z += dt * b[i].vz
	}
}

// Nbody returns the energy before and after steps steps of the system perturbed by seed.
func Nbody(steps, seed uint32) (float64, float64) {
	b := [5]body{
		{0, 0, 0, 0, 0, 0, solarMass},
		{4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * daysPerYear, 7.69901118419740425e-03 * daysPerYear, -6.90460016972063023e-05 * daysPerYear, 9.54791938424326609e-04 * solarMass},
		{8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * daysPerYear, 4.99852801234917238e-03 * daysPerYear, 2.30417297573763929e-05 * daysPerYear, 2.85885980666130812e-04 * solarMass},
		{1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * daysPerYear, 2.37847173959480950e-03 * daysPerYear, -2.96589568540237556e-05 * daysPerYear, 4.36624404335156298e-05 * solarMass},
		{1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * daysPerYear, 1.62824170038242295e-03 * daysPerYear, -9.51592254519715870e-05 * daysPerYear, 5.15138902046611451e-05 * solarMass},
	}
	if seed != 0 {
		state := seed
		for i := 1; i < 5; i++ {
			for _, c := range []*float64{&b[i].x, &b[i].y, &b[i].z} {
				*c += (float64(splitmix32(&state)) - 2147483648) * 0x1p-51
			}
		}
	}
	var px, py, pz float64
	for i := range b {
		px += b[i].vx * b[i].m
		py += b[i].vy * b[i].m
		pz += b[i].vz * b[i].m
	}
	b[0].vx, b[0].vy, b[0].vz = -px/solarMass, -py/solarMass, -pz/solarMass
	before := energy(&b)
	for s := uint32(0); s < steps; s++ {
		advance(&b)
	}
	return before, energy(&b)
}

// Run is the uniform entry (../../HOSTS.md): nbody's results in spec order, energy before and after.
func Run(size, seed uint32) []float64 {
	before, after := Nbody(size, seed)
	return []float64{before, after}
}
