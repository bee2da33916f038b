import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { configSummary } from './config-summary.js';

describe('configSummary', () => {
  const config = {
    port: 8080,
    databaseUrl: 'postgres://vigil:db-pass@db:5432/vigil',
    secret: 'x'.repeat(40),
    smtpUrl: 'smtps://mailer:smtp-pass@mail.example.com:465',
    twilio: { accountSid: 'AC1', authToken: 'twilio-token', from: '+15550100' },
    oidc: { issuer: 'https://id.example.com', clientId: 'vigil', clientSecret: 'oidc-secret' },
    demoPassword: 'demo-pass-123',
    webDir: undefined,
    trustedProxies: ['10.0.0.0/8'],
    destinationPolicy: { allowPrivate: false, allowedRanges: [[ipaddr.parse('10.1.0.0'), 16]] },
  };

  it('shows every setting but no secret: secret keys and passwords inside URLs are masked', () => {
    const text = configSummary(config, 'from VIGIL_SECRET (40 characters)').join('\n');
    for (const secret of ['db-pass', 'smtp-pass', 'twilio-token', 'oidc-secret', 'demo-pass-123', 'x'.repeat(40)]) expect(text).not.toContain(secret);
    expect(text).toContain('  port: 8080');
    expect(text).toContain('  databaseUrl: postgres://vigil:*****@db:5432/vigil');
    expect(text).toContain('  secret: from VIGIL_SECRET (40 characters)');
    expect(text).toContain('"accountSid":"AC1"');
    expect(text).toContain('"issuer":"https://id.example.com"');
    expect(text).toContain('  webDir: (not set)');
    expect(text).toContain('  demoPassword: *****');
  });

  it('prints objects that are not plain data (addresses) as their text', () => {
    expect(configSummary(config, '').join('\n')).toContain('  destinationPolicy: {"allowPrivate":false,"allowedRanges":[["10.1.0.0",16]]}');
  });
});
