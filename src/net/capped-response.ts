import type { Dispatcher } from 'undici';

/** What is read of an HTTP response: its status and headers, and its body's start when kept. */
export interface CappedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string | null;
}

/** How a CappedResponse counts the body: see there. */
export type BodyReading = 'skip' | 'wait' | 'if-any';

/**
 * Sends one request through `dispatcher` and reads its answer (CappedResponse), given up
 * after `deadlineMs` even while still connecting. Not AbortSignal.timeout: its timer
 * outlives the request by the whole timeout (~1,700 alive at 10,000 monitors, all promoted).
 */
export async function dispatchCapped(
  dispatcher: Dispatcher,
  url: URL,
  request: Omit<Dispatcher.DispatchOptions, 'origin' | 'path'>,
  { body, limit, deadlineMs }: { body: BodyReading; limit: number; deadlineMs: number },
): Promise<CappedAnswer> {
  const response = new CappedResponse(body, limit);
  const timer = setTimeout(() => response.cancel(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), deadlineMs);
  try {
    dispatcher.dispatch({ ...request, origin: url.origin, path: `${url.pathname}${url.search}` }, response);
    return await response.answer;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An undici dispatch handler that takes one response, without the body stream and its
 * machinery that `request()` builds for every call (most of a check's allocation at
 * 10,000 monitors, and a twentieth of the main thread sending pages in an alert storm).
 * How the body counts (`body`):
 * - 'skip': the answer is the status line, as soon as it comes (a streaming endpoint is up
 *   when it answers); the body is drained in the background so the connection can be
 *   reused (undici's body timeout ends one that stalls).
 * - 'wait': the answer waits for the body, and fails if the body does (a keyword check).
 * - 'if-any': the answer waits for the body, but once the status came a body that breaks
 *   off or outlasts the deadline leaves what was read: a page answered 2xx was delivered.
 * Reading stops at `limit` bytes: neither a check nor a page is a download. A connection
 * whose body was cut short is closed.
 */
class CappedResponse implements Dispatcher.DispatchHandler {
  readonly answer: Promise<CappedAnswer>;
  private resolve!: (answer: CappedAnswer) => void;
  private reject!: (err: Error) => void;
  private controller: Dispatcher.DispatchController | null = null;
  private cancelled: Error | null = null;
  private settled = false;
  private status = 0;
  private headers: CappedAnswer['headers'] = {};
  private readonly chunks: Buffer[] | null;
  private size = 0;

  constructor(
    private readonly body: BodyReading,
    private readonly limit: number,
  ) {
    this.chunks = body === 'skip' ? null : [];
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Gives up at once (a deadline), even while a connection is still being made. */
  cancel(reason: Error): void {
    if (this.settled) return;
    this.cancelled = reason;
    this.fail(reason);
    this.controller?.abort(reason);
  }

  // Called again for each redirect hop, with that hop's controller.
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.cancelled) controller.abort(this.cancelled);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: CappedAnswer['headers']): void {
    this.status = statusCode;
    this.headers = headers;
    if (!this.chunks) this.finish();
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (!this.settled) this.chunks?.push(chunk);
    if (this.size >= this.limit) {
      this.finish();
      controller.abort(new Error(`stopped reading the body at ${this.limit} bytes`));
    }
  }

  onResponseEnd(): void {
    this.finish();
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.fail(err);
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    const body = this.chunks && Buffer.concat(this.chunks).subarray(0, this.limit).toString('utf8');
    this.resolve({ status: this.status, headers: this.headers, body });
  }

  private fail(err: Error): void {
    if (this.body === 'if-any' && this.status !== 0) return this.finish();
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }
}
