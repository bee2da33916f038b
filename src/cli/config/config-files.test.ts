import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText, type ConfigDocument } from '../../core/config/document.js';
import { readDocument, writeDocument } from './config-files.js';

const doc: ConfigDocument = {
  users: [{ email: 'ann@example.com', name: 'Ann', role: 'admin', timeZone: 'UTC' }],
  eventRules: [],
  teams: [
    { name: 'Platform', members: [{ user: 'ann@example.com', role: 'manager' }] },
    { name: 'Platform!', description: 'Same slug' },
  ],
};

describe('configuration files', () => {
  it('docs/vigil-config.schema.json is the one the document definitions give (npm run gen:config-schema)', () => {
    expect(readFileSync(new URL('../../../docs/vigil-config.schema.json', import.meta.url), 'utf8')).toBe(configJsonSchemaText());
  });

  it('writes users.yaml and one file per team, and reads the directory back as the same document', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'vigil-cac-')), 'config');
    expect(writeDocument(doc, dir, false).map((f) => path.relative(dir, f))).toEqual(['users.yaml', 'teams/platform.yaml', 'teams/platform-2.yaml']);
    // Files are read in name order: teams/platform-2.yaml comes first.
    expect(readDocument(dir)).toEqual({ ...doc, teams: [...(doc.teams ?? [])].reverse() });
    expect(() => writeDocument(doc, dir, false)).toThrow(/is not empty/);
  });

  it('refuses a file that breaks the schema, naming the file, the YAML path and its line', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'vigil-cac-')), 'bad.yaml');
    writeFileSync(file, 'teams:\n  - name: Platform\n    policies:\n      - name: Default\n        steps:\n          - waitSeconds: soon\n            targets: [{ user: ann@example.com }]\n');
    expect(() => readDocument(file)).toThrow(`${file}:6: teams.0.policies.0.steps.0.waitSeconds must be integer`);
  });

  it('refuses a name given twice across files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-cac-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'teams: [{ name: Platform }]\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'teams: [{ name: Platform }]\n');
    expect(() => readDocument(dir)).toThrow(`${path.join(dir, 'b.yaml')}: team "Platform" is also in ${path.join(dir, 'a.yaml')}`);
  });
});
