// The reasons the server sends back as ?ssoError= (src/http/routes/oidc.ts), in words.
const messages: Record<string, string> = {
  provider_unreachable: 'The identity provider cannot be reached right now. Try again in a moment.',
  no_pending_login: 'That login was not started here or took too long. Please start again.',
  login_expired: 'That login took too long. Please start again.',
  email_missing: 'Your identity provider did not share an email address, which Vigil needs.',
  email_not_verified: 'A Vigil account already uses that email, and your identity provider has not verified it. Ask an admin.',
};

export function ssoErrorMessage(reason: string): string {
  return messages[reason] ?? 'Single sign-on did not complete. Please try again.';
}
