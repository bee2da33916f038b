import pino, { type Logger } from 'pino';

// Query strings carry secrets (signed links, feed and heartbeat keys), so request
// logs keep only the path; credentials in headers are redacted outright.
/** `destination`: where lines go (stdout by default); tests read them to check what is never logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
