import nodemailer from 'nodemailer';
import type { Channel, Message } from './channel.js';
import { DeliveryError } from './channel.js';

export interface IncidentLinks {
  view: string;
  acknowledge: string | null;
  resolve: string | null;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Email over SMTP. Incident emails say what broke, where, and carry signed, expiring
 * Acknowledge and Resolve links that work without logging in.
 */
export function emailChannel(smtpUrl: string, from: string, linksFor: (message: Message) => IncidentLinks): Channel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message: Message) {
      const incident = message.incident;
      let subject = 'Vigil test notification';
      let text = 'This is a test notification from Vigil: this email address works.';
      let html = `<p>${escape(text)}</p>`;
      if (message.notice) {
        subject = message.notice.subject;
        text = message.notice.text;
        html = `<p>${escape(text).replaceAll('\n', '<br>')}</p>`;
      } else if (message.verificationCode) {
        subject = 'Your Vigil verification code';
        text = `Enter ${message.verificationCode} in Vigil to start receiving pages at this address. The code expires in 15 minutes.`;
        html = `<p>${escape(text)}</p>`;
      } else if (incident) {
        const links = linksFor(message);
        subject = `[Vigil] ${incident.status.toUpperCase()}: ${incident.title} (${incident.monitorName})`;
        const lines = [
          `${incident.title}`,
          `Monitor: ${incident.monitorName}`,
          `Status: ${incident.status}`,
          ...(incident.description ? [`Cause: ${incident.description}`] : []),
          '',
          `View: ${links.view}`,
          ...(links.acknowledge ? [`Acknowledge: ${links.acknowledge}`] : []),
          ...(links.resolve ? [`Resolve: ${links.resolve}`] : []),
        ];
        text = lines.join('\n');
        html = [
          `<h2>${escape(incident.title)}</h2>`,
          `<p>Monitor: <b>${escape(incident.monitorName)}</b><br>Status: <b>${escape(incident.status)}</b></p>`,
          incident.description ? `<p>Cause: ${escape(incident.description)}</p>` : '',
          `<p><a href="${escape(links.view)}">View incident</a>`,
          links.acknowledge ? ` · <a href="${escape(links.acknowledge)}">Acknowledge</a>` : '',
          links.resolve ? ` · <a href="${escape(links.resolve)}">Resolve</a>` : '',
          '</p>',
        ].join('');
      }
      try {
        await transport.sendMail({ from, to: message.address, subject, text, html, headers: { 'X-Vigil-Idempotency-Key': message.idempotencyKey } });
      } catch (err) {
        throw new DeliveryError(`SMTP: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}
