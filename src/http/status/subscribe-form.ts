import { escapeMarkup } from '../../core/escape-markup.js';

/**
 * The "Get updates" block the public page includes: plain HTML forms (no script) posting to
 * /status/<slug>/subscribe, and the feeds' links. `email` is false while no SMTP server is
 * configured: the email form is left out rather than accepting addresses nothing can reach.
 * `feeds` is false for a page behind a password or the team's login (readers send no cookie).
 */
export function subscribeForm(o: { slug: string; email: boolean; feeds: boolean }): string {
  const base = `/status/${encodeURIComponent(o.slug)}`;
  const action = escapeMarkup(`${base}/subscribe`);
  const email = o.email
    ? `<form method="post" action="${action}" class="sub-form"><label for="sub-email">Email address</label> ` +
      '<input id="sub-email" type="email" name="email" required maxlength="320" autocomplete="email"> <button type="submit">Subscribe</button></form>'
    : '';
  const webhook =
    `<details><summary>Webhook</summary><form method="post" action="${action}" class="sub-form"><label for="sub-webhook">Webhook URL</label> ` +
    '<input id="sub-webhook" type="url" name="webhook" required maxlength="320" placeholder="https://"> <button type="submit">Subscribe</button>' +
    '<p class="note muted">It receives a signed POST with a link to open to confirm.</p></form></details>';
  const feeds = o.feeds ? `<p class="note">Feeds: <a href="${escapeMarkup(`${base}/feed.atom`)}">Atom</a> · <a href="${escapeMarkup(`${base}/feed.rss`)}">RSS</a></p>` : '';
  return `<section class="card" aria-labelledby="sub-h"><h2 id="sub-h">Get updates</h2>${email}${webhook}${feeds}</section>`;
}
