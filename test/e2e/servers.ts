// Another port lets a second checkout run its browser tests beside this one.
const port = Number(process.env['VIGIL_E2E_PORT'] ?? 18081);

/** The server most specs use: the demo, test mode. */
export const main = { port, url: `http://127.0.0.1:${port}` };

/** A server without the demo on an empty database, for the first-run setup (setup.spec.ts). */
export const fresh = { port: port + 1, url: `http://127.0.0.1:${port + 1}` };

/** The Telegram Bot API fake the main server is configured with (profile-telegram.spec.ts starts it). */
export const telegramApi = { port: port + 5, token: '123456789:e2e-telegram-bot-token-0000000000', secret: 'e2e-telegram-webhook-secret' };

/** The Slack Web API fake the main server's Slack app is configured with (slack-app.spec.ts starts it). */
export const slackApi = { port: port + 3, url: `http://127.0.0.1:${port + 3}`, token: 'xoxb-1-e2e-slack-bot-token', signingSecret: 'e2eslacksigningsecret00000000000' };

/** The Mattermost API fake the main server's bot is configured with (mattermost.spec.ts starts it). */
export const mattermostApi = { port: port + 4, url: `http://127.0.0.1:${port + 4}`, token: 'e2emattermostbottoken0000000000' };

/** The Pushover fake the main server is configured with (profile-pushover.spec.ts starts it). */
export const pushoverFake = { port: port + 2, url: `http://127.0.0.1:${port + 2}`, appToken: 'e2eAppToken0000000000000000000' };
