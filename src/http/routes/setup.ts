import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { hashPassword } from '../../security/password.js';
import { createFirstOwner, hasAnyUser } from '../../store/first-owner.js';
import { isTwoFactorRequired } from '../../store/two-factor.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { assertWithinLimit, FixedWindowCounter } from '../fixed-window-counter.js';
import { Session, startSession } from '../login-session.js';
import { TimeZone } from '../schemas/common.js';
import { Email, Name, Password } from '../schemas/user.js';

const SetupStatus = Type.Object({ required: Type.Boolean({ description: 'True while no user exists: POST /setup creates the first owner' }) });

const FirstOwner = Type.Object({ name: Name, email: Email, password: Password, timeZone: TimeZone }, { additionalProperties: false });

/** First-run setup without the demo: the first visitor creates the owner account, once. */
export function setupRoutes(api: Api, deps: HttpDeps): void {
  const { database, clock } = deps;
  const tags = ['setup'];
  // Every attempt hashes a password: an address gets a few, like failed logins.
  const attempts = new FixedWindowCounter(10, 15 * 60_000);

  api.get(
    '/setup',
    { config: { public: true }, schema: { tags, summary: 'Whether Vigil still needs its first owner (no user exists yet)', response: { 200: SetupStatus } } },
    async () => ({ required: !(await hasAnyUser(database.db)) }),
  );

  api.post(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Create the first owner and log them in (sets the session cookie); only while no user exists, 409 setup_done after',
        body: FirstOwner,
        response: { 201: Session },
      },
    },
    async (req, reply) => {
      const now = clock.now();
      assertWithinLimit(attempts, req.ip, now, 'Too many setup attempts from this address; try again later');
      attempts.take(req.ip, now);
      // Refused before hashing once set up; the check that counts is createFirstOwner's, under its lock.
      if (await hasAnyUser(database.db)) throw new AppError('setup_done');
      const passwordHash = await hashPassword(req.body.password);
      const owner = await createFirstOwner(database, { name: req.body.name, email: req.body.email, timeZone: req.body.timeZone, passwordHash }, now);
      req.log.info({ userId: owner.id }, 'first owner created through setup');
      const session = await startSession(reply, deps, owner, await isTwoFactorRequired(database.db));
      return reply.code(201).send(session);
    },
  );
}
