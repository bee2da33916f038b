import type * as OpenIdClient from 'openid-client';
import type { OidcConfig } from '../app/oidc-config.js';
import { SecretBox } from '../security/secret-box.js';

/** What the browser carries between the redirect to the provider and the callback. */
interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

export const pendingLoginLifetimeMs = 10 * 60_000;

// The client and its JOSE library are loaded by the first login, not by every server
// (most have no OpenID Connect provider configured).
const client = () => import('openid-client');

/**
 * Vigil as an OpenID Connect relying party (openid-client): the authorization code flow
 * with PKCE, state and nonce. The pending login travels in a sealed cookie rather than
 * the database, so any node can take the callback and nothing is left to clean up.
 */
export class OidcRelyingParty {
  private discovered: Promise<OpenIdClient.Configuration> | undefined;
  private readonly box: SecretBox;

  constructor(
    readonly config: OidcConfig,
    private readonly redirectUri: string,
    serverSecret: string,
  ) {
    this.box = new SecretBox(serverSecret, 'oidc-pending-login');
  }

  // Discovered on first use and kept; a failed discovery (provider down) is retried next time.
  private configuration(): Promise<OpenIdClient.Configuration> {
    this.discovered ??= client()
      .then((oidc) =>
        oidc.discovery(new URL(this.config.issuer), this.config.clientId, this.config.clientSecret, undefined, {
          // Config validation allows http:// only for a provider on this machine.
          ...(this.config.issuer.startsWith('http://') && { execute: [oidc.allowInsecureRequests] }),
          timeout: 10,
        }),
      )
      .catch((err: unknown) => {
        this.discovered = undefined;
        throw err;
      });
    return this.discovered;
  }

  /** The provider's authorization URL and the sealed cookie value that must come back with the callback. */
  async start(now: number): Promise<{ url: string; cookie: string }> {
    const [oidc, configuration] = await Promise.all([client(), this.configuration()]);
    const pending: PendingLogin = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), expiresAt: now + pendingLoginLifetimeMs };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: this.box.seal(JSON.stringify(pending)) };
  }

  /**
   * Redeems the callback's code (checking state, nonce, PKCE and the ID token) and returns
   * the ID token's claims merged with the userinfo endpoint's (groups often come from there).
   */
  async finish(callbackQuery: string, cookie: string | undefined, now: number): Promise<Record<string, unknown>> {
    const pending = this.openPending(cookie, now);
    const [oidc, configuration] = await Promise.all([client(), this.configuration()]);
    // Rebuilt on the registered redirect URI rather than the request's own URL, which a
    // reverse proxy may have rewritten: the provider compares the two.
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = callbackQuery;
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcLoginError('no_id_token');
    const userinfo = configuration.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub) : {};
    return { ...userinfo, ...idClaims };
  }

  private openPending(cookie: string | undefined, now: number): PendingLogin {
    if (!cookie) throw new OidcLoginError('no_pending_login');
    let pending: PendingLogin;
    try {
      pending = JSON.parse(this.box.open(cookie)) as PendingLogin;
    } catch {
      throw new OidcLoginError('no_pending_login');
    }
    if (pending.expiresAt <= now) throw new OidcLoginError('login_expired');
    return pending;
  }
}

/** A login that cannot complete; `reason` goes back to the login page as ?ssoError=. */
export class OidcLoginError extends Error {
  constructor(readonly reason: string) {
    super(`Single sign-on failed: ${reason}`);
  }
}
