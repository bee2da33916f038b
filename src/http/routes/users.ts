import { Type, type Static } from 'typebox';
import { AppError } from '../../core/errors.js';
import type { Target } from '../../core/escalation/types.js';
import { assertSettled, badReplacement } from '../../core/in-use.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import type { Role, UserRow } from '../../store/schema.js';
import { retargetPolicies } from '../../store/policy-retarget.js';
import { endAccessAfterPasswordChange } from '../../service/password-change.js';
import { lastMemberReferences, lockForDeletion, rosterReferences, userTargetReferences } from '../../store/references.js';
import { countOwners, createUser, deleteUser, getUser, listUsers, updateUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { actorOf, requireRole, sessionCookie, type Actor } from '../auth.js';
import { assertWithinLimit, FixedWindowCounter } from '../fixed-window-counter.js';
import { assertMayManage } from '../permissions.js';
import type { HttpDeps } from '../deps.js';
import { hasRole } from '../roles.js';
import { IdParams, Page, PageQuery } from '../schemas/common.js';
import { deleteOptions, Force, InUseProblem, ReplaceWith } from '../schemas/in-use.js';
import { CreateUser, PatchUser, User, toUser, type LowUrgencyHours } from '../schemas/user.js';
import { withShiftChangeNotices } from '../../service/shift-change-notices.js';
import { schedulesWithShiftsOf } from '../../store/time-off.js';
import { transact } from '../../store/transact.js';

// Admins manage users; only an owner may hand out or take away the owner role.
function assertMayAssign(actor: Actor, role: Role): void {
  if (role === 'owner' && actor.user.role !== 'owner') throw new AppError('forbidden', 'Only an owner can grant the owner role');
}

/** The same start and end is refused for layers too: a whole day or nothing? */
function refuseAmbiguousHours(hours: Static<typeof LowUrgencyHours> | undefined): void {
  if (hours?.kind !== 'daily') return;
  const errors = hours.windows.flatMap((w, i) =>
    w.startTime === w.endTime ? [{ path: `/body/lowUrgencyHours/windows/${i}/endTime`, message: 'must differ from startTime (an end before the start runs past midnight)' }] : [],
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'Ambiguous hours', errors);
}

export function userRoutes(api: Api, { database: { db, dialect }, clock }: HttpDeps): void {
  const tags = ['users'];
  // A stolen session must not be enough to lock its owner out; the guesses it allows are few.
  const wrongCurrent = new FixedWindowCounter(10, 15 * 60_000);

  async function checkCurrentPassword(user: UserRow, currentPassword: string | undefined): Promise<void> {
    // An account without a password signs in with single sign-on: a session taken from it
    // must not be able to add a password login the provider knows nothing about.
    if (user.password_hash === null) {
      throw new AppError('validation_failed', 'This account signs in with single sign-on', [
        { path: '/body/password', message: 'cannot be set by yourself on an account without a password: an admin can set one' },
      ]);
    }
    const now = clock.now();
    assertWithinLimit(wrongCurrent, user.id, now, 'Too many wrong current passwords; try again later');
    const wrong = (message: string) => new AppError('validation_failed', 'Confirm your current password to change it', [{ path: '/body/currentPassword', message }]);
    if (currentPassword === undefined) throw wrong('is required to change your own password');
    if (!(await verifyPassword(currentPassword, user.password_hash))) {
      wrongCurrent.take(user.id, now);
      throw wrong('is not your current password');
    }
  }

  api.get('/users', { schema: { tags, summary: 'List users', querystring: PageQuery, response: { 200: Page(User) } } }, async (req) => {
    const page = await listUsers(db, req.query);
    return { items: page.items.map(toUser), nextCursor: page.nextCursor };
  });

  api.post('/users', { schema: { tags, summary: 'Create a user (admin)', body: CreateUser, response: { 201: User } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    assertMayAssign(actor, req.body.role);
    const user = await createUser(
      db,
      {
        email: req.body.email,
        name: req.body.name,
        role: req.body.role,
        timeZone: req.body.timeZone ?? actor.user.time_zone,
        passwordHash: req.body.password ? await hashPassword(req.body.password) : null,
      },
      clock.now(),
    );
    return reply.code(201).send(toUser(user));
  });

  api.get('/users/:id', { schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: User } } }, async (req) =>
    toUser(await getUser(db, req.params.id)),
  );

  api.patch(
    '/users/:id',
    { schema: { tags, summary: "Update a user (admin, an owner's account only by owners; or yourself except role, with currentPassword for a new password)", params: IdParams, body: PatchUser, response: { 200: User } } },
    async (req) => {
      const actor = actorOf(req);
      const target = await getUser(db, req.params.id);
      const self = actor.user.id === target.id;
      const isAdmin = hasRole(actor.user.role, 'admin');
      if (!self && !isAdmin) throw new AppError('forbidden', 'You can only edit your own profile');
      // Otherwise an admin could reset an owner's password, log in as them and take over.
      if (!self) assertMayManage(actor, target);
      const { role } = req.body;
      if (role !== undefined && role !== target.role) {
        if (!isAdmin) throw new AppError('forbidden', 'Only an admin can change roles');
        assertMayAssign(actor, role);
        if (target.role === 'owner' && (await countOwners(db)) <= 1) throw new AppError('last_owner');
      }
      refuseAmbiguousHours(req.body.lowUrgencyHours);
      if (req.body.password !== undefined && self) await checkCurrentPassword(target, req.body.currentPassword);
      const passwordHash = req.body.password ? await hashPassword(req.body.password) : undefined;
      const updated = await updateUser(
        db,
        target.id,
        {
          name: req.body.name,
          role,
          timeZone: req.body.timeZone,
          passwordHash,
          notifyHandoffs: req.body.notifyHandoffs,
          dailySummaryTime: req.body.dailySummaryTime,
          handoffLeadMinutes: req.body.handoffLeadMinutes,
          lowUrgencyHours: req.body.lowUrgencyHours,
        },
        clock.now(),
      );
      if (passwordHash) {
        // You keep the session you changed it from.
        await endAccessAfterPasswordChange(db, target.id, clock.now(), {
          keepSession: self && actor.via === 'session' ? req.cookies[sessionCookie] : undefined,
          revokeTokens: req.body.revokeTokens !== false,
        });
      }
      return toUser(updated);
    },
  );

  api.delete(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Delete a user (admin; 409 in_use while policies page them or they are on a roster)',
        params: IdParams,
        querystring: Type.Object(
          {
            force: Force('Delete them anyway and remove them from the policy steps that name them; their turns on rosters then page nobody until the roster is edited'),
            replaceWith: ReplaceWith('Point the policy steps that name them at this user instead (refused while they are on a roster: edit it first, or force)'),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'admin');
      const target = await getUser(db, req.params.id);
      if (target.id === actor.user.id) throw new AppError('cannot_delete_self');
      if (target.role === 'owner') {
        if (actor.user.role !== 'owner') throw new AppError('forbidden', 'Only an owner can delete an owner');
        if ((await countOwners(db)) <= 1) throw new AppError('last_owner');
      }
      const options = deleteOptions(req.query);
      const replacement = options.replaceWith;
      const now = clock.now();
      await transact(db, async (trx) => {
        await lockForDeletion(trx, dialect, 'users', target.id);
        if (replacement !== undefined) {
          if (replacement === target.id) throw badReplacement('is the user being deleted');
          await getUser(trx, replacement).catch(() => {
            throw badReplacement('is not an existing user');
          });
        }
        const references = [
          ...(await userTargetReferences(trx, target.id)),
          ...(await lastMemberReferences(trx, target.id)),
          ...(await rosterReferences(trx, target.id, now)),
        ];
        assertSettled('in_use', `User "${target.name}"`, references, options);
        const repoint = (t: Target) => (t.type === 'user' && t.userId === target.id ? (replacement === undefined ? null : { type: 'user' as const, userId: replacement }) : undefined);
        await retargetPolicies(trx, target.id, repoint, now);
        // Their overrides, fixed shifts and time off go with them, which can hand shifts back to others.
        await withShiftChangeNotices(trx, await schedulesWithShiftsOf(trx, target.id, now), now, actor.user.id, (t) => deleteUser(t, target.id));
      });
      req.log.info({ userId: target.id, by: actor.user.id }, 'user deleted');
      return reply.code(204).send(null);
    },
  );
}
