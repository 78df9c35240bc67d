package kit

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"arena/workloads/registry"
	"arena/workloads/stream"
)

// Two made-up workloads, so the kit is seen to know none by name: an
// unseeded one with one u32 result and a seeded one with three f64 results.
var (
	alpha = registry.Workload{Name: "alpha", Export: "alpha", Results: 1, Answer: "u32", DefaultSize: 40, MaxSize: 47, SizeName: "n",
		Run: func(size, seed uint32) []float64 { return []float64{float64(size)} }}
	twoWords = registry.Workload{Name: "two-words", Export: "two_words", Seeded: true, Results: 3, Answer: "f64[]", DefaultSize: 500, MaxSize: 1000, SizeName: "steps",
		Run: func(size, seed uint32) []float64 { return []float64{float64(size), float64(seed), 0.1} }}
	madeUp = map[string]registry.Workload{"alpha": alpha, "two-words": twoWords}
	// A streamed one, 8-byte chunks, two results.
	hashChunks = registry.Workload{Name: "hash-chunks", Export: "hash_chunks", Seeded: true, Results: 2, Answer: "f64[]", DefaultSize: 10, MaxSize: 100, SizeName: "chunks", ChunkBytes: 8}
)

// moduleFile writes a stand-in module (run reads it, Compute never compiles
// it here) and returns its path.
func moduleFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "k.wasm")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParseArgsDefaultsToFibFromTheRegistry(t *testing.T) {
	cfg, err := ParseArgs(nil, false, nil)
	fib := registry.All["fib"]
	if err != nil || cfg.Workload.Name != "fib" || cfg.Size != fib.DefaultSize || cfg.Seed != 0 || cfg.Workers != runtime.NumCPU() || cfg.Module != "" {
		t.Fatalf("defaults: %+v %v", cfg, err)
	}
	cfg, err = ParseArgs([]string{"--workload", "nbody", "--seed=7", "--size", "1000", "--workers", "2", "--module", "m.wasm"}, true, nil)
	if err != nil || cfg.Workload.Name != "nbody" || cfg.Size != 1000 || cfg.Seed != 7 || cfg.Workers != 2 || cfg.Module != "m.wasm" || cfg.Wasm != nil {
		t.Fatalf("nbody: %+v %v", cfg, err)
	}
}

func TestParseArgsFormsDefaultsAndLastWins(t *testing.T) {
	cfg, err := parseArgs([]string{"--workload=two-words", "--seed", "4294967295", "--workers", "3", "--workers=4", "--module=m.wasm"}, true, nil, madeUp)
	if err != nil || cfg.Workload.Name != "two-words" || cfg.Size != 500 || cfg.Seed != math.MaxUint32 || cfg.Workers != 4 || cfg.Module != "m.wasm" {
		t.Fatalf("got %+v %v", cfg, err)
	}
	cfg, err = parseArgs([]string{"--workload", "alpha", "--size", "047"}, false, nil, madeUp)
	if err != nil || cfg.Workload.Name != "alpha" || cfg.Size != 47 || cfg.Seed != 0 {
		t.Fatalf("got %+v %v", cfg, err)
	}
	// --workload is looked up in the registry only: the default needs a fib.
	if _, err := parseArgs(nil, false, nil, madeUp); err == nil || err.Error() != "--workload must be one of alpha, two-words, got 'fib'" {
		t.Fatalf("default without fib: %v", err)
	}
}

