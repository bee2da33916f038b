import type { Dispatcher } from 'undici';

/** What a check needs of an HTTP response: its status, and its body's start when a keyword is looked for. */
export interface HttpAnswer {
  status: number;
  body: string | null;
}

/**
 * An undici dispatch handler that takes one response for a check, without the body stream
 * and its machinery that `request()` builds for every call (most of a check's allocation at
 * 10,000 monitors). Without a keyword the answer is the status line, as soon as it comes:
 * a streaming endpoint is up when it answers. The body is then drained in the background
 * so the connection can be reused (undici's body timeout ends one that stalls). With a
 * keyword the answer waits for the body. Reading stops at `limit` bytes either way: a
 * check is not a download. A connection whose body was cut short is closed.
 */
export class CappedResponse implements Dispatcher.DispatchHandler {
  readonly answer: Promise<HttpAnswer>;
  private resolve!: (answer: HttpAnswer) => void;
  private reject!: (err: Error) => void;
  private controller: Dispatcher.DispatchController | null = null;
  private cancelled: Error | null = null;
  private settled = false;
  private status = 0;
  private readonly chunks: Buffer[] | null;
  private size = 0;

  constructor(
    keepBody: boolean,
    private readonly limit: number,
  ) {
    this.chunks = keepBody ? [] : null;
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Gives up at once (the check's deadline), even while a connection is still being made. */
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

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
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
    this.resolve({ status: this.status, body });
  }

  private fail(err: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }
}
