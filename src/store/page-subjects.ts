import type { Kysely } from 'kysely';
import { preparedPerLength } from './prepared.js';
import type { DB } from './schema.js';

// Read for every batch of pages the engine claims: prepared per number of ids, since a
// storm claims batches of the same few sizes again and again.

/** The names of these users, by id. */
export const namesOf = preparedPerLength((db: Kysely<DB>, ids: string[]) => db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids));

/** What a page says about each of these incidents: its state, its monitor's name, and its latest alert's details. */
export const pageSubjectsOf = preparedPerLength((db: Kysely<DB>, ids: string[]) =>
  db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .select(['i.id', 'i.title', 'i.description', 'i.status', 'i.urgency', 'i.step', 'i.pass', 'i.next_action_at', 'i.policy', 'm.name as monitorName'])
    // The latest alert's details lead the page: what the sender says is wrong now.
    .select((eb) => eb.selectFrom('incident_alerts as a').select('a.details').whereRef('a.incident_id', '=', 'i.id').orderBy('a.id', 'desc').limit(1).as('details'))
    .where('i.id', 'in', ids),
);
