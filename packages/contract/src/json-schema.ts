import { z } from 'zod';
import { variantReport } from './report.ts';
import { compareDocument } from './compare.ts';
import { runDocument } from './run.ts';
import { workloadSpec } from './workload.ts';

/** The committed JSON Schema files, by file name, generated from the zod source. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'report.schema.json': { ...z.toJSONSchema(variantReport, { io: 'input' }), title: 'bench-arena variant report line' },
    'compare.schema.json': { ...z.toJSONSchema(compareDocument, { io: 'input' }), title: 'bench-arena compare document (two commits measured in one run)' },
    'run.schema.json': { ...z.toJSONSchema(runDocument, { io: 'input' }), title: 'bench-arena run document' },
    'workload.schema.json': { ...z.toJSONSchema(workloadSpec, { io: 'input' }), title: 'bench-arena workload spec (packages/workloads/<name>/workload.json)' },
  };
}

/** The text a schema file should have: stable, two-space JSON with a final newline. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
