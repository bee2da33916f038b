import { inject } from 'vitest';

/** The entry points vigil-bundle-global-setup.ts bundles, by source path, and each bundle's name. */
export const BUNDLED_ENTRIES: Record<string, string> = {
  'src/cli/vigil.ts': 'vigil',
  'src/app/main.ts': 'main',
};

/** The node arguments that run a Vigil entry point from this test run's bundle of the sources. */
export function nodeArgsFor(entry: string): string[] {
  const bundle = inject('vigilBundles')?.[entry];
  if (!bundle) throw new Error(`${entry} is not bundled for the tests: add it to BUNDLED_ENTRIES in test/support/vigil-bundle.ts`);
  return ['--enable-source-maps', bundle];
}
