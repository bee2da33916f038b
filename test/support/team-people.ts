import { beforeAll } from 'vitest';
import type { Caller, TestApp } from './test-app.js';

export interface PersonSpec {
  name: string;
  /** Organisation role; default responder. */
  role?: 'responder' | 'viewer' | 'admin';
  /** Which team they join: the suite's own (default), the other one, or none. */
  team?: 'own' | 'other' | null;
  teamRole?: 'member' | 'manager';
  timeZone?: string;
  /** Where their webhook contact method points (it is verified on creation and gets a rule); null: no contact method. */
  webhook?: string | null;
}

export interface TeamPeople {
  /** The suite's own team and a second one, for outsiders. */
  teamId: string;
  otherTeamId: string;
  ids: Record<string, string>;
  as: Record<string, Caller>;
}

export const PEOPLE_PASSWORD = 'team-people-password';

/**
 * Two fresh teams and the people of `specs`, each logged in, filled in before the suite's
 * tests run. Without a `webhook` each gets one to a closed port: the notices they are sent
 * are queued (and can be read from the outbox) but never delivered.
 */
export function useTeamPeople(t: TestApp, label: string, specs: readonly PersonSpec[]): TeamPeople {
  const people: TeamPeople = { teamId: '', otherTeamId: '', ids: {}, as: {} };
  beforeAll(async () => {
    people.teamId = (await t.admin.post('/api/v1/teams', { name: label })).body.id;
    people.otherTeamId = (await t.admin.post('/api/v1/teams', { name: `${label}, elsewhere` })).body.id;
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    for (const spec of specs) {
      const email = `${spec.name}-${slug}@people.test`;
      const created = await t.admin.post('/api/v1/users', { email, name: spec.name, role: spec.role ?? 'responder', password: PEOPLE_PASSWORD, timeZone: spec.timeZone ?? 'UTC' });
      if (created.status !== 201) throw new Error(`creating ${spec.name}: ${created.status} ${JSON.stringify(created.body)}`);
      const id = created.body.id as string;
      const team = spec.team === undefined || spec.team === 'own' ? people.teamId : spec.team === 'other' ? people.otherTeamId : null;
      if (team !== null) await t.admin.put(`/api/v1/teams/${team}/members/${id}`, { role: spec.teamRole ?? 'member' });
      if (spec.webhook !== null) await t.admin.post(`/api/v1/users/${id}/contact-methods`, { kind: 'webhook', address: spec.webhook ?? `http://127.0.0.1:9/${spec.name}` });
      people.ids[spec.name] = id;
      people.as[spec.name] = await t.login(email, PEOPLE_PASSWORD);
    }
  });
  return people;
}
