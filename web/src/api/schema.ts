import type { operations } from './generated/openapi';

type Operation = keyof operations;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/**
 * The JSON an operation answers with a status (200 unless given), as the server's OpenAPI
 * document says: the web client's types are aliases of these, never hand-written copies.
 */
export type ResponseOf<Op extends Operation, Status extends keyof operations[Op]['responses'] = 200 & keyof operations[Op]['responses']> = Json<
  operations[Op]['responses'][Status]
>;

/** The JSON body an operation takes. */
export type BodyOf<Op extends Operation> = Json<NonNullable<operations[Op]['requestBody']>>;

/** The query parameters an operation takes. */
export type QueryOf<Op extends Operation> = NonNullable<operations[Op]['parameters']['query']>;
