import { Type } from 'typebox';
import { errorCatalogue } from '../../core/errors.js';
import { ReferenceSchema } from './in-use.js';

/**
 * Every error answer, registered once as the shared schema `Problem` (components.schemas
 * in the OpenAPI document) and referenced by every documented 4xx/5xx response. It is also
 * the response serializer for those statuses, so it holds every field problemOf() writes.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'https://vigil.dev/errors/<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Enum(Object.keys(errorCatalogue), { description: 'Stable: match on it' }),
    detail: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String({ description: 'JSON pointer into the request, e.g. /body/members/2/userId' }), message: Type.String() }), {
        description: 'validation_failed: each bad field',
      }),
    ),
    references: Type.Optional(Type.Array(ReferenceSchema, { description: 'in_use, team_in_use, policy_in_use: what relies on it' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const ProblemRef = Type.Ref('Problem');
