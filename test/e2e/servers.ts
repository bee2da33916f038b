// Another port lets a second checkout run its browser tests beside this one.
const port = Number(process.env['VIGIL_E2E_PORT'] ?? 18081);

/** The server most specs use: the demo, test mode. */
export const main = { port, url: `http://127.0.0.1:${port}` };

/** A server without the demo on an empty database, for the first-run setup (setup.spec.ts). */
export const fresh = { port: port + 1, url: `http://127.0.0.1:${port + 1}` };
