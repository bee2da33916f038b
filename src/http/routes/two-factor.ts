import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { verifyPassword } from '../../security/password.js';
import { hashRecoveryCode, newRecoveryCodes } from '../../security/recovery-codes.js';
import { newTotpSecret, totpUri } from '../../security/totp.js';
import { spendSecondFactor, totpBox } from '../../service/second-factor.js';
import type { UserRow } from '../../store/schema.js';
import {
  confirmTotp,
  countUnusedRecoveryCodes,
  deleteLoginChallenge,
  deleteTwoFactor,
  findTotp,
  isTotpOn,
  isTwoFactorRequired,
  putPendingTotp,
  replaceRecoveryCodes,
  setTwoFactorRequired,
  takeLoginChallengeAttempt,
} from '../../store/two-factor.js';
import { getUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { actorOf, requireRole } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { FixedWindowCounter } from '../fixed-window-counter.js';
import { Session, startSession } from '../login-session.js';
import { IdParams, Instant, toIso } from '../schemas/common.js';

const Code = Type.String({ minLength: 6, maxLength: 20, description: 'The 6 digits of the authenticator app, or a recovery code' });
const Password = Type.String({ minLength: 1, maxLength: 512 });

const TwoFactorStatus = Type.Object({
  enabled: Type.Boolean(),
  /** A started enrolment waiting for its first code. */
  pending: Type.Boolean(),
  confirmedAt: Type.Union([Instant, Type.Null()]),
  recoveryCodesLeft: Type.Integer(),
  requiredByOrganisation: Type.Boolean(),
});
const Enrolment = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into an authenticator app' }),
  otpauthUri: Type.String({ description: 'otpauth://totp/… for a QR code' }),
});
const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String(), { description: 'Ten single-use codes, shown only now' }) });
const Setting = Type.Object({ required: Type.Boolean({ description: 'Every password login must use two-factor' }) }, { additionalProperties: false });

