package main

import (
	"testing"

	"arena/go-kit/kittest"
)

func TestCommandLine(t *testing.T) {
	kittest.TestCommandLine(t, run, kittest.KernelModules(t)[0])
}

func TestEveryKernelModuleAndTheBadOnes(t *testing.T) { kittest.TestModules(t, run, "go-wasmtime") }

func TestBuiltBinary(t *testing.T) {
	kittest.TestBinary(t, "bin/go-wasmtime", "go-wasmtime", kittest.KernelModules(t)[0])
}