func TestParseArgsRejectsBadValuesNamingTheArgument(t *testing.T) {
	for _, c := range []struct {
		args       []string
		withModule bool
		want       string
	}{
		{[]string{"--workload", "nope"}, false, "--workload must be one of alpha, two-words, got 'nope'"},
		{[]string{"--workload", "../alpha"}, false, "--workload must be one of alpha, two-words, got '../alpha'"},
		{[]string{"--workload="}, false, "--workload needs a value: one of alpha, two-words"},
		{[]string{"--workload"}, false, "--workload needs a value: one of alpha, two-words"},
		{[]string{"--workload", "alpha", "--size", "-1"}, false, "--size must be an integer in 1..47 (alpha's n), got '-1'"},
		{[]string{"--workload", "alpha", "--size", "48"}, false, "--size must be an integer in 1..47 (alpha's n), got '48'"},
		{[]string{"--workload", "alpha", "--size", "0"}, false, "--size must be an integer in 1..47 (alpha's n), got '0'"},
		{[]string{"--workload", "alpha", "--size", "+5"}, false, "--size must be an integer in 1..47 (alpha's n), got '+5'"},
		{[]string{"--workload", "alpha", "--size", " 5"}, false, "--size must be an integer in 1..47 (alpha's n), got ' 5'"},
		{[]string{"--workload", "alpha", "--size"}, false, "--size needs a value: an integer in 1..47 (alpha's n)"},
		{[]string{"--workload", "two-words", "--seed", "1", "--size=1001"}, false, "--size must be an integer in 1..1000 (two-words's steps), got '1001'"},
		{[]string{"--workload", "alpha", "--seed", "1"}, false, "--seed is not accepted: alpha is not seeded"},
		{[]string{"--workload", "two-words"}, false, "--seed is required: two-words is seeded (an integer in 0..4294967295)"},
		{[]string{"--workload", "two-words", "--seed", "4294967296"}, false, "--seed must be an integer in 0..4294967295, got '4294967296'"},
		{[]string{"--workload", "two-words", "--seed", "-1"}, false, "--seed must be an integer in 0..4294967295, got '-1'"},
		{[]string{"--workload", "two-words", "--seed"}, false, "--seed needs a value: an integer in 0..4294967295"},
		{[]string{"--workload", "alpha", "--workers", "0"}, false, "--workers must be an integer >= 1, got '0'"},
		{[]string{"--workload", "alpha", "--workers", "99999999999"}, false, "--workers must be an integer >= 1, got '99999999999'"},
		{[]string{"--workload", "alpha", "--workers"}, false, "--workers needs a value: an integer >= 1"},
		{[]string{"--module", "m.wasm"}, false, "unknown argument '--module' (allowed: --workload, --size, --seed, --workers, --calls, --setting, --cache-dir)"},
		{[]string{"--workload", "nope", "--bogus=1"}, true, "unknown argument '--bogus' (allowed: --workload, --size, --seed, --workers, --module, --calls, --setting, --cache-dir)"},
		{[]string{"-n", "3"}, false, "unknown argument '-n' (allowed: --workload, --size, --seed, --workers, --calls, --setting, --cache-dir)"},
		{[]string{"--n", "3"}, false, "unknown argument '--n' (allowed: --workload, --size, --seed, --workers, --calls, --setting, --cache-dir)"},
		{[]string{"--workload", "alpha", "40"}, false, "unexpected argument '40'"},
		{[]string{"--", "--size", "3"}, false, "unexpected argument '--'"},
		{[]string{"--workload", "alpha"}, true, "--module is required: the path of the workload's WASI module (.wasm)"},
		{[]string{"--workload", "alpha", "--module="}, true, "--module needs a value: the path of the workload's WASI module (.wasm)"},
		{[]string{"--workload", "alpha", "--module"}, true, "--module needs a value: the path of the workload's WASI module (.wasm)"},
	} {
		_, err := parseArgs(c.args, c.withModule, nil, madeUp)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %q", c.args, err, c.want)
		}
	}
}

// engine is a made-up host's settings: one keeps a cache.
var engine = map[string]Setting{"fast": {}, "cached": {Cache: true}}

func TestParseArgsReadsCallsSettingAndCacheDir(t *testing.T) {
	cfg, err := parseArgs([]string{"--workload", "alpha"}, false, engine, madeUp)
	if err != nil || cfg.Calls != 1 || cfg.Setting != "" || cfg.CacheDir != "" {
		t.Fatalf("defaults: %+v %v", cfg, err)
	}
	cfg, err = parseArgs([]string{"--workload", "alpha", "--calls", "5", "--setting=fast"}, false, engine, madeUp)
	if err != nil || cfg.Calls != 5 || cfg.Setting != "fast" || cfg.CacheDir != "" {
		t.Fatalf("fast: %+v %v", cfg, err)
	}
	cfg, err = parseArgs([]string{"--workload", "alpha", "--setting", "cached", "--cache-dir", "c d"}, false, engine, madeUp)
	if err != nil || cfg.Calls != 1 || cfg.Setting != "cached" || cfg.CacheDir != "c d" {
		t.Fatalf("cached: %+v %v", cfg, err)
	}
}

