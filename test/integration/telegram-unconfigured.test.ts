import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

/** Without the bot configured, a Telegram method can be added but gets no link, and there is no webhook to call. */
describeEachDatabase('Telegram not configured', (dialect) => {
  const t = useTestApp(dialect);

  it('adds the method unverified, saying what the admin has to set, and answers 404 at the webhook', async () => {
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    const bob = users.find((u) => u.email === 'bob@example.com')?.id as string;
    const added = await t.admin.post(`/api/v1/users/${bob}/contact-methods`, { kind: 'telegram' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      kind: 'telegram',
      verified: false,
      verification: { sent: false, error: 'Telegram is not set up on this server (VIGIL_TELEGRAM_BOT_TOKEN and VIGIL_TELEGRAM_WEBHOOK_SECRET)' },
    });
    expect(added.body.verification.link).toBeUndefined();
    expect((await t.admin.get('/api/v1/me/reachability')).body.channels.telegram).toBe(false);
    const webhook = await t.anonymous.post('/api/v1/integrations/telegram/webhook', { update_id: 1 });
    expect(webhook.status).toBe(404);
  });
});
