import { smtpTransport } from './smtp-transport.js';
import type { Channel, Message } from './channel.js';
import { DeliveryError } from './channel.js';
import { escapeMarkup } from '../core/escape-markup.js';
import { detailsHtml, detailsText } from './details-markup.js';

export interface IncidentLinks {
  view: string;
  acknowledge: string | null;
  resolve: string | null;
}


/**
 * Email over SMTP. Incident emails say what broke, where, and carry signed, expiring
 * Acknowledge and Resolve links that work without logging in.
 */
export function emailChannel(smtpUrl: string, from: string, linksFor: (message: Message) => IncidentLinks): Channel {
  const transport = smtpTransport(smtpUrl);
  return {
    async send(message: Message) {
      const incident = message.incident;
      let subject = 'Vigil test notification';
      let text = 'This is a test notification from Vigil: this email address works.';
      let html = `<p>${escapeMarkup(text)}</p>`;
      if (message.notice) {
        subject = message.notice.subject;
        text = message.notice.text;
        html = `<p>${escapeMarkup(text).replaceAll('\n', '<br>')}</p>`;
      } else if (message.verificationCode) {
        subject = 'Your Vigil verification code';
        text = `Enter ${message.verificationCode} in Vigil to start receiving pages at this address. The code expires in 15 minutes.`;
        html = `<p>${escapeMarkup(text)}</p>`;
      } else if (incident) {
        const links = linksFor(message);
        subject = `[Vigil] ${incident.status.toUpperCase()}: ${incident.title} (${incident.monitorName})`;
        const lines = [
          `${incident.title}`,
          `Monitor: ${incident.monitorName}`,
          `Status: ${incident.status}`,
          ...(incident.description ? [`Cause: ${incident.description}`] : []),
          ...(incident.details ? detailsText(incident.details) : []),
          '',
          `View: ${links.view}`,
          ...(links.acknowledge ? [`Acknowledge: ${links.acknowledge}`] : []),
          ...(links.resolve ? [`Resolve: ${links.resolve}`] : []),
        ];
        text = lines.join('\n');
        html = [
          `<h2>${escapeMarkup(incident.title)}</h2>`,
          `<p>Monitor: <b>${escapeMarkup(incident.monitorName)}</b><br>Status: <b>${escapeMarkup(incident.status)}</b></p>`,
          incident.description ? `<p>Cause: ${escapeMarkup(incident.description)}</p>` : '',
          incident.details ? detailsHtml(incident.details) : '',
          `<p><a href="${escapeMarkup(links.view)}">View incident</a>`,
          links.acknowledge ? ` · <a href="${escapeMarkup(links.acknowledge)}">Acknowledge</a>` : '',
          links.resolve ? ` · <a href="${escapeMarkup(links.resolve)}">Resolve</a>` : '',
          '</p>',
        ].join('');
      }
      try {
        await transport.sendMail({ from, to: message.address, subject, text, html, headers: { 'X-Vigil-Idempotency-Key': message.idempotencyKey } });
      } catch (err) {
        // nodemailer's connection-level codes mean the SMTP server is down, not the address wrong.
        const code = (err as { code?: unknown }).code;
        throw new DeliveryError(`SMTP: ${err instanceof Error ? err.message : String(err)}`, typeof code === 'string' && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EGREETING'].includes(code));
      }
    },
  };
}
