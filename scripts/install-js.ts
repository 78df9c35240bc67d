// Installs JavaScript runtimes into .cache/runtimes/ the way a bench does on first use, so the
// conformance suite (which installs nothing) checks the Node-style variants on them too:
//   tsx scripts/install-js.ts bun,deno        (any BENCH_JS list; scripts/setup.sh --test runs it)
import { jsChoices, resolveJs, splitJs } from '@arena/runtimes';
import { repoRoot } from '@arena/suite';

const spec = process.argv[2];
if (spec === undefined || process.argv.length > 3) {
  console.error('usage: tsx scripts/install-js.ts <runtimes>   (as BENCH_JS: bun,deno or node@24 or all)');
  process.exit(2);
}
let choices: string[];
try {
  choices = jsChoices(spec, 'the runtimes');
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(2);
}
const root = repoRoot(import.meta.dirname);
try {
  for (const choice of choices) {
    const { runtime, line } = splitJs(choice);
    const b = await resolveJs(runtime, line, root, (m) => console.error(`[install-js] ${m}`));
    console.error(`[install-js] ${b.runtime} ${b.version}: ${b.binary}`);
  }
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
