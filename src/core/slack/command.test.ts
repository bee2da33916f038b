import { describe, expect, it } from 'vitest';
import { matchPageTarget, mentionedSlackUser, parseSlackCommand, type NamedTarget } from './command.js';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('parseSlackCommand', () => {
  it('reads each verb and its argument', () => {
    expect(parseSlackCommand('')).toEqual({ kind: 'help' });
    expect(parseSlackCommand('  HELP ')).toEqual({ kind: 'help' });
    expect(parseSlackCommand('oncall')).toEqual({ kind: 'oncall', schedule: null });
    expect(parseSlackCommand('oncall  Primary   EU ')).toEqual({ kind: 'oncall', schedule: 'Primary   EU' });
    expect(parseSlackCommand('on-call L2')).toEqual({ kind: 'oncall', schedule: 'L2' });
    expect(parseSlackCommand('page team Platform db down')).toEqual({ kind: 'page', rest: 'team Platform db down' });
    expect(parseSlackCommand(`ack ${ID}`)).toEqual({ kind: 'acknowledge', incidentId: ID });
    expect(parseSlackCommand(`Resolve ${ID.toUpperCase()}`)).toEqual({ kind: 'resolve', incidentId: ID });
    expect(parseSlackCommand('deploy now')).toEqual({ kind: 'unknown', word: 'deploy' });
  });

  it("takes an incident's id from its link, escaped by Slack or not, and nothing from other text", () => {
    expect(parseSlackCommand(`ack <https://vigil.example.com/incidents/${ID}>`)).toEqual({ kind: 'acknowledge', incidentId: ID });
    expect(parseSlackCommand(`resolve https://vigil.example.com/incidents/${ID}`)).toEqual({ kind: 'resolve', incidentId: ID });
    expect(parseSlackCommand('ack 42')).toEqual({ kind: 'acknowledge', incidentId: null });
    expect(parseSlackCommand('ack')).toEqual({ kind: 'acknowledge', incidentId: null });
  });
});

it('reads a member mention in both escaped forms and nothing else', () => {
  expect(mentionedSlackUser('<@U024BE7LH>')).toBe('U024BE7LH');
  expect(mentionedSlackUser('<@W0123ABC|alice>')).toBe('W0123ABC');
  for (const other of ['@alice', 'U024BE7LH', '<#C024BE7LR|general>', '<@U024BE7LH', '<!channel>']) expect(mentionedSlackUser(other)).toBeNull();
});

describe('matchPageTarget', () => {
  const alice: NamedTarget = { type: 'user', id: 'u1', label: 'Alice Example', names: ['Alice Example', 'alice@example.com'] };
  const platform: NamedTarget = { type: 'team', id: 't1', label: 'Platform', names: ['Platform'] };
  const platformSchedule: NamedTarget = { type: 'schedule', id: 's1', label: 'Platform', names: ['Platform'] };
  const primary: NamedTarget = { type: 'schedule', id: 's2', label: 'Platform primary', names: ['Platform primary'] };
  const all = [alice, platform, primary];

  it('takes the longest leading name, with spaces, in any case, and the rest as the message', () => {
    expect(matchPageTarget('platform PRIMARY  disk full on db-1', all)).toEqual({ ok: true, target: primary, message: 'disk full on db-1' });
    expect(matchPageTarget('Platform disk full', all)).toEqual({ ok: true, target: platform, message: 'disk full' });
    expect(matchPageTarget('alice@EXAMPLE.com call me', all)).toEqual({ ok: true, target: alice, message: 'call me' });
    expect(matchPageTarget('alice example call me', all)).toEqual({ ok: true, target: alice, message: 'call me' });
  });

  it('needs a message and a known name', () => {
    expect(matchPageTarget('Platform primary', all)).toEqual({ ok: false, reason: 'no_message' });
    expect(matchPageTarget('Bob help', all)).toEqual({ ok: false, reason: 'unknown' });
    expect(matchPageTarget('', all)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('asks which one when a name is shared, and a leading kind settles it', () => {
    const shared = [platform, platformSchedule];
    expect(matchPageTarget('Platform db down', shared)).toEqual({ ok: false, reason: 'ambiguous', candidates: [platform, platformSchedule] });
    expect(matchPageTarget('schedule Platform db down', shared)).toEqual({ ok: true, target: platformSchedule, message: 'db down' });
    expect(matchPageTarget('team platform db down', shared)).toEqual({ ok: true, target: platform, message: 'db down' });
  });
});
