import { execFile } from 'node:child_process';
import type { CheckOutcome, PingSpec } from '../core/monitor/types.js';

/**
 * One ICMP echo through the system's ping (iputils): Node has no raw sockets, and ping
 * holds the privilege to send ICMP. Its exit status says whether a reply came.
 */
export function probePing(spec: PingSpec, timeoutMs: number): Promise<CheckOutcome> {
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  return new Promise((resolve) => {
    // "--" keeps a host name from being read as an option.
    execFile('ping', ['-n', '-c', '1', '-W', seconds, '--', spec.host], { timeout: timeoutMs + 1000 }, (err, stdout, stderr) => {
      const rtt = /time[=<]([\d.]+) ?ms/.exec(stdout);
      if (!err && rtt) return resolve({ ok: true, message: `Reply from ${spec.host}`, responseMs: Math.round(Number(rtt[1])) });
      if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') return resolve({ ok: false, message: 'ping is not installed on this node', responseMs: null });
      const reason = stderr.trim().split('\n')[0] || `No reply from ${spec.host} within ${seconds} s`;
      resolve({ ok: false, message: reason, responseMs: null });
    });
  });
}
