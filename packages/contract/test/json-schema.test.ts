import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchemas, schemaText } from '../src/json-schema.ts';
import { sampleRun } from './fixtures/run.ts';

const committed = (name: string) => readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');

for (const [name, schema] of Object.entries(jsonSchemas())) {
  test(`committed ${name} matches the zod source (run \`pnpm --filter @arena/contract schema\` to update)`, () => {
    assert.equal(committed(name), schemaText(schema));
  });
}

test('the committed run schema accepts a valid document and rejects a broken one', () => {
  const validate = new Ajv2020({ strict: false }).compile(JSON.parse(committed('run.schema.json')));
  assert.equal(validate(sampleRun()), true, JSON.stringify(validate.errors));
  // biome-ignore lint/suspicious/noExplicitAny: a broken document, which no type describes
  const broken = sampleRun() as any;
  broken.results[0].status = 'maybe';
  assert.equal(validate(broken), false);
});
