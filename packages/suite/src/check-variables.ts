// `node --import tsx packages/suite/src/check-variables.ts`: exits 2 with one `error:` line when the
// environment sets an unknown BENCH_* variable (variables.ts), else 0 in silence. scripts/toolchain.sh
// runs it before turbo, which passes a task only the variables turbo.json declares and so would drop
// a misspelt one before the bench could refuse it.
import { ConfigError } from './errors.ts';
import { checkVariables } from './variables.ts';

try {
  checkVariables();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exitCode = 2;
}
