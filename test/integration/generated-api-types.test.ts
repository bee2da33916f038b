import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiDocument, apiTypes, generatedTypesFile } from '../../scripts/api-types.js';

it('the web client types are generated from the current OpenAPI document', { timeout: 60_000 }, async () => {
  const current = await apiTypes(await apiDocument());
  const committed = readFileSync(generatedTypesFile, 'utf8');
  // A boolean, not the two 15,000-line files side by side.
  expect(committed === current, `${generatedTypesFile} is out of date with the API's schemas: run \`npm run gen:api\` and commit it`).toBe(true);
});
