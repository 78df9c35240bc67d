module arena/variant-go-wazero

go 1.25.0

require (
	arena/go-kit v0.0.0
	arena/workloads v0.0.0
	github.com/tetratelabs/wazero v1.12.0
)

require golang.org/x/sys v0.44.0 // indirect

replace arena/go-kit => ../../go-kit

replace arena/workloads => ../../workloads