func TestParseArgsRejectsBadCallsSettingsAndCacheDirs(t *testing.T) {
	for _, c := range []struct {
		args     []string
		settings map[string]Setting
		want     string
	}{
		{[]string{"--calls", "0"}, nil, "--calls must be an integer >= 1, got '0'"},
		{[]string{"--calls", "x"}, nil, "--calls must be an integer >= 1, got 'x'"},
		{[]string{"--calls", "1.5"}, nil, "--calls must be an integer >= 1, got '1.5'"},
		{[]string{"--calls"}, nil, "--calls needs a value: an integer >= 1"},
		{[]string{"--setting", "fast"}, nil, "--setting is not accepted: this host implements no settings"},
		{[]string{"--setting", "slow"}, engine, "--setting must be one of cached, fast (got 'slow')"},
		{[]string{"--setting="}, engine, "--setting needs a value: one of cached, fast"},
		{[]string{"--setting"}, engine, "--setting needs a value: one of cached, fast"},
		{[]string{"--setting", "cached"}, engine, "--cache-dir is required: --setting cached keeps a compilation cache (a folder)"},
		{[]string{"--setting", "fast", "--cache-dir", "c"}, engine, "--cache-dir is not accepted: --setting fast keeps no compilation cache"},
		{[]string{"--cache-dir", "c"}, engine, "--cache-dir is not accepted without a --setting that keeps a compilation cache"},
		{[]string{"--setting", "cached", "--cache-dir="}, engine, "--cache-dir needs a value: the folder of the setting's compilation cache"},
	} {
		_, err := parseArgs(append([]string{"--workload", "alpha"}, c.args...), false, c.settings, madeUp)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %q", c.args, err, c.want)
		}
	}
}

