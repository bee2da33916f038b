import type { Kysely } from 'kysely';
import { isUniqueViolation } from './database.js';
import type { DB } from './schema.js';

/** Codes cycle through 1–99 per phone: short to type, and old ones are reused. */
const MAX_CODE = 99;

/** The code for this incident on this phone, creating one (reusing the oldest) if needed. */
export async function replyCodeFor(db: Kysely<DB>, phone: string, userId: string, incidentId: string, now: number): Promise<number> {
  const existing = await db.selectFrom('reply_codes').select('code').where('phone', '=', phone).where('incident_id', '=', incidentId).executeTakeFirst();
  if (existing) return existing.code;
  const rows = await db.selectFrom('reply_codes').select(['code', 'created_at']).where('phone', '=', phone).orderBy('created_at').execute();
  const used = new Set(rows.map((r) => r.code));
  let code = 1;
  while (used.has(code) && code <= MAX_CODE) code++;
  if (code > MAX_CODE) {
    code = rows[0]?.code ?? 1;
    await db.deleteFrom('reply_codes').where('phone', '=', phone).where('code', '=', code).execute();
  }
  await db.insertInto('reply_codes').values({ phone, code, user_id: userId, incident_id: incidentId, created_at: now }).execute();
  return code;
}

export function findReplyCode(db: Kysely<DB>, phone: string, code: number) {
  return db.selectFrom('reply_codes').selectAll().where('phone', '=', phone).where('code', '=', code).executeTakeFirst();
}

/** Records a provider callback id; false if it was seen before (a replay). */
export async function firstTimeCallback(db: Kysely<DB>, id: string, now: number): Promise<boolean> {
  try {
    await db.insertInto('provider_callbacks').values({ id, received_at: now }).execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Forgets callbacks with this id prefix received before `before`: ones a provider's signature window already refuses. */
export async function forgetCallbacks(db: Kysely<DB>, prefix: string, before: number): Promise<void> {
  await db.deleteFrom('provider_callbacks').where('id', 'like', `${prefix}%`).where('received_at', '<', before).execute();
}
