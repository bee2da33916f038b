import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { DestinationPolicy } from '../core/destination-policy.js';
import type { CheckOutcome, TcpSpec } from '../core/monitor/types.js';
import { assertLiteralAllowed, guardedLookup } from '../security/destination-guard.js';
import { failureMessage } from './failure-message.js';

/** Passes when a TCP connection is accepted; closes it at once. The address must pass the destination policy. */
export function probeTcp(spec: TcpSpec, timeoutMs: number, policy: DestinationPolicy): Promise<CheckOutcome> {
  const started = performance.now();
  try {
    assertLiteralAllowed(policy, spec.host);
  } catch (err) {
    return Promise.resolve({ ok: false, message: failureMessage(err, timeoutMs), responseMs: null });
  }
  return new Promise((resolve) => {
    const socket = connect({ host: spec.host, port: spec.port, lookup: guardedLookup(policy) });
    const finish = (outcome: CheckOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => finish({ ok: false, message: `Timed out after ${timeoutMs} ms`, responseMs: null }));
    socket.once('connect', () => finish({ ok: true, message: `Connected to ${spec.host}:${spec.port}`, responseMs: Math.round(performance.now() - started) }));
    socket.once('error', (err) => finish({ ok: false, message: failureMessage(err, timeoutMs), responseMs: null }));
  });
}
