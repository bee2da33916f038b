import { Type } from 'typebox';
import { DAY } from '../../core/time/units.js';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenInfo } from '../../store/api-tokens.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { IdParams, Instant, toIso } from '../schemas/common.js';

const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
    createdAt: Instant,
    lastUsedAt: Type.Union([Instant, Type.Null()]),
    expiresAt: Type.Union([Instant, Type.Null()], { description: 'null: never expires. An expired token is refused (401) and stays listed until revoked' }),
  }
);
const CreatedToken = Type.Object({
  token: Type.String({ description: 'The secret; shown once, only its hash is stored' }),
  apiToken: ApiToken,
});
const MAX_EXPIRY_DAYS = 3650;
const CreateToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXPIRY_DAYS, description: 'Days until the token stops working; omitted: never' })),
  },
  { additionalProperties: false },
);

const toApiToken = (t: ApiTokenInfo) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: toIso(t.createdAt),
  lastUsedAt: t.lastUsedAt === null ? null : toIso(t.lastUsedAt),
  expiresAt: t.expiresAt === null ? null : toIso(t.expiresAt),
});

/** Personal API tokens act with their owner's role. */
export function tokenRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  const tags = ['api tokens'];

  api.get('/me/tokens', { schema: { tags, summary: 'Your API tokens', response: { 200: Type.Array(ApiToken) } } }, async (req) =>
    (await listApiTokens(db, actorOf(req).user.id)).map(toApiToken),
  );

  api.post(
    '/me/tokens',
    { schema: { tags, summary: 'Create an API token', body: CreateToken, response: { 201: CreatedToken } } },
    async (req, reply) => {
      const now = clock.now();
      const days = req.body.expiresInDays;
      const { token, info } = await createApiToken(db, actorOf(req).user.id, req.body.name, days === undefined ? null : now + days * DAY, now);
      return reply.code(201).send({ token, apiToken: toApiToken(info) });
    },
  );

  api.delete(
    '/me/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await revokeApiToken(db, actorOf(req).user.id, req.params.id, clock.now());
      return reply.code(204).send(null);
    },
  );
}
