import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request, once it is answered: method, path and client (the logger's
 * request serializer, which drops query strings), status and milliseconds. Fastify's own
 * writes two, "incoming request" and "request completed", each a write to stdout: at
 * `info` in an alert storm, two writes per pushed alert. Its other lines (a request that
 * errored, a stream cut short, an unknown route) stay as Fastify writes them.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
