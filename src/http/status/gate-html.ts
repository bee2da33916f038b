import { escapeMarkup } from '../../core/escape-markup.js';
import { statusHtml, type ShellPage } from './html-shell.js';

/** The form a password page shows until the visitor has typed its password. */
export function passwordForm(page: ShellPage, action: string, problem: string | null): string {
  const body =
    '<h1>This status page is protected</h1>' +
    `<div class="card"><form method="post" action="${escapeMarkup(action)}">` +
    '<p class="note"><label for="pw">Password</label></p>' +
    `<p class="note"><input id="pw" type="password" name="password" required autocomplete="current-password" autofocus${problem ? ' aria-describedby="pw-problem" aria-invalid="true"' : ''}> ` +
    '<button type="submit">View status</button></p>' +
    (problem ? `<p id="pw-problem" class="note" role="alert"><strong>${escapeMarkup(problem)}</strong></p>` : '') +
    '</form></div>';
  return statusHtml({ title: `${page.name} status`, page, body, noindex: true });
}

/** What a team-only page shows to someone not logged in as one of the team (or an admin). */
export function teamGate(page: ShellPage, loginUrl: string, loggedIn: boolean): string {
  const body =
    '<h1>This status page is for its team</h1>' +
    `<div class="card"><p>${
      loggedIn
        ? 'Your Vigil account is not a member of the team this page belongs to. Ask one of its managers to add you.'
        : `<a href="${escapeMarkup(loginUrl)}">Log in to Vigil</a> as a member of the team, then open this page again.`
    }</p></div>`;
  return statusHtml({ title: `${page.name} status`, page, body, noindex: true });
}

/** No page at this address. */
export function notFoundPage(): string {
  return statusHtml({
    title: 'Status page not found',
    page: { name: 'Status', accentColor: '#3b5bdb', home: '/' },
    body: '<h1>Status page not found</h1><div class="card"><p>There is no status page at this address. Check the link you followed.</p></div>',
    noindex: true,
  });
}
