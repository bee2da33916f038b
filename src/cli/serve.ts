import { createLogger } from '../app/logger.js';
import { startVigil, type Vigil } from '../app/start.js';
import { loadCliConfig } from './cli-database.js';
import { explainFailure } from './explain-failure.js';

/**
 * `vigil serve`: one Vigil node (API, UI, engine, checks) until SIGINT or SIGTERM. A
 * port in use, an unreachable database or an unwritable data directory stop it with one
 * readable line.
 */
export async function serve(): Promise<void> {
  const config = loadCliConfig();
  const logger = createLogger(config.logLevel);
  let vigil: Vigil;
  try {
    vigil = await startVigil(config, logger);
  } catch (err) {
    throw explainFailure(err, { phase: 'database', url: config.databaseUrl }) ?? err;
  }
  try {
    await vigil.app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await vigil.stop();
    throw explainFailure(err, { phase: 'listen', host: config.host, port: config.port }) ?? err;
  }
  logger.info(`Vigil is up at ${config.baseUrl}`);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await vigil.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
