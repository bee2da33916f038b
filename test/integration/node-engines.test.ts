import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const repoFile = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

/** Packages whose declared Node range leaves out `version`: npm ci warns EBADENGINE for each. */
function refusingNode(lockfile: string, version: string): string[] {
  const { packages } = JSON.parse(lockfile) as { packages: Record<string, LockedPackage> };
  return Object.entries(packages)
    .filter(([, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range !== undefined && !semver.satisfies(version, range);
    })
    .map(([where, entry]) => `${where.replace(/^.*node_modules\//, '')}@${entry.version}`);
}

it('installs on the oldest Node version README and package.json promise, without an engine warning', () => {
  const { engines } = JSON.parse(repoFile('package.json')) as { engines: { node: string } };
  const oldest = semver.minVersion(engines.node)?.version;
  expect(oldest).toBe('20.19.0');
  expect(repoFile('README.md')).toContain('Needs Node.js 20.19+');
  expect(refusingNode(repoFile('package-lock.json'), '20.19.0')).toEqual([]);
});

it('finds a package that needs a newer Node (cookie 2 asked for Node 22)', () => {
  const lockfile = JSON.stringify({
    packages: {
      '': { version: '0.1.0' },
      'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
      'node_modules/a/node_modules/cookie': { version: '1.1.1', engines: { node: '>=18' } },
      'node_modules/old': { version: '0.0.1', engines: ['node >= 0.4'] },
    },
  });
  expect(refusingNode(lockfile, '20.19.0')).toEqual(['cookie@2.0.2']);
});
