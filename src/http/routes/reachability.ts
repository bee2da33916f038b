import { Type } from 'typebox';
import { configuredChannels } from '../../app/configured-channels.js';
import { reachabilityOf } from '../../service/reachability.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { ReachabilityView } from '../schemas/reachability.js';

const Channels = Type.Object(
  { email: Type.Boolean(), sms: Type.Boolean(), voice: Type.Boolean(), webhook: Type.Boolean(), slack: Type.Boolean(), ntfy: Type.Boolean(), pushover: Type.Boolean(), telegram: Type.Boolean(), slack_dm: Type.Boolean(), mattermost_dm: Type.Boolean() },
  {
    description:
      'Which channels this server can send on. false: email needs VIGIL_SMTP_URL, SMS and voice need the Twilio variables; until then such methods can neither be verified nor paged',
  },
);

/** "Can I be paged?": the profile warns before an incident finds out. */
export function reachabilityRoutes(api: Api, { database: { db }, clock, config }: HttpDeps): void {
  const configured = configuredChannels(config);
  const channels = {
    email: configured.has('email'),
    sms: configured.has('sms'),
    voice: configured.has('voice'),
    webhook: configured.has('webhook'),
    slack: configured.has('slack'),
    ntfy: configured.has('ntfy'),
    pushover: configured.has('pushover'),
    telegram: configured.has('telegram'),
    slack_dm: configured.has('slack_dm'),
    mattermost_dm: configured.has('mattermost_dm'),
  };

  api.get(
    '/me/reachability',
    {
      schema: {
        tags: ['contact methods'],
        summary: 'Whether a page would reach you now, what is missing, and which channels this server can send on',
        response: { 200: Type.Object({ ...ReachabilityView.properties, channels: Channels }) },
      },
    },
    async (req) => {
      const { id } = actorOf(req).user;
      const answer = (await reachabilityOf(db, [id], clock.now(), configured)).get(id) ?? { userId: id, reachable: false, problems: [] };
      return { ...answer, channels };
    },
  );
}
