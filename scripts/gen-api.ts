import { readFileSync, writeFileSync } from 'node:fs';
import { apiDocument, apiTypes, generatedTypesFile } from './api-types.js';

// `npm run gen:api` writes the web client's types; `-- --check` only says whether they are current.
const types = await apiTypes(await apiDocument());
if (process.argv.includes('--check')) {
  if (readFileSync(generatedTypesFile, 'utf8') !== types) {
    console.error(`${generatedTypesFile} is out of date with the API's schemas: run npm run gen:api and commit it`);
    process.exit(1);
  }
} else {
  writeFileSync(generatedTypesFile, types);
  console.log(`wrote ${generatedTypesFile}`);
}
