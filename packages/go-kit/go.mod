module arena/go-kit

go 1.25.0

require arena/workloads v0.0.0

replace arena/workloads => ../workloads
