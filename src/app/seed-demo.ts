import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { hashPassword } from '../security/password.js';
import type { DB, Role } from '../store/schema.js';
import { createTeam, putMember } from '../store/teams.js';
import { createUser } from '../store/users.js';

export const demoAdmin = { email: 'admin@example.com', password: 'vigil-demo' };

const demoPeople: { email: string; name: string; role: Role; timeZone: string; teamRole: 'manager' | 'member' }[] = [
  { email: demoAdmin.email, name: 'Demo Admin', role: 'owner', timeZone: 'America/Chicago', teamRole: 'manager' },
  { email: 'alice@example.com', name: 'Alice Senior', role: 'responder', timeZone: 'America/Chicago', teamRole: 'manager' },
  { email: 'bob@example.com', name: 'Bob Night', role: 'responder', timeZone: 'America/Chicago', teamRole: 'member' },
  { email: 'carol@example.com', name: 'Carol Night', role: 'responder', timeZone: 'America/Chicago', teamRole: 'member' },
  { email: 'dave@example.com', name: 'Dave Viewer', role: 'viewer', timeZone: 'Europe/London', teamRole: 'member' },
];

/** Seeds the demo team on an empty database only, so restarts never duplicate it. */
export async function seedDemo(db: Kysely<DB>, now: number, log: Logger): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(demoAdmin.password);
  await db.transaction().execute(async (trx) => {
    const team = await createTeam(trx, { name: 'Platform', description: 'Demo team: the people on call for the platform' }, now);
    for (const person of demoPeople) {
      const user = await createUser(
        trx,
        { ...person, passwordHash: person.email === demoAdmin.email ? passwordHash : null },
        now,
      );
      await putMember(trx, team.id, user.id, person.teamRole, now);
    }
  });
  log.warn({ email: demoAdmin.email }, 'seeded the demo team; log in with the demo admin and change its password');
  return true;
}
