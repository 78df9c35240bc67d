package kit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// moduleFile writes a stand-in module (Run reads it, Compute never compiles
// it here) and returns its path.
func moduleFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "k.wasm")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParseArgsDefaultsAndForms(t *testing.T) {
	cfg, err := ParseArgs(nil, false)
	if err != nil || cfg.N != 40 || cfg.Workers != runtime.NumCPU() {
		t.Fatalf("defaults: %+v %v", cfg, err)
	}
	cfg, err = ParseArgs([]string{"--n=47", "--workers", "3", "--module", "m.wasm"}, true)
	if err != nil || cfg.N != 47 || cfg.Workers != 3 || cfg.Module != "m.wasm" || cfg.Wasm != nil {
		t.Fatalf("got %+v %v", cfg, err)
	}
}

func TestParseArgsRejectsBadValuesNamingTheArgument(t *testing.T) {
	for _, c := range []struct {
		args       []string
		withModule bool
		want       string
	}{
		{[]string{"--n", "-1"}, false, `--n must be an integer in 1..47, got "-1"`},
		{[]string{"--n", "48"}, false, "1..47"},
		{[]string{"--n", "+5"}, false, "--n"},
		{[]string{"--workers", "0"}, false, `--workers must be an integer ≥ 1, got "0"`},
		{[]string{"--workers", "99999999999"}, false, "--workers"},
		{[]string{"--workers"}, false, "--workers needs a value"},
		{[]string{"--module", "m.wasm"}, false, `unknown argument "--module"`},
		{[]string{"-n", "3"}, false, `unknown argument "-n"`},
		{[]string{"--n", "3"}, true, "--module <file.wasm> is required"},
		{[]string{"--module="}, true, "--module must be"},
	} {
		_, err := ParseArgs(c.args, c.withModule)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.args, err, c.want)
		}
	}
}

func TestRunPrintsTheReportLineLast(t *testing.T) {
	mod := moduleFile(t, "abc")
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(cfg Config) ([]uint32, Phases, error) {
		if string(cfg.Wasm) != "abc" {
			t.Errorf("Compute got module bytes %q, want the file's", cfg.Wasm)
		}
		return []uint32{5, 5}, Phases{CompileMs: MsPtr(1500), ComputeMs: 2.5}, nil
	}}
	var out, errOut bytes.Buffer
	code := Run(v, []string{"--n", "5", "--workers", "2", "--module", mod}, &out, &errOut)
	// moduleSha256 is sha256("abc").
	want := `{"variant":"go-test","n":5,"workers":2,"results":[5,5],"module":"` + mod +
		`","moduleSha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","phasesMs":{"compileMs":0.001,"computeMs":2.5}}` + "\n"
	if code != 0 || out.String() != want || errOut.Len() != 0 {
		t.Fatalf("code %d\nstdout %q\nwant   %q\nstderr %q", code, out.String(), want, errOut.String())
	}
}

func TestRunFailureExitsOneNamingTheModuleWithoutReport(t *testing.T) {
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(Config) ([]uint32, Phases, error) {
		return nil, Phases{}, errors.New("trap:\n  unreachable")
	}}
	mod := moduleFile(t, "abc")
	var out, errOut bytes.Buffer
	code := Run(v, []string{"--module", mod}, &out, &errOut)
	if code != 1 || out.Len() != 0 || errOut.String() != "error: module "+mod+": trap: unreachable\n" {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
	code = Run(v, []string{"--workers", "0", "--module", mod}, &out, &errOut)
	if code != 2 {
		t.Fatalf("usage error: code %d", code)
	}
}

func TestRunFailsOnAnUnreadableModuleWithoutComputing(t *testing.T) {
	v := Variant{Name: "go-test", NeedsModule: true, Compute: func(Config) ([]uint32, Phases, error) {
		t.Error("Compute ran without the module")
		return nil, Phases{}, nil
	}}
	var out, errOut bytes.Buffer
	code := Run(v, []string{"--module", "/nonexistent/k.wasm"}, &out, &errOut)
	want := "error: module /nonexistent/k.wasm: cannot open it: no such file or directory\n"
	if code != 1 || out.Len() != 0 || errOut.String() != want {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestRunReportsNoModuleSha256WithoutAModule(t *testing.T) {
	v := Variant{Name: "go-test", Compute: func(cfg Config) ([]uint32, Phases, error) {
		return []uint32{1}, Phases{}, nil
	}}
	var out, errOut bytes.Buffer
	if code := Run(v, []string{"--workers", "1"}, &out, &errOut); code != 0 || strings.Contains(out.String(), "module") {
		t.Fatalf("code %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}

func TestReadModuleErrorLeavesThePathToRun(t *testing.T) {
	_, err := ReadModule("/nonexistent/k.wasm")
	if err == nil || strings.Contains(err.Error(), "k.wasm") || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("got %v", err)
	}
}

func TestRunWorkersKeepsWorkerOrder(t *testing.T) {
	results, ph, err := RunWorkers(Config{N: 10, Workers: 4}, func(i int) (Worker, error) {
		return func(n uint32) (uint32, error) { return Fib(n) + uint32(i), nil }, nil
	})
	if err != nil || len(results) != 4 || ph.SpawnMs == nil || ph.InstantiateMs == nil {
		t.Fatalf("%v %+v %v", results, ph, err)
	}
	for i, r := range results {
		if r != 55+uint32(i) {
			t.Errorf("worker %d: %d", i, r)
		}
	}
}

func TestRunWorkersStopsAtAPrepareOrComputeError(t *testing.T) {
	_, _, err := RunWorkers(Config{N: 10, Workers: 3}, func(i int) (Worker, error) {
		if i == 1 {
			return nil, errors.New("no export")
		}
		return func(n uint32) (uint32, error) { t.Error("computed after a failed prepare"); return 0, nil }, nil
	})
	if err == nil || err.Error() != "no export" {
		t.Fatalf("prepare error: %v", err)
	}
	_, _, err = RunWorkers(Config{N: 10, Workers: 3}, func(i int) (Worker, error) {
		return func(n uint32) (uint32, error) { return 0, errors.New("trap") }, nil
	})
	if err == nil || err.Error() != "trap" {
		t.Fatalf("compute error: %v", err)
	}
	_, _, err = RunWorkers(Config{N: 10, Workers: 2}, func(i int) (Worker, error) {
		return func(n uint32) (uint32, error) { panic("boom") }, nil
	})
	if err == nil || err.Error() != "panic: boom" {
		t.Fatalf("panic: %v", err)
	}
}

func TestFibIsFibonacci(t *testing.T) {
	for n, want := range []uint32{0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55} {
		if Fib(uint32(n)) != want || Expected(uint32(n)) != want {
			t.Errorf("fib(%d): %d %d, want %d", n, Fib(uint32(n)), Expected(uint32(n)), want)
		}
	}
	if Expected(47) != 2971215073 || Fib(25) != Expected(25) {
		t.Errorf("Expected(47) = %d", Expected(47))
	}
}
