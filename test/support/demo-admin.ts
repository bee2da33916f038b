/**
 * The seeded demo owner as every test logs in. A real first start prints a generated
 * password; test servers get this one through VIGIL_DEMO_PASSWORD (or the config's
 * demoPassword). No imports: the browser tests' config reads it too.
 */
export const demoAdmin = { email: 'admin@example.com', password: 'test-demo-owner-password' };
