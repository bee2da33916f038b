import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import dnsPacket, { type Answer } from 'dns-packet';

export interface DnsServer {
  /** "127.0.0.1:port", for a DNS monitor's `server`. */
  address: string;
  close(): Promise<void>;
}

/** A local authoritative DNS server over UDP; names it does not know get NXDOMAIN. */
export async function startDnsServer(records: Answer[]): Promise<DnsServer> {
  const socket = createSocket('udp4');
  socket.on('message', (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const answers = records.filter((r) => question && r.name === question.name && r.type === question.type);
    const known = records.some((r) => question && r.name === question.name);
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id,
      // RCODE 3 (NXDOMAIN) for unknown names; known names without the type answer empty.
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (known ? 0 : 3),
      questions: query.questions,
      answers,
    });
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return { address: `127.0.0.1:${port}`, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}
