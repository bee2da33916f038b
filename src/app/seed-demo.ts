import type { Logger } from 'pino';
import { generatePassword } from '../security/generated-password.js';
import { hashPassword } from '../security/password.js';
import { createSchedule } from '../service/schedule-edits.js';
import type { Database } from '../store/database.js';
import type { Role } from '../store/schema.js';
import { insertMonitor } from '../store/monitors.js';
import { insertPolicy } from '../store/policies.js';
import { createTeam, putMember } from '../store/teams.js';
import { createUser } from '../store/users.js';
import { demoPasswordBanner } from './demo-password-banner.js';
import { transact } from '../store/transact.js';

/** The demo's owner: the only demo person with a password, given to seedDemo. */
export const demoAdmin = { email: 'admin@example.com', name: 'Demo Admin' };

const demoPeople: { email: string; name: string; role: Role; timeZone: string; teamRole: 'manager' | 'member' }[] = [
  { email: demoAdmin.email, name: demoAdmin.name, role: 'owner', timeZone: 'America/Chicago', teamRole: 'manager' },
  { email: 'alice@example.com', name: 'Alice Senior', role: 'responder', timeZone: 'America/Chicago', teamRole: 'manager' },
  { email: 'bob@example.com', name: 'Bob Night', role: 'responder', timeZone: 'America/Chicago', teamRole: 'member' },
  { email: 'carol@example.com', name: 'Carol Night', role: 'responder', timeZone: 'America/Chicago', teamRole: 'member' },
  { email: 'dave@example.com', name: 'Dave Viewer', role: 'viewer', timeZone: 'Europe/London', teamRole: 'member' },
];

/**
 * Seeds the demo on an empty database. The owner's password is `fromEnv`
 * (VIGIL_DEMO_PASSWORD) or a generated one handed to `announce` (the console), once: a
 * later start finds users and seeds nothing, so no known or printed password outlives
 * the first start.
 */
export async function seedDemoOnce(database: Database, now: number, log: Logger, fromEnv: string | undefined, announce: (text: string) => void): Promise<void> {
  const password = fromEnv ?? generatePassword();
  if (!(await seedDemo(database, now, log, password))) return;
  if (fromEnv === undefined) announce(demoPasswordBanner(demoAdmin.email, password));
  else log.info({ email: demoAdmin.email }, "the demo owner's password is the one set in VIGIL_DEMO_PASSWORD");
}

/**
 * Seeds the demo team on an empty database only, so restarts never duplicate it; true when
 * it did, and so `ownerPassword` is now the demo owner's password.
 */
async function seedDemo(database: Database, now: number, log: Logger, ownerPassword: string): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(ownerPassword);
  const ids = new Map<string, string>();
  const team = await transact(db, async (trx) => {
    const created = await createTeam(trx, { name: 'Platform', description: 'Demo team: the people on call for the platform' }, now);
    for (const person of demoPeople) {
      const user = await createUser(trx, { ...person, passwordHash: person.email === demoAdmin.email ? passwordHash : null }, now);
      await putMember(trx, created.id, user.id, person.teamRole, now);
      ids.set(person.email, user.id);
    }
    return created;
  });
  const member = (email: string) => ids.get(email) as string;
  // The classic two-layer pattern: a senior engineer in business hours, a rotation after hours.
  const primary = await createSchedule(
    database,
    {
      teamId: team.id,
      name: 'Platform on-call',
      description: 'Demo: Alice during business hours, Bob and Carol rotate nightly after hours',
      timeZone: 'America/Chicago',
      layers: [
        {
          name: 'Senior (business hours)',
          draft: { timeZone: 'America/Chicago', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [member('alice@example.com')] },
        },
        {
          name: 'After hours',
          draft: {
            timeZone: 'America/Chicago',
            rotation: { kind: 'daily', handoffTime: '17:00' },
            restriction: { kind: 'always' },
            members: [member('bob@example.com'), member('carol@example.com')],
          },
        },
      ],
    },
    now,
  );
  const backup = await createSchedule(
    database,
    {
      teamId: team.id,
      name: 'Platform L2',
      description: 'Demo: the second line, paged when L1 does not acknowledge',
      timeZone: 'America/Chicago',
      layers: [
        {
          name: 'Managers',
          draft: { timeZone: 'America/Chicago', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'always' }, members: [member(demoAdmin.email)] },
        },
      ],
    },
    now,
  );
  const policy = await insertPolicy(
    db,
    {
      teamId: team.id,
      name: 'Primary with L2 backup',
      description: 'Demo: page the on-call; after 15 minutes without acknowledgement, page L2',
      repeat: 0,
      ackTimeoutSeconds: null,
      steps: [
        { waitSeconds: 900, targets: [{ type: 'schedule', scheduleId: primary }] },
        { waitSeconds: 900, targets: [{ type: 'schedule', scheduleId: backup }] },
      ],
    },
    now,
  );
  await insertMonitor(db, { teamId: team.id, name: 'Demo API', kind: 'manual', policyId: policy.id, config: {}, paused: false }, now);
  log.warn({ email: demoAdmin.email }, 'seeded the demo team; log in as its owner and change the password on the profile page');
  return true;
}
