#!/usr/bin/env node
// Writes schema/journeyboard.schema.json from the Zod schemas (src/export/jsonSchema.ts).
// Vite's module runner loads the TypeScript source, so no extra tool is needed on Node 20.
// Usage: node scripts/gen-schema.mjs [--check]   (--check exits 1 when the committed file is stale)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport('/src/export/jsonSchema.ts', { configFile: false, logLevel: 'error' });
const text = module.journeyboardJsonSchemaText();
const path = module.SCHEMA_PATH;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${path} is stale: run node scripts/gen-schema.mjs`);
    process.exit(1);
  }
  console.log(`${path} is up to date`);
} else {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
