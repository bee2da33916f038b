import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { prepareStorm, sleep, useTestModeNode } from '../support/storm.js';

// More pages fall due at once than the engine claims in one batch (200), so a hanging
// destination that held up a batch would delay the next one.
const INCIDENTS = 150;

/**
 * One destination hangs (accepts the connection, never answers) while step 2 of 150
 * incidents falls due at once for two people: Alice's webhook hangs, Bob's answers. Bob
 * must get every page while Alice's first requests are still hanging: a slow destination
 * delays only its own pages.
 */
describeEachDatabase('chaos: a hanging webhook during an escalation storm', (dialect) => {
  const ctx = useTestModeNode(dialect);

  it('pages everyone else on time while one destination hangs', async () => {
    const storm = await prepareStorm(() => [ctx.node.url], ctx.receiver, ['carol', 'alice', 'bob'], 60);
    // Step 2 pages Alice and Bob together: replace the policy's steps.
    const policies = ((await (await storm.api('GET', '/escalation-policies')).json()) as { items: { id: string; name: string }[] }).items;
    const policy = policies.find((p) => p.name === 'Storm') as { id: string };
    const detail = (await (await storm.api('GET', `/escalation-policies/${policy.id}`)).json()) as Record<string, unknown>;
    const update = await storm.api('PUT', `/escalation-policies/${policy.id}`, {
      name: detail['name'],
      teamId: detail['teamId'],
      steps: [
        { waitSeconds: 60, targets: [{ type: 'user', userId: storm.userIds['carol'] }] },
        { waitSeconds: 60, targets: [{ type: 'user', userId: storm.userIds['alice'] }, { type: 'user', userId: storm.userIds['bob'] }] },
      ],
    });
    expect(update.status).toBe(200);
    ctx.receiver.hang('/alice');
    await storm.api('POST', '/test/clock', { freeze: true });

    const incidents = new Set<string>();
    for (let i = 0; i < INCIDENTS; i++) incidents.add(await storm.raise(i));
    const carol = () => ctx.receiver.received.filter((r) => r.path === '/carol').length;
    const bob = () => ctx.receiver.received.filter((r) => r.path === '/bob').length;
    for (let i = 0; i < 600 && carol() < INCIDENTS; i++) await sleep(100);
    expect(carol()).toBe(INCIDENTS);

    await storm.api('POST', '/test/clock', { advanceMs: 60_000 });
    let hangingWhenBobDone = 0;
    for (let i = 0; i < 600; i++) {
      if (bob() >= INCIDENTS) {
        hangingWhenBobDone = ctx.receiver.hanging();
        break;
      }
      await sleep(50);
    }
    expect(bob()).toBe(INCIDENTS);
    // Alice's first requests were still hanging when Bob had every page.
    expect(hangingWhenBobDone).toBeGreaterThan(0);
    expect(ctx.receiver.received.filter((r) => r.path === '/alice')).toEqual([]);
    const bobKeys = new Set(ctx.receiver.received.filter((r) => r.path === '/bob').map((r) => r.body.incident?.id));
    expect(bobKeys).toEqual(incidents);
  }, 120_000);
});
