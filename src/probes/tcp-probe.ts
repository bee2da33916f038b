import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CheckOutcome, TcpSpec } from '../core/monitor/types.js';
import { failureMessage } from './failure-message.js';

/** Passes when a TCP connection is accepted; closes it at once. */
export function probeTcp(spec: TcpSpec, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: spec.host, port: spec.port });
    const finish = (outcome: CheckOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => finish({ ok: false, message: `Timed out after ${timeoutMs} ms`, responseMs: null }));
    socket.once('connect', () => finish({ ok: true, message: `Connected to ${spec.host}:${spec.port}`, responseMs: Math.round(performance.now() - started) }));
    socket.once('error', (err) => finish({ ok: false, message: failureMessage(err, timeoutMs), responseMs: null }));
  });
}
