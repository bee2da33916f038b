import { describe, expect, it } from 'vitest';
import { onCallOf } from './timeline.js';
import type { OgTimeline, OgTimelinePeriod } from './types.js';

const T = (hhmm: string) => Date.parse(`2027-03-01T${hhmm}:00Z`);
const period = (start: string, end: string, id: string, type = 'default'): OgTimelinePeriod => ({ startDate: new Date(T(start)).toISOString(), endDate: new Date(T(end)).toISOString(), type, recipient: { type: 'user', id } });
const timeline = (...rotations: OgTimelinePeriod[][]): OgTimeline => ({ startDate: '', endDate: '', finalTimeline: { rotations: rotations.map((periods, i) => ({ id: `r${i}`, name: `r${i}`, periods })) } });
const who = (id: string) => `${id}@acme.test`;

describe('onCallOf', () => {
  it('joins the rotations into one answer, clipped to the window, the same person across rotations as one span', () => {
    const spans = onCallOf(timeline([period('00:00', '09:00', 'bob'), period('18:00', '23:00', 'carol')], [period('09:00', '18:00', 'bob')]), T('01:00'), T('20:00'), who);
    expect(spans).toEqual([
      { start: T('01:00'), end: T('18:00'), who: 'bob@acme.test' },
      { start: T('18:00'), end: T('20:00'), who: 'carol@acme.test' },
    ]);
  });

  it('names everyone on call at once, since Opsgenie notifies all rotations (cumulative)', () => {
    const spans = onCallOf(timeline([period('00:00', '12:00', 'bob')], [period('10:00', '14:00', 'alice')]), T('00:00'), T('23:00'), who);
    expect(spans).toEqual([
      { start: T('00:00'), end: T('10:00'), who: 'bob@acme.test' },
      { start: T('10:00'), end: T('12:00'), who: 'alice@acme.test and bob@acme.test' },
      { start: T('12:00'), end: T('14:00'), who: 'alice@acme.test' },
    ]);
  });

  it('leaves gaps empty and names other recipients by type', () => {
    const spans = onCallOf(timeline([{ ...period('02:00', '03:00', 'x'), recipient: { type: 'team', id: 't', name: 'Ops' } }, { ...period('04:00', '05:00', 'x'), recipient: { type: 'none' } }]), T('00:00'), T('06:00'), who);
    expect(spans).toEqual([{ start: T('02:00'), end: T('03:00'), who: 'team Ops' }]);
  });
});
