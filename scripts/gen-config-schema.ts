import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../src/core/config/document.js';

// `npm run gen:config-schema` writes the published JSON Schema of `vigil export`/`vigil apply` files; `-- --check` only says whether it is current.
const file = new URL('../docs/vigil-config.schema.json', import.meta.url);
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== configJsonSchemaText()) {
    console.error('docs/vigil-config.schema.json is out of date: run npm run gen:config-schema and commit it');
    process.exit(1);
  }
} else {
  writeFileSync(file, configJsonSchemaText());
  console.log('wrote docs/vigil-config.schema.json');
}
