import { describe, expect, it } from 'vitest';
import { twilioSignature, validTwilioSignature } from './twilio.js';

describe('Twilio request signatures', () => {
  // The worked example from Twilio's security documentation.
  const token = '12345';
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

  it('matches the documented signature', () => {
    expect(twilioSignature(token, url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('rejects a changed parameter, URL or token, and a missing header', () => {
    const good = twilioSignature(token, url, params);
    expect(validTwilioSignature(token, url, params, good)).toBe(true);
    expect(validTwilioSignature(token, url, { ...params, Digits: '4' }, good)).toBe(false);
    expect(validTwilioSignature(token, `${url}&x=1`, params, good)).toBe(false);
    expect(validTwilioSignature('other', url, params, good)).toBe(false);
    expect(validTwilioSignature(token, url, params, undefined)).toBe(false);
  });
});
