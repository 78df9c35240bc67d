module arena/workloads/nbody

go 1.25.0