/** TOTP two-factor for password logins: the second login step, enrolment, recovery codes, the owners' setting. */
export function twoFactorRoutes(api: Api, deps: HttpDeps): void {
  const { database: { db }, clock, config } = deps;
  const tags = ['two-factor'];
  // Per address on top of the five tries each challenge allows: a script cannot keep
  // starting fresh challenges to guess codes (it would also need the password each time).
  const addressFailures = new FixedWindowCounter(20, 15 * 60_000);
  // Wrong passwords or codes while enrolling or disabling, per user: a stolen session
  // must not become a way to guess the password.
  const userFailures = new FixedWindowCounter(10, 15 * 60_000);

  const checkPassword = async (user: UserRow, password: string) => {
    if (userFailures.exhausted(user.id, clock.now())) throw new AppError('rate_limited', 'Too many wrong passwords or codes; try again in 15 minutes');
    if (!user.password_hash) throw new AppError('forbidden', 'Two-factor protects password logins; this account logs in with single sign-on');
    if (!(await verifyPassword(password, user.password_hash))) {
      userFailures.take(user.id, clock.now());
      throw new AppError('invalid_credentials', 'The password is wrong', [{ path: '/body/password', message: 'is wrong' }]);
    }
  };
  const spend = async (user: UserRow, code: string, pending = false) => {
    if (userFailures.exhausted(user.id, clock.now())) throw new AppError('rate_limited', 'Too many wrong passwords or codes; try again in 15 minutes');
    const used = await spendSecondFactor(db, config.secret, user.id, code, clock.now(), { pending });
    if (!used) {
      userFailures.take(user.id, clock.now());
      throw new AppError('invalid_second_factor', undefined, [{ path: '/body/code', message: 'is wrong or already used' }]);
    }
    return used;
  };
  const newCodes = () => {
    const codes = newRecoveryCodes();
    return { codes, hashes: codes.map((c) => hashRecoveryCode(c, config.secret)) };
  };

  api.post(
    '/auth/login/second-factor',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Finish a password login with an authenticator code or a recovery code; sets the session cookie',
        body: Type.Object({ challenge: Type.String({ minLength: 1, maxLength: 200 }), code: Code }, { additionalProperties: false }),
        response: { 200: Session },
      },
    },
    async (req, reply) => {
      if (addressFailures.exhausted(req.ip, clock.now())) throw new AppError('rate_limited', 'Too many wrong codes; try again in 15 minutes');
      const userId = await takeLoginChallengeAttempt(db, req.body.challenge, clock.now());
      if (!userId) throw new AppError('unauthenticated', 'The login expired or had too many wrong codes; log in again');
      const used = await spendSecondFactor(db, config.secret, userId, req.body.code, clock.now());
      if (!used) {
        addressFailures.take(req.ip, clock.now());
        throw new AppError('invalid_second_factor', undefined, [{ path: '/body/code', message: 'is wrong or already used' }]);
      }
      await deleteLoginChallenge(db, req.body.challenge);
      return startSession(reply, deps, await getUser(db, userId), false);
    },
  );

  api.get(
    '/me/two-factor',
    { config: { duringTwoFactorEnrolment: true }, schema: { tags, summary: 'Whether your account uses two-factor', response: { 200: TwoFactorStatus } } },
    async (req) => {
      const userId = actorOf(req).user.id;
      const totp = await findTotp(db, userId);
      return {
        enabled: isTotpOn(totp),
        pending: totp !== undefined && !isTotpOn(totp),
        confirmedAt: isTotpOn(totp) ? toIso(totp.confirmed_at) : null,
        recoveryCodesLeft: await countUnusedRecoveryCodes(db, userId),
        requiredByOrganisation: await isTwoFactorRequired(db),
      };
    },
  );

  api.post(
    '/me/two-factor',
    {
      config: { duringTwoFactorEnrolment: true },
      schema: {
        tags,
        summary: 'Start setting up two-factor: a new secret for your authenticator app (confirm it with a code)',
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 201: Enrolment },
      },
    },
    async (req, reply) => {
      const { user } = actorOf(req);
      await checkPassword(user, req.body.password);
      if (isTotpOn(await findTotp(db, user.id))) throw new AppError('two_factor_enabled');
      const secret = newTotpSecret();
      await putPendingTotp(db, user.id, totpBox(config.secret).seal(secret), clock.now());
      return reply.code(201).send({ secret, otpauthUri: totpUri(secret, user.email) });
    },
  );

  api.post(
    '/me/two-factor/confirm',
    {
      config: { duringTwoFactorEnrolment: true },
      schema: {
        tags,
        summary: 'Turn two-factor on with a first code from the app; answers the recovery codes, once',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: { 200: RecoveryCodes },
      },
    },
    async (req) => {
      const { user } = actorOf(req);
      const totp = await findTotp(db, user.id);
      if (!totp) throw new AppError('two_factor_not_enabled', 'Start with POST /me/two-factor');
      if (totp.confirmed_at !== null) throw new AppError('two_factor_enabled');
      await spend(user, req.body.code, true);
      const { codes, hashes } = newCodes();
      await confirmTotp(db, user.id, hashes, clock.now());
      return { recoveryCodes: codes };
    },
  );

  api.post(
    '/me/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Replace your recovery codes (the old ones stop working); answers the new ones, once',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: { 200: RecoveryCodes },
      },
    },
    async (req) => {
      const { user } = actorOf(req);
      if (!isTotpOn(await findTotp(db, user.id))) throw new AppError('two_factor_not_enabled');
      await spend(user, req.body.code);
      const { codes, hashes } = newCodes();
      await replaceRecoveryCodes(db, user.id, hashes);
      return { recoveryCodes: codes };
    },
  );

  api.post(
    '/me/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor off with your password and a code',
        body: Type.Object({ password: Password, code: Code }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const { user } = actorOf(req);
      if (!isTotpOn(await findTotp(db, user.id))) throw new AppError('two_factor_not_enabled');
      if (await isTwoFactorRequired(db)) throw new AppError('forbidden', 'The owners require two-factor for everyone');
      await checkPassword(user, req.body.password);
      await spend(user, req.body.code);
      await deleteTwoFactor(db, user.id);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/users/:id/two-factor',
    {
      schema: {
        tags,
        summary: "Reset a user's two-factor (a lost phone and no recovery codes); they set it up again at their next login if required",
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'admin');
      const target = await getUser(db, req.params.id);
      // The same rule as passwords: an admin able to strip an owner's second factor could take the account over.
      if (target.role === 'owner' && actor.user.role !== 'owner') throw new AppError('forbidden', "Only an owner can reset an owner's two-factor");
      await deleteTwoFactor(db, target.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/settings/two-factor',
    { schema: { tags, summary: 'Whether every password login must use two-factor', response: { 200: Setting } } },
    async () => ({ required: await isTwoFactorRequired(db) }),
  );

  api.put(
    '/settings/two-factor',
    { schema: { tags, summary: 'Require two-factor for every password login (owners)', body: Setting, response: { 200: Setting } } },
    async (req) => {
      requireRole(req, 'owner');
      await setTwoFactorRequired(db, req.body.required, clock.now());
      return { required: req.body.required };
    },
  );
}
