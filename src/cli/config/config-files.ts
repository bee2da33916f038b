import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isSeq, parseDocument, stringify, type Node } from 'yaml';
import { configJsonSchema, type ConfigDocument } from '../../core/config/document.js';
import { CliError } from '../cli-error.js';

const yamlOptions = { lineWidth: 0 } as const;

/** A team's file name: its name in lower case, other characters as dashes. */
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';

/**
 * The files a document is written as: users.yaml (users and the global event rules) and one
 * teams/<slug>.yaml per team, so a change to one team is a change to one file in Git.
 */
export function documentFiles(doc: ConfigDocument): Map<string, string> {
  const files = new Map<string, string>([['users.yaml', stringify({ users: doc.users ?? [], eventRules: doc.eventRules ?? [] }, yamlOptions)]]);
  const taken = new Set<string>();
  for (const team of doc.teams ?? []) {
    let slug = slugOf(team.name);
    for (let n = 2; taken.has(slug); n++) slug = `${slugOf(team.name)}-${n}`;
    taken.add(slug);
    files.set(path.join('teams', `${slug}.yaml`), stringify({ teams: [team] }, yamlOptions));
  }
  return files;
}

/** Writes the export: to one file when `target` ends in .yaml or .yml, else to a directory of files. */
export function writeDocument(doc: ConfigDocument, target: string, force: boolean): string[] {
  if (/\.ya?ml$/i.test(target)) {
    if (existsSync(target) && !force) throw new CliError(`${target} exists`, 1, 'pass --force to replace it');
    writeFileSync(target, stringify(doc, yamlOptions));
    return [target];
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!force) throw new CliError(`${target} is not empty`, 1, 'export into a new directory, or pass --force to replace its users.yaml and teams/');
    // Replaced whole: a team renamed or gone would otherwise leave its old file to be applied again.
    rmSync(path.join(target, 'teams'), { recursive: true, force: true });
    rmSync(path.join(target, 'users.yaml'), { force: true });
  }
  mkdirSync(path.join(target, 'teams'), { recursive: true });
  return [...documentFiles(doc)].map(([name, text]) => {
    writeFileSync(path.join(target, name), text);
    return path.join(target, name);
  });
}

let validator: ReturnType<Ajv['compile']> | undefined;
const validate = () => (validator ??= new Ajv({ allErrors: true, strict: false }).compile(configJsonSchema()));

/** The YAML line of a JSON pointer in a parsed file, for error messages. */
function lineOf(text: string, node: Node | null | undefined, pointer: string): number | undefined {
  let at: unknown = node;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(at)) at = at.get(key, true);
    else if (isSeq(at)) at = at.get(Number(key), true);
    else break;
  }
  const offset = (at as Node | undefined)?.range?.[0];
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
}

const describeError = (e: ErrorObject) =>
  e.keyword === 'additionalProperties' ? `has an unknown field "${String(e.params['additionalProperty'])}"` : (e.message ?? 'is not valid');

/** One file read and checked against the published JSON Schema: a bad file fails with its path, YAML path and line. */
function readOne(file: string): ConfigDocument {
  const text = readFileSync(file, 'utf8');
  const parsed = parseDocument(text, { prettyErrors: true });
  const syntax = parsed.errors[0];
  if (syntax) throw new CliError(`${file}: ${syntax.message.split('\n')[0]}`, 1, 'fix the YAML');
  const value: unknown = parsed.toJS() ?? {};
  const check = validate();
  if (!check(value)) {
    // The deepest errors say the most (a union's variants each report at its root).
    const errors = (check.errors ?? []).filter((e) => e.keyword !== 'anyOf');
    const messages = errors.slice(0, 5).map((e) => {
      const line = lineOf(text, parsed.contents, e.instancePath);
      return `${file}${line === undefined ? '' : `:${line}`}: ${e.instancePath.slice(1).replace(/\//g, '.') || '(top)'} ${describeError(e)}`;
    });
    throw new CliError(`invalid configuration file\n${messages.join('\n')}`, 1, 'see docs/vigil-config.schema.json');
  }
  return value as ConfigDocument;
}

/** The YAML files under `dir`, in a fixed order. */
function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads a file, or every YAML file of a directory, into one document; names must be unique across them. */
export function readDocument(target: string): ConfigDocument {
  if (!existsSync(target)) throw new CliError(`${target} does not exist`, 1, 'pass a YAML file or a directory of them with -f');
  const files = statSync(target).isDirectory() ? yamlFilesUnder(target) : [target];
  if (files.length === 0) throw new CliError(`${target} holds no .yaml files`, 1);
  const merged: ConfigDocument = {};
  const seen = new Map<string, string>();
  const once = (key: string, file: string, what: string) => {
    const first = seen.get(key);
    if (first !== undefined) throw new CliError(`${file}: ${what} is also in ${first}`, 1, 'name each once: objects are matched by name');
    seen.set(key, file);
  };
  for (const file of files) {
    const doc = readOne(file);
    for (const u of doc.users ?? []) once(`user ${u.email.toLowerCase()}`, file, `user ${u.email}`);
    if (doc.eventRules) {
      once('eventRules', file, 'eventRules');
      merged.eventRules = doc.eventRules;
    }
    for (const t of doc.teams ?? []) {
      once(`team ${t.name}`, file, `team "${t.name}"`);
      const within = (kind: string, names: string[]) => names.forEach((n) => once(`${kind} ${t.name} ${n}`, file, `${kind} "${n}" of team "${t.name}"`));
      within('schedule', (t.schedules ?? []).map((s) => s.name));
      within('policy', (t.policies ?? []).map((p) => p.name));
      within('monitor', (t.monitors ?? []).map((m) => m.name));
      within('member', (t.members ?? []).map((m) => m.user.toLowerCase()));
      for (const s of t.schedules ?? []) s.layers.forEach((l) => once(`layer ${t.name} ${s.name} ${l.name}`, file, `layer "${l.name}" of schedule "${s.name}"`));
    }
    if (doc.users) merged.users = [...(merged.users ?? []), ...doc.users];
    if (doc.teams) merged.teams = [...(merged.teams ?? []), ...doc.teams];
  }
  return merged;
}
