import type { Logger } from 'pino';
import { isLoopbackHost } from '../core/loopback-host.js';
import type { Config } from './config.js';

/**
 * Warns once at start when other machines can reach this node but VIGIL_BASE_URL is
 * unset: every link Vigil sends (emails, SMS, action links, calendar feeds) would then
 * point at localhost, which works only on this machine.
 */
export function warnAboutLocalhostLinks(config: Pick<Config, 'host' | 'baseUrl' | 'baseUrlSet'>, logger: Logger): void {
  if (config.baseUrlSet || isLoopbackHost(config.host)) return;
  logger.warn(
    { host: config.host, baseUrl: config.baseUrl },
    `VIGIL_BASE_URL is not set: links in emails, text messages and pages will point at ${config.baseUrl}, which opens only on this machine. ` +
      'Set VIGIL_BASE_URL to the address people use, e.g. https://vigil.example.com',
  );
}
