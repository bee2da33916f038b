import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { prepareStorm, sleep, useTestModeNode } from '../support/storm.js';

const BEFORE = 40;
const AFTER = 40;

/**
 * Configuration deleted in the middle of incidents. Alice (step 1) and Bob (step 2, an
 * hour later) are paged by webhook. Deleting Alice's only contact method is refused while
 * the policy relies on it; forced, it goes, and incidents that trigger afterwards do not
 * wait an hour on a step that reaches nobody: Bob is paged at once. Exactly: Alice gets
 * the first incidents' pages, Bob every incident's, nothing else.
 */
describeEachDatabase('chaos: configuration deleted mid-incident', (dialect) => {
  const ctx = useTestModeNode(dialect);

  const pages = (who: string) => ctx.receiver.received.filter((r) => r.path === `/${who}`).map((r) => r.body.incident?.id as string);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 600 && !check(); i++) await sleep(100);
  };

  it('refuses the deletion, then after a forced one pages the next step at once: the exact set of pages', async () => {
    const storm = await prepareStorm(() => [ctx.node.url], ctx.receiver, ['alice', 'bob'], 3600);
    await storm.api('POST', '/test/clock', { freeze: true });
    const first: string[] = [];
    for (let i = 0; i < BEFORE; i++) first.push(await storm.raise(i));
    await until(() => pages('alice').length >= BEFORE);

    const methods = (await (await storm.api('GET', `/users/${storm.userIds['alice']}/contact-methods`)).json()) as { id: string }[];
    const method = methods[0] as { id: string };
    const refused = await storm.api('DELETE', `/users/${storm.userIds['alice']}/contact-methods/${method.id}`);
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { code: string; references: { kind: string; name: string }[] };
    expect(problem.code).toBe('in_use');
    expect(problem.references).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'policy', name: 'Storm' })]));
    const forced = await storm.api('DELETE', `/users/${storm.userIds['alice']}/contact-methods/${method.id}?force=true`);
    expect(forced.status).toBe(204);

    const second: string[] = [];
    for (let i = 0; i < AFTER; i++) second.push(await storm.raise(BEFORE + i));
    // No clock change: the later incidents reach Bob without waiting out Alice's hour.
    await until(() => pages('bob').length >= AFTER);
    expect(pages('bob').sort()).toEqual([...second].sort());

    await storm.api('POST', '/test/clock', { advanceMs: 3600_000 });
    await until(() => pages('bob').length >= BEFORE + AFTER);
    await sleep(1500);
    expect(pages('alice').sort()).toEqual([...first].sort());
    expect(pages('bob').sort()).toEqual([...first, ...second].sort());
    const keys = ctx.receiver.received.map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);

    const timeline = (await (await storm.api('GET', `/incidents/${second[0]}`)).json()) as { timeline: { kind: string }[] };
    expect(timeline.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['no_notification_rules', 'step_unreached', 'notified']));
  }, 120_000);
});
