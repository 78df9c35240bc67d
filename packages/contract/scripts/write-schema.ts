// Regenerates schema/*.schema.json from the zod source; the drift test fails until this is run.
import { writeFileSync } from 'node:fs';
import { jsonSchemas, schemaText } from '../src/json-schema.ts';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  const file = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(file, schemaText(schema));
  console.log(`wrote packages/contract/schema/${name}`);
}
