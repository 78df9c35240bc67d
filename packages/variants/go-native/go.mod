module arena/variant-go-native

go 1.25.0

require arena/go-kit v0.0.0

replace arena/go-kit => ../../go-kit