func TestRunReportsCallsSettingAndTheirPhasesAndMakesTheCacheDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "cache")
	v := Variant{Name: "go-test", Settings: engine, Compute: func(cfg Config) ([][]float64, Phases, error) {
		if cfg.Calls != 3 || cfg.Setting != "cached" || cfg.CacheDir != dir {
			t.Errorf("Compute got calls %d setting %q cache dir %q", cfg.Calls, cfg.Setting, cfg.CacheDir)
		}
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("cache dir not made: %v", err)
		}
		return [][]float64{{7}}, Phases{ComputeMs: 3, FirstCallMs: MsPtr(2 * time.Millisecond), LaterCallMs: MsPtr(1500 * time.Microsecond)}, nil
	}}
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "alpha", "--workers", "1", "--calls", "3", "--setting", "cached", "--cache-dir", dir}, &out, &errOut)
	want := `{"variant":"go-test","workload":"alpha","size":40,"seed":null,"workers":1,"results":[7],"calls":3,"setting":"cached","phasesMs":{"computeMs":3,"firstCallMs":2,"laterCallMs":1.5}}` + "\n"
	if code != 0 || out.String() != want || errOut.Len() != 0 {
		t.Fatalf("code %d\nstdout %q\nwant   %q\nstderr %q", code, out.String(), want, errOut.String())
	}
	// One call: no calls in the report.
	v.Compute = func(cfg Config) ([][]float64, Phases, error) { return [][]float64{{7}}, Phases{ComputeMs: 3}, nil }
	out.Reset()
	code = run(v, madeUp, []string{"--workload", "alpha", "--workers", "1", "--calls", "1"}, &out, &errOut)
	if want := `{"variant":"go-test","workload":"alpha","size":40,"seed":null,"workers":1,"results":[7],"phasesMs":{"computeMs":3}}` + "\n"; code != 0 || out.String() != want {
		t.Fatalf("one call: code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestRunWorkersCallsEachWorkerCallsTimesAndReportsItsFirstAnswer(t *testing.T) {
	cfg := Config{Workload: twoWords, Size: 10, Seed: 9, Workers: 3, Calls: 4}
	var mu sync.Mutex
	count := map[int]int{}
	results, ph, err := RunWorkers(cfg, func(i int) (Worker, error) {
		return func(size, seed uint32) ([]float64, error) {
			mu.Lock()
			count[i]++
			mu.Unlock()
			// A fresh slice each call, -0 included, so the comparison is by bits.
			return []float64{float64(size), float64(seed), math.Copysign(0, -1)}, nil
		}, nil
	})
	if err != nil || len(results) != 3 || ph.FirstCallMs == nil || ph.LaterCallMs == nil {
		t.Fatalf("%v %+v %v", results, ph, err)
	}
	for i, r := range results {
		if count[i] != 4 || len(r) != 3 || r[0] != 10 || r[1] != 9 || !math.Signbit(r[2]) {
			t.Errorf("worker %d: %d calls, %v", i, count[i], r)
		}
	}
	_, ph, err = RunWorkers(Config{Workload: alpha, Size: 3, Workers: 2, Calls: 1}, func(int) (Worker, error) {
		return func(size, _ uint32) ([]float64, error) { return []float64{float64(size)}, nil }, nil
	})
	if err != nil || ph.FirstCallMs != nil || ph.LaterCallMs != nil {
		t.Errorf("one call: %+v %v", ph, err)
	}
}

func TestRunWorkersFailsWhenALaterCallAnswersOtherwise(t *testing.T) {
	for _, c := range []struct {
		later float64 // worker 2's answer from call 3 on
		want  string
	}{
		{1.5000000000000002, "worker 2 of 2: call 3's answer differs from call 1's"},
		{math.Copysign(0, -1), "worker 2 of 2: call 3's answer differs from call 1's"},
	} {
		cfg := Config{Workload: alpha, Size: 3, Workers: 2, Calls: 3}
		_, _, err := RunWorkers(cfg, func(i int) (Worker, error) {
			calls := 0
			first := 1.5
			if c.later == 0 {
				first = 0
			}
			return func(uint32, uint32) ([]float64, error) {
				calls++
				if i == 1 && calls >= 3 {
					return []float64{c.later}, nil
				}
				return []float64{first}, nil
			}, nil
		})
		if err == nil || err.Error() != c.want {
			t.Errorf("later %v: got %v, want %q", c.later, err, c.want)
		}
	}
}

func TestRunPrintsADifferentAnswerInTheWordsOfHOSTSmd(t *testing.T) {
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(cfg Config) ([][]float64, Phases, error) {
		return RunWorkers(cfg, func(i int) (Worker, error) {
			calls := 0
			return func(uint32, uint32) ([]float64, error) { calls++; return []float64{float64(calls)}, nil }, nil
		})
	}}
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "alpha", "--workers", "2", "--calls", "2", "--module", moduleFile(t, "abc")}, &out, &errOut)
	if code != 1 || out.Len() != 0 || errOut.String() != "error: worker 1 of 2: call 2's answer differs from call 1's\n" {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestFirstResultsTimesTheSlowestFirstCallAndTheMedianLaterCall(t *testing.T) {
	ms := func(v ...float64) []time.Duration {
		d := make([]time.Duration, len(v))
		for i, x := range v {
			d[i] = time.Duration(x * float64(time.Millisecond))
		}
		return d
	}
	one := [][]float64{{1}, {1}, {1}}
	var ph Phases
	_, err := FirstResults([]Calls{{one, ms(5, 1, 4)}, {one, ms(9, 2, 3)}}, &ph)
	// Later calls pooled: 1, 2, 3, 4: the mean of 2 and 3.
	if err != nil || *ph.FirstCallMs != 9 || *ph.LaterCallMs != 2.5 {
		t.Fatalf("even: %v %v %v", *ph.FirstCallMs, *ph.LaterCallMs, err)
	}
	_, err = FirstResults([]Calls{{one, ms(5, 1, 7)}, {one[:2], ms(3, 2)}}, &ph)
	if err != nil || *ph.FirstCallMs != 5 || *ph.LaterCallMs != 2 {
		t.Fatalf("odd: %v %v %v", *ph.FirstCallMs, *ph.LaterCallMs, err)
	}
}

func TestRunPrintsTheReportLineLastWithU32Answers(t *testing.T) {
	mod := moduleFile(t, "abc")
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(cfg Config) ([][]float64, Phases, error) {
		if string(cfg.Wasm) != "abc" {
			t.Errorf("Compute got module bytes %q, want the file's", cfg.Wasm)
		}
		// fib(47) needs all 32 bits of a u32.
		return [][]float64{{2971215073}, {5}}, Phases{CompileMs: MsPtr(1500), ComputeMs: 2.5}, nil
	}}
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "alpha", "--size", "5", "--workers", "2", "--module", mod}, &out, &errOut)
	// moduleSha256 is sha256("abc").
	want := `{"variant":"go-test","workload":"alpha","size":5,"seed":null,"workers":2,"results":[2971215073,5],"module":"` + mod +
		`","moduleSha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","phasesMs":{"compileMs":0.001,"computeMs":2.5}}` + "\n"
	if code != 0 || out.String() != want || errOut.Len() != 0 {
		t.Fatalf("code %d\nstdout %q\nwant   %q\nstderr %q", code, out.String(), want, errOut.String())
	}
}

