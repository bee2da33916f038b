import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { IconBellRinging } from '@tabler/icons-react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Message, type Block } from 'slack-blocks-to-jsx';
import { slackIncidentMessage, type SlackIncident } from '../src/core/chat/slack-blocks.js';
import { chromiumPath } from '../test/e2e/chromium.js';

// `npm run docs:shots` draws the Slack message Vigil posts, as slackIncidentMessage builds it,
// with slack-blocks-to-jsx (an open-source Block Kit renderer styled after Slack: close to
// what Slack shows, not Slack itself), for docs/NOTIFICATIONS.md.

const out = 'docs/img';
const incident: SlackIncident = {
  id: '0193f1c2-7a4e-7b1d-9c55-2f4d8e1a6b30',
  title: 'HighErrorRate: checkout-api 5xx above 5%',
  description: 'Error rate 7.3% over the last 5 minutes (threshold 5%).',
  status: 'triggered',
  monitorName: 'Checkout Alertmanager',
  url: 'https://vigil.example.com/incidents/0193f1c2-7a4e-7b1d-9c55-2f4d8e1a6b30',
  urgency: 'high',
  acknowledgedBy: null,
  resolvedBy: null,
  escalation: { step: 1, of: 2 },
  details: {
    fields: [
      { key: 'alertname', value: 'HighErrorRate' },
      { key: 'service', value: 'checkout-api' },
      { key: 'severity', value: 'critical' },
      { key: 'region', value: 'eu-west-1' },
    ],
    links: [{ href: 'https://runbooks.example.com/checkout/5xx', text: 'Runbook' }],
    images: [],
    truncated: false,
  },
};
const shown: Record<string, SlackIncident> = {
  'slack-message-triggered': incident,
  'slack-message-acknowledged': { ...incident, status: 'acknowledged', acknowledgedBy: 'Ana Lima' },
};

const css = readFileSync(createRequire(import.meta.url).resolve('slack-blocks-to-jsx/dist/style.css'), 'utf8');
const posted = new Date('2026-12-01T03:12:00Z');
// The app's avatar: the bell the web UI's header shows, white on the UI's indigo.
const bell = renderToStaticMarkup(createElement(IconBellRinging, { size: 24, color: 'white', x: 8, y: 8 }));
const logo = `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" rx="8" fill="#4c6ef5"/>${bell}</svg>`)}`;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath });
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  for (const [name, shownIncident] of Object.entries(shown)) {
    const { blocks } = slackIncidentMessage(shownIncident);
    const message = renderToStaticMarkup(createElement(Message, { blocks: blocks as Block[], name: 'Vigil', logo, time: posted }));
    await page.setContent(`<!doctype html><meta charset="utf-8"><style>${css}body{margin:0;padding:8px 0;background:#fff;font-family:Lato,system-ui,sans-serif}</style><main>${message}</main>`);
    await page.locator('main').screenshot({ path: `${out}/${name}.png` });
    console.log(`wrote ${out}/${name}.png`);
  }
} finally {
  await browser.close();
}
