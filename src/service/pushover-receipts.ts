import type { Logger } from 'pino';
import { DeliveryError, DestinationRefused } from '../channels/channel.js';
import { EMERGENCY, type PushoverApi } from '../channels/pushover.js';
import { AppError } from '../core/errors.js';
import type { IncidentActionsSetting } from '../core/incident-access.js';
import { PollingLoop } from '../engine/polling-loop.js';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/database.js';
import { addEvent } from '../store/incidents.js';
import { claimDueReceipts, deferReceipt, type DueReceipt } from '../store/pushover-receipts.js';
import { findUser } from '../store/users.js';
import { mayActOnIncident } from './incident-access.js';
import { actOnIncident } from './incidents.js';

/** A receipt is read at most this often (Pushover asks for no more than one read every 5 s). */
export const RECEIPT_POLL_MS = 30_000;
/** After its expiry Pushover stops alarming, and nobody can acknowledge it any more. */
const RECEIPT_LIFE_MS = EMERGENCY.expire * 1000 + 60_000;
const BATCH = 50;

export interface PushoverReceiptDeps {
  database: Database;
  api: PushoverApi;
  clock: Clock;
  logger: Logger;
  incidentActions: IncidentActionsSetting;
  wakeEngine: () => void;
}

/**
 * Reads the receipts of emergency pages whose incident is still triggered, and
 * acknowledges the incident for whoever acknowledged the alarm in the Pushover app: the
 * method's owner, whose rights are checked now (the page proves who was paged, not what
 * they may do today). Returns how many receipts were read.
 */
export async function readPushoverReceipts(deps: PushoverReceiptDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await claimDueReceipts(deps.database.db, now, now - RECEIPT_LIFE_MS, now + RECEIPT_POLL_MS, BATCH);
  for (const row of due) await readOne(deps, row);
  return due.length;
}

async function readOne(deps: PushoverReceiptDeps, row: DueReceipt): Promise<void> {
  const { database, clock, logger } = deps;
  const never = row.createdAt + RECEIPT_LIFE_MS;
  let receipt;
  try {
    receipt = await deps.api.receipt(row.receipt);
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    logger.warn({ chatMessage: row.id, incident: row.incidentId, error: err.message }, 'reading a Pushover receipt failed');
    // Unknown to Pushover (no retry helps), or failing: read again once it allows.
    await deferReceipt(database.db, row.id, err instanceof DestinationRefused ? never : clock.now() + Math.max(RECEIPT_POLL_MS, err.retryAfterMs ?? 0));
    return;
  }
  if (!receipt.acknowledged) {
    if (receipt.expired) await deferReceipt(database.db, row.id, never);
    return;
  }
  // Acknowledged: read no more, whatever comes of it.
  await deferReceipt(database.db, row.id, never);
  const user = row.userId === null ? undefined : await findUser(database.db, row.userId);
  if (!user) return;
  const now = clock.now();
  const note = { at: now, kind: 'provider_action', actorId: user.id, data: { provider: 'Pushover', action: 'acknowledge', device: receipt.acknowledgedByDevice } };
  if (!(await mayActOnIncident(database.db, user, row.incidentId, deps.incidentActions))) {
    await addEvent(database.db, row.incidentId, { ...note, data: { ...note.data, refused: true } });
    return;
  }
  try {
    await actOnIncident(database, row.incidentId, { type: 'acknowledge', by: user.id }, now);
  } catch (err) {
    // Resolved meanwhile: nothing left to acknowledge.
    if (err instanceof AppError && err.code === 'incident_resolved') return;
    throw err;
  }
  await addEvent(database.db, row.incidentId, note);
  deps.wakeEngine();
}

/** Reads due Pushover receipts every few seconds on every node; each read is claimed by one. */
export class PushoverReceiptLoop extends PollingLoop {
  constructor(private readonly deps: PushoverReceiptDeps) {
    super({ clock: deps.clock, logger: deps.logger, name: 'Pushover receipts' });
  }

  /** One pass now, serialised with the loop's own passes. */
  runOnce(): Promise<void> {
    return this.serialisedPass();
  }

  protected async pass(): Promise<void> {
    await readPushoverReceipts(this.deps);
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(5_000);
  }
}
