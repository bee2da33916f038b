import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAdmin } from '../support/demo-admin';
import { chromiumPath, hasChromium, installHint } from './chromium';
import { fresh, main, mattermostApi, pushoverFake, slackApi, telegramApi } from './servers';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const baseURL = main.url;

if (!hasChromium) {
  // In CI no suite may skip; elsewhere the specs skip themselves (see chromium.ts).
  if (process.env['CI']) throw new Error(`Browser tests cannot run. ${installHint}`);
  const rule = '!'.repeat(78);
  console.warn(`\n${rule}\n!! BROWSER TESTS SKIPPED. ${installHint}\n${rule}\n`);
}

// This file is loaded again in every worker: the database is created once, by the
// main process, and found through the environment the workers inherit.
process.env['VIGIL_E2E_DATABASE'] ??= path.join(mkdtempSync(path.join(tmpdir(), 'vigil-e2e-')), 'vigil.db');
// In a directory of its own, so it has its own generated secret; global-teardown removes both.
const freshDatabase = path.join(path.dirname(process.env['VIGIL_E2E_DATABASE']), 'fresh', 'vigil.db');

/** A built Vigil on 127.0.0.1, started before the specs and stopped after them. */
function vigilServer(url: string, env: Record<string, string>) {
  return {
    command: 'node dist/app/main.js',
    cwd: repoRoot,
    url: `${url}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: { VIGIL_HOST: '127.0.0.1', VIGIL_LOG_LEVEL: 'warn', ...env },
  };
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  globalTeardown: './global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  // Whole flows (create, check, fail, page, resolve) on a busy 2-core machine: every step
  // waits on a condition, and the test's budget leaves room for a slow one.
  timeout: 90_000,
  // A condition that holds in 1 s on a quiet machine can take several under a full CI load.
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env['CI']),
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: path.join(repoRoot, 'playwright-report') }]] : 'list',
  use: {
    baseURL,
    browserName: 'chromium',
    // Recording a trace (a DOM snapshot around every action) made each test 1.5-3x slower
    // on a loaded 2-core machine. In CI a failed test is run again, traced; locally, where
    // it is not, every test is traced and the failures' traces kept.
    trace: process.env['CI'] ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  ...(hasChromium && {
    webServer: [
      vigilServer(main.url, {
        VIGIL_PORT: String(main.port),
        VIGIL_DATABASE_URL: `sqlite:${process.env['VIGIL_E2E_DATABASE']}`,
        VIGIL_TEST_MODE: '1',
        // The specs log in as the demo owner (demo.ts): a real first start would generate its password.
        VIGIL_DEMO_PASSWORD: demoAdmin.password,
        // The demo and the specs aim checks and webhooks at local fakes.
        VIGIL_ALLOW_PRIVATE_DESTINATIONS: '1',
        // Pushover's API is the fake profile-pushover.spec.ts starts; nothing calls it before.
        VIGIL_PUSHOVER_APP_TOKEN: pushoverFake.appToken,
        VIGIL_PUSHOVER_API_URL: pushoverFake.url,
        // Telegram's Bot API is the fake profile-telegram.spec.ts starts; the profile asks it for the bot's name.
        VIGIL_TELEGRAM_BOT_TOKEN: telegramApi.token,
        VIGIL_TELEGRAM_WEBHOOK_SECRET: telegramApi.secret,
        VIGIL_TELEGRAM_API_URL: `http://127.0.0.1:${telegramApi.port}`,
        // The Slack app posts to the Web API fake slack-app.spec.ts starts.
        VIGIL_SLACK_BOT_TOKEN: slackApi.token,
        VIGIL_SLACK_SIGNING_SECRET: slackApi.signingSecret,
        VIGIL_SLACK_API_URL: slackApi.url,
        // The Mattermost bot posts to the API fake mattermost.spec.ts starts.
        VIGIL_MATTERMOST_URL: mattermostApi.url,
        VIGIL_MATTERMOST_BOT_TOKEN: mattermostApi.token,
      }),
      vigilServer(fresh.url, { VIGIL_PORT: String(fresh.port), VIGIL_DATABASE_URL: `sqlite:${freshDatabase}`, VIGIL_SEED_DEMO: '0' }),
    ],
  }),
});
