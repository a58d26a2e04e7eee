/**
 * Writes docs/export-schema.json (the JSON Schema of the export format, generated from the zod schema with
 * `z.toJSONSchema`). `npm run docs:export`; tests/unit/export-docs.test.ts fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from './bundle';

export const SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/export-schema.json');

export function renderExportSchema(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, renderExportSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
