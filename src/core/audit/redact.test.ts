import { expect, it } from 'vitest';
import { CHANGED, REDACTED, redactChange } from './redact.js';

it('says a secret changed without keeping either value', () => {
  const { before, after } = redactChange({ name: 'Ann', passwordHash: 'scrypt$old' }, { name: 'Ann', passwordHash: 'scrypt$new' });
  expect(before).toEqual({ name: 'Ann', passwordHash: REDACTED });
  expect(after).toEqual({ name: 'Ann', passwordHash: CHANGED });
  expect(JSON.stringify([before, after])).not.toMatch(/scrypt/);
});

it('keeps an unchanged secret hidden on both sides, and a missing one null', () => {
  expect(redactChange({ integrationKeyHash: 'abc', totpSecret: null }, { integrationKeyHash: 'abc', totpSecret: null })).toEqual({
    before: { integrationKeyHash: REDACTED, totpSecret: null },
    after: { integrationKeyHash: REDACTED, totpSecret: null },
  });
});

it('marks secrets set at creation as changed', () => {
  expect(redactChange(null, { email: 'a@example.com', tokenHash: 'f00' }).after).toEqual({ email: 'a@example.com', tokenHash: CHANGED });
  expect(redactChange({ secretHash: 'f00' }, null)).toEqual({ before: { secretHash: REDACTED }, after: null });
});

it('finds secrets nested in configuration: HTTP check headers and Slack URLs', () => {
  const config = { http: { url: 'https://api.example.com/health', headers: { Authorization: 'Bearer s3cret', Accept: 'text/plain' } } };
  const steps = [{ waitSeconds: 0, targets: [{ type: 'slack', url: 'https://hooks.slack.com/services/T0/B0/xyz' }, { type: 'webhook', url: 'https://ops.example.com/hook' }] }];
  const { after } = redactChange(null, { config, steps });
  expect(after).toEqual({
    config: { http: { url: 'https://api.example.com/health', headers: { Authorization: CHANGED, Accept: 'text/plain' } } },
    steps: [{ waitSeconds: 0, targets: [{ type: 'slack', url: CHANGED }, { type: 'webhook', url: 'https://ops.example.com/hook' }] }],
  });
});

it("hides a Teams workflow's URL like a Slack webhook's: its sig parameter lets anyone post", () => {
  const teams = 'https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=s3cret';
  const { before, after } = redactChange({ steps: [{ targets: [{ type: 'teams', url: teams }] }] }, { steps: [{ targets: [{ type: 'teams', url: teams }, { type: 'teams', url: `${teams}2` }] }] });
  expect(before).toEqual({ steps: [{ targets: [{ type: 'teams', url: REDACTED }] }] });
  expect(after).toEqual({ steps: [{ targets: [{ type: 'teams', url: REDACTED }, { type: 'teams', url: CHANGED }] }] });
});
