import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { twilioSignature } from '../../src/channels/twilio.js';

export interface Sent {
  kind: 'sms' | 'call';
  to: string;
  from: string;
  body?: string;
  url?: string;
  /** Where the provider would post the delivery receipt. */
  statusCallback?: string;
}

/** Sends a signed callback to Vigil: the URL is the public one Twilio would have used. */
export type Deliver = (url: string, form: Record<string, string>, signature: string) => Promise<{ status: number; body: string }>;

/**
 * A local Twilio-compatible REST API: records the messages and calls Vigil asks for
 * (checking basic auth), and plays the phone side: signed inbound SMS and key presses.
 */
export interface TwilioFake {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  sent: Sent[];
  /** Requests refused for bad credentials. */
  unauthorized: number;
  signedCallback(url: string, form: Record<string, string>): Promise<{ status: number; body: string }>;
  setDeliver(deliver: Deliver): void;
}

export function useTwilioFake(): TwilioFake {
  const fake: TwilioFake = {
    apiUrl: '',
    accountSid: `AC${randomBytes(16).toString('hex')}`,
    authToken: randomBytes(16).toString('hex'),
    sent: [],
    unauthorized: 0,
    signedCallback: (url, form) => deliver(url, form, twilioSignature(fake.authToken, url, form)),
    setDeliver: (d) => (deliver = d),
  };
  let deliver: Deliver = () => Promise.reject(new Error('no deliver function set'));
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const expected = `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`;
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(req.url ?? '');
      if (req.headers.authorization !== expected || match?.[1] !== fake.accountSid) {
        fake.unauthorized++;
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":20003,"message":"Authenticate"}');
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(data));
      const sid = `${match[2] === 'Messages' ? 'SM' : 'CA'}${randomBytes(16).toString('hex')}`;
      fake.sent.push(
        match[2] === 'Messages'
          ? { kind: 'sms', to: form['To'] as string, from: form['From'] as string, body: form['Body'] as string, statusCallback: form['StatusCallback'] as string }
          : { kind: 'call', to: form['To'] as string, from: form['From'] as string, url: form['Url'] as string },
      );
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued' }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return fake;
}

export const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
