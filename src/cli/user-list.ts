import { listUserSignIns } from '../store/user-sign-ins.js';
import { withDatabase } from './cli-database.js';

const when = (ms: number | null): string => (ms === null ? '-' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

/** Left-aligned columns as wide as their widest cell. */
function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** `vigil user list`: every user with role, two-factor and last sign-in; `json` for scripts. */
export async function userList(options: { json?: boolean }, print: (line: string) => void): Promise<void> {
  await withDatabase('vigil user list', async (_config, { db }) => {
    const users = await listUserSignIns(db);
    if (options.json) {
      const items = users.map(({ user, twoFactor, lastLoginAt }) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        twoFactor,
        lastLoginAt: lastLoginAt === null ? null : new Date(lastLoginAt).toISOString(),
      }));
      print(JSON.stringify(items, null, 2));
      return;
    }
    const rows = users.map(({ user, twoFactor, lastLoginAt }) => [user.email, user.name, user.role, twoFactor ? 'on' : 'off', when(lastLoginAt)]);
    print(table([['EMAIL', 'NAME', 'ROLE', '2FA', 'LAST LOGIN'], ...rows]));
  });
}
