/**
 * What the console shows once, when the demo is seeded with a generated owner password.
 * It goes to stdout directly, never through the logger, so the password stays out of log
 * files and log aggregation.
 */
export function demoPasswordBanner(email: string, password: string): string {
  const rule = '='.repeat(72);
  return [
    '',
    rule,
    '  Vigil seeded a demo team. Log in as its owner:',
    '',
    `    email:     ${email}`,
    `    password:  ${password}`,
    '',
    '  This password is shown only this once: change it on the profile page.',
    '  For production, start with VIGIL_SEED_DEMO=0 and create the first owner',
    '  on the setup page instead.',
    rule,
    '',
    '',
  ].join('\n');
}
