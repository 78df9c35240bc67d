// Package kittest holds the tests every Go variant shares: the contract's
// command line, report line and failures, run in-process through the
// variant's run function, plus a smoke test of the built binary.
//
// Modules come from packages/kernels (dist/*.wasm and fixtures/), found from
// the variant's package folder as ../../kernels, or from $ARENA_KERNELS_DIR.
package kittest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	kit "arena/go-kit"
)

// Runner is a variant's run function: main is os.Exit(run(os.Args[1:], ...)).
type Runner func(args []string, stdout, stderr io.Writer) int

// Result is one run's exit code and output.
type Result struct {
	Code           int
	Stdout, Stderr string
}

// Call runs r with args.
func Call(r Runner, args ...string) Result {
	var out, errOut bytes.Buffer
	code := r(args, &out, &errOut)
	return Result{code, out.String(), errOut.String()}
}

// CheckReport checks that res succeeded and that its last stdout line is a
// report of variant with `workers` results, all fibonacci(n); with a module,
// that moduleSha256 is the sha256 of that file (module is a path from here).
func CheckReport(t *testing.T, res Result, variant string, n uint32, workers int, module string) kit.Report {
	t.Helper()
	if res.Code != 0 {
		t.Fatalf("exit %d, stderr: %s", res.Code, res.Stderr)
	}
	lines := strings.Split(strings.TrimRight(res.Stdout, "\n"), "\n")
	var rep kit.Report
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rep); err != nil {
		t.Fatalf("last stdout line is not a report: %v\n%s", err, res.Stdout)
	}
	if rep.Variant != variant || rep.N != n || rep.Workers != workers || rep.Module != module {
		t.Errorf("report says variant %q n %d workers %d module %q; want %q %d %d %q",
			rep.Variant, rep.N, rep.Workers, rep.Module, variant, n, workers, module)
	}
	if module != "" {
		if want := fileSha256(t, module); rep.ModuleSha256 != want {
			t.Errorf("report says moduleSha256 %q; %s has %s", rep.ModuleSha256, module, want)
		}
	} else if rep.ModuleSha256 != "" {
		t.Errorf("report says moduleSha256 %q without a module", rep.ModuleSha256)
	}
	if len(rep.Results) != workers {
		t.Fatalf("%d results, want %d", len(rep.Results), workers)
	}
	for i, got := range rep.Results {
		if got != kit.Expected(n) {
			t.Errorf("worker %d: %d, want fibonacci(%d) = %d", i, got, n, kit.Expected(n))
		}
	}
	if rep.PhasesMs.ComputeMs < 0 {
		t.Errorf("computeMs %v < 0", rep.PhasesMs.ComputeMs)
	}
	return rep
}

func fileSha256(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// CheckFailure checks that res failed with exit code `code`, printed no
// report, and one stderr line starting "error:" that contains every want.
func CheckFailure(t *testing.T, res Result, code int, want ...string) {
	t.Helper()
	if res.Code != code {
		t.Errorf("exit %d, want %d (stderr: %s)", res.Code, code, res.Stderr)
	}
	if res.Stdout != "" {
		t.Errorf("stdout should be empty, got %q", res.Stdout)
	}
	line := strings.TrimSuffix(res.Stderr, "\n")
	if !strings.HasPrefix(line, "error: ") || strings.Contains(line, "\n") {
		t.Errorf("stderr should be one line starting with \"error: \", got %q", res.Stderr)
	}
	for _, w := range want {
		if !strings.Contains(line, w) {
			t.Errorf("stderr should mention %q, got %q", w, line)
		}
	}
}

// KernelsDir is packages/kernels.
func KernelsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ARENA_KERNELS_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "kernels")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// KernelModules is every module the kernels package built (dist/*.wasm).
func KernelModules(t *testing.T) []string {
	t.Helper()
	mods, _ := filepath.Glob(filepath.Join(KernelsDir(t), "dist", "*.wasm"))
	if len(mods) == 0 {
		t.Fatalf("no modules in %s/dist: build @arena/kernels first", KernelsDir(t))
	}
	return mods
}

// Fixture is the bad-input module fixtures/<name>.wasm of the kernels package.
func Fixture(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(KernelsDir(t), "fixtures", name+".wasm")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("fixture missing: %v", err)
	}
	return path
}

// TestCommandLine checks the contract's usage errors: exit 2, one "error:"
// line naming the argument. module is a valid --module for WASI variants,
// "" for the others (which must then reject --module).
func TestCommandLine(t *testing.T, run Runner, module string) {
	var mod []string
	if module != "" {
		mod = []string{"--module", module}
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--n", "-1"}, "--n"},
		{[]string{"--n", "abc"}, "--n"},
		{[]string{"--n", "0"}, "1..47"},
		{[]string{"--n=48"}, "1..47"},
		{[]string{"--n"}, "--n"},
		{[]string{"--workers", "0"}, "--workers"},
		{[]string{"--workers", "two"}, "≥ 1"},
		{[]string{"--workers=-3"}, "--workers"},
		{[]string{"--threads", "2"}, "--threads"},
		{[]string{"40"}, "40"},
	}
	if module == "" {
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{"--module", "x.wasm"}, "--module"})
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			CheckFailure(t, Call(run, append(c.args, mod...)...), 2, c.want)
		})
	}
	if module != "" {
		t.Run("no --module", func(t *testing.T) {
			CheckFailure(t, Call(run, "--n", "20"), 2, "--module")
		})
	}
}

// TestWorkers checks n=20 with 1 and 3 workers, and both argument forms.
func TestWorkers(t *testing.T, run Runner, variant, module string) {
	for _, c := range []struct {
		args    []string
		workers int
	}{
		{[]string{"--n", "20", "--workers", "1"}, 1},
		{[]string{"--workers=3", "--n=20"}, 3},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			args := c.args
			if module != "" {
				args = append(args, "--module", module)
			}
			CheckReport(t, Call(run, args...), variant, 20, c.workers, module)
		})
	}
}

// TestModules runs a WASI variant on every kernels module, and checks that a
// missing file, a module without the export and a trapping one fail with
// exit 1 and an error naming the file.
func TestModules(t *testing.T, run Runner, variant string) {
	for _, mod := range KernelModules(t) {
		t.Run(filepath.Base(mod), func(t *testing.T) { TestWorkers(t, run, variant, mod) })
	}
	missing := filepath.Join(t.TempDir(), "missing.wasm")
	t.Run("missing file", func(t *testing.T) {
		CheckFailure(t, Call(run, "--n", "20", "--workers", "2", "--module", missing), 1, missing)
	})
	for _, name := range []string{"no-export", "trap"} {
		t.Run(name, func(t *testing.T) {
			fx := Fixture(t, name)
			CheckFailure(t, Call(run, "--n", "20", "--workers", "2", "--module", fx), 1, fx, "fibonacci")
		})
	}
}

// TestBinary runs the built binary (relative to the package folder) from a
// temporary directory, with LD_LIBRARY_PATH unset, as the harness would.
// It is skipped when the binary is not built (go test without pnpm build).
func TestBinary(t *testing.T, bin, variant, module string) {
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		t.Skipf("%s not built: run the package's build script first", bin)
	}
	args := []string{"--n", "20", "--workers", "2"}
	if module != "" {
		args = append(args, "--module", module)
	}
	CheckReport(t, runBinary(t, abs, args...), variant, 20, 2, module)
	CheckFailure(t, runBinary(t, abs, "--n", "0"), 2, "--n")
}

func runBinary(t *testing.T, bin string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "LD_LIBRARY_PATH=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return Result{code, out.String(), errOut.String()}
}