func TestRunReportsF64AnswersThatReadBackAsTheSameDoubles(t *testing.T) {
	doubles := []float64{-0.16907516382852447, 0.1, 1e-7, 5e-324, math.MaxFloat64, -0.0, 1e21, 123456789.12345679}
	v := Variant{Name: "go-test", Compute: func(cfg Config) ([][]float64, Phases, error) {
		if cfg.Seed != 3000000000 || cfg.Size != 7 {
			t.Errorf("Compute got size %d seed %d", cfg.Size, cfg.Seed)
		}
		return [][]float64{doubles[:3], doubles[3:6]}, Phases{ComputeMs: 1}, nil
	}}
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "two-words", "--size", "7", "--seed", "3000000000", "--workers", "2"}, &out, &errOut)
	if code != 0 || errOut.Len() != 0 {
		t.Fatalf("code %d stderr %q", code, errOut.String())
	}
	want := `{"variant":"go-test","workload":"two-words","size":7,"seed":3000000000,"workers":2,"results":[[-0.16907516382852447,0.1,1e-7],[5e-324,1.7976931348623157e+308,0]],"phasesMs":{"computeMs":1}}` + "\n"
	if out.String() != want {
		t.Errorf("stdout %q\nwant   %q", out.String(), want)
	}
	var rep struct{ Results [][]float64 }
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for i, d := range slices.Concat(rep.Results...) {
		if math.Float64bits(d) != math.Float64bits(doubles[i]) && !(d == 0 && doubles[i] == 0) {
			t.Errorf("result %d reads back as %v, was %v", i, d, doubles[i])
		}
	}
}

