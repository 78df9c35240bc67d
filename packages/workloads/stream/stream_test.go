package stream

import (
	"bytes"
	"testing"
)

// The first words of seed 7, computed apart (Python, 64-bit integers masked to 32), little-endian.
func TestFillGivesTheSeedsWordsLittleEndian(t *testing.T) {
	g := New(7)
	p := make([]byte, 12)
	g.Fill(p)
	want := []byte{0x29, 0xa3, 0x16, 0x23, 0x8a, 0x20, 0x7a, 0x73, 0x33, 0x91, 0x83, 0xff}
	if !bytes.Equal(p, want) {
		t.Fatalf("seed 7: % x, want % x", p, want)
	}
}

func TestFillContinuesTheStreamAcrossCalls(t *testing.T) {
	whole := make([]byte, 64)
	g := New(42)
	g.Fill(whole)
	g = New(42)
	var parts []byte
	for _, n := range []int{4, 28, 32} {
		p := make([]byte, n)
		g.Fill(p)
		parts = append(parts, p...)
	}
	if !bytes.Equal(parts, whole) {
		t.Fatal("filling in pieces gives another stream than filling at once")
	}
}

func TestDriveHandsEveryChunkInOrderInOneReusedBuffer(t *testing.T) {
	want := make([]byte, 5*16)
	g := New(4294967295)
	g.Fill(want)
	var got []byte
	var first *byte
	calls := 0
	Drive(5, 4294967295, 16, func(p []byte) {
		if len(p) != 16 {
			t.Fatalf("chunk of %d bytes, want 16", len(p))
		}
		if first == nil {
			first = &p[0]
		} else if &p[0] != first {
			t.Fatal("Drive allocated another buffer")
		}
		got = append(got, p...)
		calls++
	})
	if calls != 5 || !bytes.Equal(got, want) {
		t.Fatalf("%d calls, stream equal: %v", calls, bytes.Equal(got, want))
	}
}

// sum adds every byte it is given: a made-up kernel.
type sum struct{ begun, total uint32 }

func (s *sum) Chunk(p []byte) {
	for _, b := range p {
		s.total += uint32(b)
	}
}
func (s *sum) End() []float64 { return []float64{float64(s.begun), float64(s.total)} }

func TestRunBeginsDrivesAndEnds(t *testing.T) {
	run := Run(func(size, seed uint32) *sum { return &sum{begun: size} }, 8)
	var total uint32
	Drive(3, 9, 8, func(p []byte) {
		for _, b := range p {
			total += uint32(b)
		}
	})
	got := run(3, 9)
	if got[0] != 3 || got[1] != float64(total) {
		t.Fatalf("Run gave %v, want [3 %d]", got, total)
	}
}
