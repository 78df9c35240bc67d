package main

import (
	"testing"

	"arena/go-kit/kittest"
)

func TestCommandLine(t *testing.T) { kittest.TestCommandLine(t, run, "") }

func TestWorkersComputeFibonacci(t *testing.T) { kittest.TestWorkers(t, run, "go-native", "") }

func TestBuiltBinary(t *testing.T) { kittest.TestBinary(t, "bin/go-native", "go-native", "") }
