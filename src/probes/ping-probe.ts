import { execFile } from 'node:child_process';
import type { DestinationPolicy } from '../core/destination-policy.js';
import type { CheckOutcome, PingSpec } from '../core/monitor/types.js';
import { resolveAllowed } from '../security/destination-guard.js';
import { failureMessage } from './failure-message.js';

/**
 * One ICMP echo through the system's ping (iputils): Node has no raw sockets, and ping
 * holds the privilege to send ICMP. Its exit status says whether a reply came. The name is
 * resolved here and ping gets the address, so the destination policy judges what is pinged.
 */
export async function probePing(spec: PingSpec, timeoutMs: number, policy: DestinationPolicy): Promise<CheckOutcome> {
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  let address: string;
  try {
    address = await resolveAllowed(policy, spec.host);
  } catch (err) {
    return { ok: false, message: failureMessage(err, timeoutMs), responseMs: null };
  }
  return await new Promise((resolve) => {
    // "--" keeps a host name from being read as an option.
    execFile('ping', ['-n', '-c', '1', '-W', seconds, '--', address], { timeout: timeoutMs + 1000 }, (err, stdout, stderr) => {
      const rtt = /time[=<]([\d.]+) ?ms/.exec(stdout);
      if (!err && rtt) return resolve({ ok: true, message: `Reply from ${spec.host}`, responseMs: Math.round(Number(rtt[1])) });
      if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') return resolve({ ok: false, message: 'ping is not installed on this node', responseMs: null });
      const reason = stderr.trim().split('\n')[0] || `No reply from ${spec.host} within ${seconds} s`;
      resolve({ ok: false, message: reason, responseMs: null });
    });
  });
}
