import { createHmac, timingSafeEqual } from 'node:crypto';
import { SMS_MAX_CHARS, smsFields } from '../core/alert/sms-fields.js';
import type { IncidentSummary } from '../core/incident/incident-summary.js';
import type { Channel, Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/** Any Twilio-compatible REST API: Twilio itself, or a local fake in tests. */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  apiUrl: string;
}

/**
 * Twilio's request signature: HMAC-SHA1, keyed with the auth token, of the full URL
 * followed by every POST parameter (sorted by name) as name+value; base64.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => `${k}${params[k]}`).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function validTwilioSignature(authToken: string, url: string, params: Record<string, string>, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

async function post(cfg: TwilioConfig, resource: 'Messages' | 'Calls', params: Record<string, string>): Promise<void> {
  const url = `${cfg.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/${resource}.json`;
  await postOutbound({
    service: 'Twilio',
    url,
    headers: {
      authorization: `Basic ${Buffer.from(`${cfg.accountSid}:${cfg.authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** The reply code for an incident on the message's phone, or null when no user is paged. */
export type ReplyCode = (message: Message, incident: IncidentSummary) => Promise<number | null>;

/**
 * SMS with a per-phone reply code: "Reply 3a to acknowledge, 3r to resolve, 3e to
 * escalate". Several incidents due for one phone at once go as one message, one code each.
 */
export function smsChannel(cfg: TwilioConfig, replyCode: ReplyCode, baseUrl: string): Channel {
  return {
    async send(message) {
      let body = 'Vigil test message: this number works.';
      if (message.notice) {
        body = `Vigil: ${message.notice.text}`;
      } else if (message.verificationCode) {
        body = `Vigil verification code: ${message.verificationCode}`;
      } else if (message.bundle) {
        const lines = [];
        for (const incident of message.bundle) lines.push(`${(await replyCode(message, incident)) ?? '-'}: ${incident.title} (${incident.monitorName})`);
        body = `Vigil: ${message.bundle.length} incidents triggered. ${lines.join('; ')}. Reply with the code and a to acknowledge, r to resolve, e to escalate (e.g. ${(await replyCode(message, message.bundle[0] as IncidentSummary)) ?? 1}a).`;
      } else if (message.incident) {
        const incident = message.incident;
        const code = await replyCode(message, incident);
        const head = `Vigil ${incident.status.toUpperCase()}: ${incident.title} (${incident.monitorName}).`;
        const tail = code === null ? '' : ` Reply ${code}a to acknowledge, ${code}r to resolve, ${code}e to escalate.`;
        body = `${head}${smsFields(incident.details?.fields ?? [], SMS_MAX_CHARS - head.length - tail.length)}${tail}`;
      }
      // The receipt names the notification by its key, so "delivered" lands on the right row.
      const StatusCallback = `${baseUrl}/api/v1/twilio/status?${new URLSearchParams({ key: message.idempotencyKey }).toString()}`;
      await post(cfg, 'Messages', { To: message.address, From: cfg.from, Body: body, StatusCallback });
    },
  };
}

/** A phone call whose script (TwiML) Vigil serves: press 4 to acknowledge, 6 to resolve. */
export function voiceChannel(cfg: TwilioConfig, baseUrl: string): Channel {
  return {
    async send(message) {
      const query = new URLSearchParams({
        ...(message.incident && { incidentId: message.incident.id }),
        ...(message.recipientId && { userId: message.recipientId }),
        ...(message.verificationCode && { code: message.verificationCode }),
      });
      await post(cfg, 'Calls', { To: message.address, From: cfg.from, Url: `${baseUrl}/api/v1/twilio/voice?${query.toString()}` });
    },
  };
}
