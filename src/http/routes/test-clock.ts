import { Type } from 'typebox';
import type { TestClock } from '../../kernel/clock.js';
import type { Api } from '../app-types.js';
import { Instant, toIso } from '../schemas/common.js';

const ClockState = Type.Object({ now: Instant, frozen: Type.Boolean() });
const ClockChange = Type.Object(
  {
    freeze: Type.Optional(Type.Boolean({ description: 'true freezes time, false lets it run again' })),
    set: Type.Optional(Instant),
    advanceMs: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** Only registered when VIGIL_TEST_MODE=1: lets end-to-end tests fast-forward time. */
export function testClockRoutes(api: Api, clock: TestClock): void {
  const state = () => ({ now: toIso(clock.now()), frozen: clock.frozen });
  const tags = ['test mode'];

  api.get('/test/clock', { config: { public: true }, schema: { tags, summary: 'The server clock', response: { 200: ClockState } } }, () =>
    state(),
  );

  api.post(
    '/test/clock',
    { config: { public: true }, schema: { tags, summary: 'Freeze, set or advance the server clock', body: ClockChange, response: { 200: ClockState } } },
    async (req) => {
      if (req.body.freeze === true) clock.freeze();
      if (req.body.set !== undefined) clock.set(Date.parse(req.body.set));
      if (req.body.advanceMs !== undefined) clock.advance(req.body.advanceMs);
      if (req.body.freeze === false) clock.unfreeze();
      // Other nodes on the same database follow it (they poll it every 250 ms).
      await clock.shared();
      return state();
    },
  );
}
