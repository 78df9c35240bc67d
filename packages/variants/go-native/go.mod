module arena/variant-go-native

go 1.25.0

require arena/go-kit v0.0.0

require arena/workloads v0.0.0 // indirect

replace arena/go-kit => ../../go-kit

replace arena/workloads => ../../workloads