func TestRunFailsOnAWorkerWithTheWrongNumberOfResults(t *testing.T) {
	v := Variant{Name: "go-test", Compute: func(cfg Config) ([][]float64, Phases, error) {
		return [][]float64{{1, 2, 3}, {1, 2}}, Phases{}, nil
	}}
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "two-words", "--seed", "1", "--workers", "2"}, &out, &errOut)
	if code != 1 || out.Len() != 0 || errOut.String() != "error: two-words: worker 1 returned 2 result(s), the spec has 3\n" {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestRunFailureExitsOneNamingTheModuleWithoutReport(t *testing.T) {
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(Config) ([][]float64, Phases, error) {
		return nil, Phases{}, errors.New("trap:\n  unreachable")
	}}
	mod := moduleFile(t, "abc")
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "alpha", "--module", mod}, &out, &errOut)
	if code != 1 || out.Len() != 0 || errOut.String() != "error: module "+mod+": trap: unreachable\n" {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	code = run(v, madeUp, []string{"--workload", "alpha", "--workers", "0", "--module", mod}, &out, &errOut)
	if code != 2 || out.Len() != 0 || errOut.String() != "error: --workers must be an integer >= 1, got '0'\n" {
		t.Fatalf("usage error: code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestRunFailsOnAnUnreadableModuleWithoutComputing(t *testing.T) {
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(Config) ([][]float64, Phases, error) {
		t.Error("Compute ran without the module")
		return nil, Phases{}, nil
	}}
	var out, errOut bytes.Buffer
	code := run(v, madeUp, []string{"--workload", "alpha", "--module", "/nonexistent/k.wasm"}, &out, &errOut)
	want := "error: module /nonexistent/k.wasm: cannot open it: no such file or directory\n"
	if code != 1 || out.Len() != 0 || errOut.String() != want {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestRunReportsNoModuleWithoutAModule(t *testing.T) {
	v := Variant{Name: "go-test", Compute: func(cfg Config) ([][]float64, Phases, error) {
		return [][]float64{{1}}, Phases{}, nil
	}}
	var out, errOut bytes.Buffer
	if code := run(v, madeUp, []string{"--workload", "alpha", "--workers", "1"}, &out, &errOut); code != 0 || strings.Contains(out.String(), "module") {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestReadModuleErrorLeavesThePathToRun(t *testing.T) {
	_, err := ReadModule("/nonexistent/k.wasm")
	if err == nil || strings.Contains(err.Error(), "k.wasm") || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("got %v", err)
	}
}

func TestRunWorkersKeepsWorkerOrderAndPassesSizeAndSeed(t *testing.T) {
	cfg := Config{Workload: twoWords, Size: 10, Seed: 9, Workers: 4}
	results, ph, err := RunWorkers(cfg, func(i int) (Worker, error) {
		return func(size, seed uint32) ([]float64, error) {
			return []float64{float64(size), float64(seed), float64(i)}, nil
		}, nil
	})
	if err != nil || len(results) != 4 || ph.SpawnMs == nil || ph.InstantiateMs == nil {
		t.Fatalf("%v %+v %v", results, ph, err)
	}
	for i, r := range results {
		if !slices.Equal(r, []float64{10, 9, float64(i)}) {
			t.Errorf("worker %d: %v", i, r)
		}
	}
}

func TestRunWorkersStopsAtAPrepareOrComputeError(t *testing.T) {
	cfg := Config{Workload: alpha, Size: 10, Workers: 3}
	_, _, err := RunWorkers(cfg, func(i int) (Worker, error) {
		if i == 1 {
			return nil, errors.New("no export")
		}
		return func(uint32, uint32) ([]float64, error) { t.Error("computed after a failed prepare"); return nil, nil }, nil
	})
	if err == nil || err.Error() != "no export" {
		t.Fatalf("prepare error: %v", err)
	}
	_, _, err = RunWorkers(cfg, func(i int) (Worker, error) {
		return func(uint32, uint32) ([]float64, error) { return nil, errors.New("trap") }, nil
	})
	if err == nil || err.Error() != "trap" {
		t.Fatalf("compute error: %v", err)
	}
	_, _, err = RunWorkers(Config{Workload: alpha, Workers: 2}, func(i int) (Worker, error) {
		return func(uint32, uint32) ([]float64, error) { panic("boom") }, nil
	})
	if err == nil || err.Error() != "panic: boom" {
		t.Fatalf("panic: %v", err)
	}
}

func TestKernelExportsAndParamsFollowTheSpec(t *testing.T) {
	if got := KernelExports(alpha); !slices.Equal(got, []string{"alpha"}) {
		t.Errorf("alpha: %v", got)
	}
	if got := KernelExports(twoWords); !slices.Equal(got, []string{"two_words", "two_words_result"}) {
		t.Errorf("two-words: %v", got)
	}
	if got := Params(alpha, 5, 9); !slices.Equal(got, []uint32{5}) {
		t.Errorf("alpha params: %v", got)
	}
	if got := Params(twoWords, 5, 9); !slices.Equal(got, []uint32{5, 9}) {
		t.Errorf("two-words params: %v", got)
	}
	never := func(string) bool { return false }
	err := CheckExports(twoWords, func(name string) bool { return name == "two_words" }, never)
	if err == nil || err.Error() != `it does not export a function "two_words_result" (the kernel of two-words)` {
		t.Errorf("CheckExports: %v", err)
	}
	// No memory needed: two-words is computed in one call.
	if err := CheckExports(twoWords, func(string) bool { return true }, never); err != nil {
		t.Errorf("CheckExports: %v", err)
	}
	if got := ValueExports(twoWords); !slices.Equal(got, []string{"two_words", "two_words_result"}) {
		t.Errorf("two-words value exports: %v", got)
	}
}

func TestAStreamedWorkloadAlsoNeedsItsStreamExportsAndMemory(t *testing.T) {
	if got := KernelExports(hashChunks); !slices.Equal(got, []string{"hash_chunks", "hash_chunks_buffer", "hash_chunks_begin", "hash_chunks_end", "hash_chunks_result"}) {
		t.Errorf("exports: %v", got)
	}
	if got := ValueExports(hashChunks); !slices.Equal(got, []string{"hash_chunks_buffer", "hash_chunks_end", "hash_chunks_result"}) {
		t.Errorf("value exports: %v", got)
	}
	one := hashChunks
	one.Results = 1
	if got := KernelExports(one); !slices.Equal(got, []string{"hash_chunks", "hash_chunks_buffer", "hash_chunks_begin", "hash_chunks_end"}) {
		t.Errorf("one result: %v", got)
	}
	all := func(string) bool { return true }
	isMemory := func(name string) bool { return name == "memory" }
	err := CheckExports(hashChunks, func(name string) bool { return name != "hash_chunks_end" }, isMemory)
	if err == nil || err.Error() != `it does not export a function "hash_chunks_end" (the kernel of hash-chunks)` {
		t.Errorf("no end: %v", err)
	}
	err = CheckExports(hashChunks, all, func(string) bool { return false })
	if err == nil || err.Error() != `it does not export its memory as "memory" (hash-chunks streams its input into it)` {
		t.Errorf("no memory: %v", err)
	}
	if err := CheckExports(hashChunks, all, isMemory); err != nil {
		t.Errorf("complete: %v", err)
	}
}

func TestKernelWorkerCallsTheExportThenEachFurtherResult(t *testing.T) {
	var calls []string
	kernel := func(args ...uint32) (float64, error) {
		calls = append(calls, "kernel"+sprint(args))
		return 1.5, nil
	}
	result := func(args ...uint32) (float64, error) {
		calls = append(calls, "result"+sprint(args))
		return float64(args[0]) / 4, nil
	}
	got, err := KernelWorker(twoWords, kernel, result)(7, 3000000000)
	if err != nil || !slices.Equal(got, []float64{1.5, 0.25, 0.5}) || !slices.Equal(calls, []string{"kernel[7,3000000000]", "result[1]", "result[2]"}) {
		t.Fatalf("got %v %v, calls %v", got, err, calls)
	}
	calls = nil
	got, err = KernelWorker(alpha, kernel, nil)(7, 0)
	if err != nil || !slices.Equal(got, []float64{1.5}) || !slices.Equal(calls, []string{"kernel[7]"}) {
		t.Fatalf("alpha: got %v %v, calls %v", got, err, calls)
	}
	trap := func(...uint32) (float64, error) { return 0, errors.New("trap: unreachable") }
	if _, err := KernelWorker(twoWords, trap, result)(7, 9); err == nil || err.Error() != "two_words(7, 9) failed: trap: unreachable" {
		t.Errorf("kernel trap: %v", err)
	}
	if _, err := KernelWorker(twoWords, kernel, trap)(7, 9); err == nil || err.Error() != "two_words_result(1) failed: trap: unreachable" {
		t.Errorf("result trap: %v", err)
	}
}

// fakeStream is a module of hash-chunks run by Go funcs: its kernel folds
// the bytes at (ptr, n) of its linear memory into an FNV-1a hash, so the
// answer tells whether every chunk was copied in, in order.
type fakeStream struct {
	mem    []byte
	buffer uint32
	calls  []string
	hash   uint32
	chunks uint32
	wrote  [][]byte // the slices handed to Write
}

func newFakeStream() *fakeStream { return &fakeStream{mem: make([]byte, 64), buffer: 40} }

func (f *fakeStream) log(name string, args []uint32) {
	f.calls = append(f.calls, name+"("+joinArgs(args)+")")
}

func (f *fakeStream) module() StreamCalls {
	return StreamCalls{
		Buffer: func(args ...uint32) (float64, error) { f.log("buffer", args); return float64(f.buffer), nil },
		Begin:  func(args ...uint32) error { f.log("begin", args); f.hash = 2166136261; return nil },
		Chunk: func(ptr, n uint32) error {
			f.log("chunk", []uint32{ptr, n})
			for _, b := range f.mem[ptr : ptr+n] {
				f.hash = (f.hash ^ uint32(b)) * 16777619
			}
			f.chunks++
			return nil
		},
		End:    func(args ...uint32) (float64, error) { f.log("end", args); return float64(f.hash), nil },
		Result: func(args ...uint32) (float64, error) { f.log("result", args); return float64(f.chunks), nil },
		Write: func(offset uint32, p []byte) error {
			f.log("write", []uint32{offset, uint32(len(p))})
			f.wrote = append(f.wrote, p)
			return CopyInto(f.mem, offset, p)
		},
	}
}

// fnv1a is the hash of the first n bytes of seed's stream.
func fnv1a(seed uint32, n int) uint32 {
	p := make([]byte, n)
	g := stream.New(seed)
	g.Fill(p)
	h := uint32(2166136261)
	for _, b := range p {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

func TestStreamWorkerCopiesEachChunkInThenCallsTheKernel(t *testing.T) {
	f := newFakeStream()
	got, err := StreamWorker(hashChunks, f.module())(3, 3000000000)
	if err != nil || !slices.Equal(got, []float64{float64(fnv1a(3000000000, 3*8)), 3}) {
		t.Fatalf("got %v %v, want the hash of 24 stream bytes and 3 chunks", got, err)
	}
	want := []string{"begin(3, 3000000000)", "buffer()",
		"write(40, 8)", "chunk(40, 8)", "write(40, 8)", "chunk(40, 8)", "write(40, 8)", "chunk(40, 8)",
		"end()", "result(1)"}
	if !slices.Equal(f.calls, want) {
		t.Errorf("calls %v, want %v", f.calls, want)
	}
	// One host buffer, reused, outside linear memory: a real copy each time.
	for _, p := range f.wrote {
		if &p[0] != &f.wrote[0][0] {
			t.Errorf("Write got another buffer")
		}
		if &p[0] == &f.mem[f.buffer] {
			t.Errorf("Write got linear memory itself")
		}
	}
	// Another seed, another stream.
	g := newFakeStream()
	if got, _ := StreamWorker(hashChunks, g.module())(3, 7); got[0] == float64(fnv1a(3000000000, 24)) || got[0] != float64(fnv1a(7, 24)) {
		t.Errorf("seed 7: %v", got)
	}
}

func TestStreamWorkerNamesTheCallThatFailed(t *testing.T) {
	trap := func(...uint32) (float64, error) { return 0, errors.New("trap: unreachable") }
	for _, c := range []struct {
		name  string
		spoil func(*StreamCalls)
		want  string
	}{
		{"begin", func(c *StreamCalls) { c.Begin = func(...uint32) error { return errors.New("trap: unreachable") } }, "hash_chunks_begin(3, 9) failed: trap: unreachable"},
		{"buffer", func(c *StreamCalls) { c.Buffer = trap }, "hash_chunks_buffer() failed: trap: unreachable"},
		{"chunk", func(c *StreamCalls) {
			n := 0
			c.Chunk = func(ptr, len uint32) error {
				if n++; n == 2 {
					return errors.New("trap: out of bounds")
				}
				return nil
			}
		}, "hash_chunks(40, 8) failed at chunk 1: trap: out of bounds"},
		{"end", func(c *StreamCalls) { c.End = trap }, "hash_chunks_end() failed: trap: unreachable"},
		{"result", func(c *StreamCalls) { c.Result = trap }, "hash_chunks_result(1) failed: trap: unreachable"},
		{"buffer past the memory", func(c *StreamCalls) {
			c.Buffer = func(...uint32) (float64, error) { return 60, nil }
		}, "copying chunk 0 into linear memory at 60 failed: 8 bytes at 60 run past the end of linear memory (64 bytes)"},
	} {
		calls := newFakeStream().module()
		c.spoil(&calls)
		if _, err := StreamWorker(hashChunks, calls)(3, 9); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestCopyIntoCopiesOrRefusesWhole(t *testing.T) {
	mem := make([]byte, 8)
	if err := CopyInto(mem, 4, []byte{1, 2, 3, 4}); err != nil || !slices.Equal(mem, []byte{0, 0, 0, 0, 1, 2, 3, 4}) {
		t.Errorf("fits: %v %v", mem, err)
	}
	if err := CopyInto(mem, 5, []byte{9, 9, 9, 9}); err == nil || !slices.Equal(mem, []byte{0, 0, 0, 0, 1, 2, 3, 4}) {
		t.Errorf("past the end: %v %v", mem, err)
	}
	if err := CopyInto(mem, math.MaxUint32, []byte{9}); err == nil {
		t.Errorf("offset near 2^32: no error")
	}
}

func sprint(args []uint32) string {
	b, _ := json.Marshal(args)
	return string(b)
}

func TestNumberCallReadsTheValueAndPassesErrorsOn(t *testing.T) {
	got, err := NumberCall(func(args ...uint32) (any, error) { return int32(-1), nil })(1, 2)
	if err != nil || got != 4294967295 {
		t.Fatalf("got %v, %v; want 4294967295 (an i32 read as a u32)", got, err)
	}
	trap := errors.New("trap")
	if _, err := NumberCall(func(args ...uint32) (any, error) { return nil, trap })(); err != trap {
		t.Fatalf("got %v, want the call's own error", err)
	}
}

func TestWasmNumberReadsAnI32AsAU32(t *testing.T) {
	for _, c := range []struct {
		in   any
		want float64
	}{
		{int32(-1323752223), 2971215073}, {int32(5), 5}, {int64(-2), -2}, {float32(0.5), 0.5}, {-0.16907516382852447, -0.16907516382852447},
	} {
		if got, err := WasmNumber(c.in); err != nil || got != c.want {
			t.Errorf("%T %v: got %v %v, want %v", c.in, c.in, got, err, c.want)
		}
	}
	if _, err := WasmNumber(nil); err == nil || err.Error() != "returned <nil>, want a number" {
		t.Errorf("nil: %v", err)
	}
}
