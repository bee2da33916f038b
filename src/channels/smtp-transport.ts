import { createRequire } from 'node:module';
import type nodemailer from 'nodemailer';

// nodemailer takes ~2 MiB of heap once loaded, and only servers with SMTP configured send
// mail: loaded by the first transport, synchronously, so channel factories stay synchronous.
const load = createRequire(import.meta.url);

/** An SMTP transport for `smtp://` or `smtps://` URLs. */
export function smtpTransport(url: string): nodemailer.Transporter {
  return (load('nodemailer') as typeof nodemailer).createTransport(url);
}
