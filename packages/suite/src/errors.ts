/** A usage or configuration error (exit 2): a value out of range, a bad argument, a place that is not a checkout. Its message names what and what is accepted. */
export class ConfigError extends Error {}
