import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startVigil } from './start.js';

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const vigil = await startVigil(config, logger);
  await vigil.app.listen({ host: config.host, port: config.port });
  logger.info(`Vigil is up at ${config.baseUrl}`);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await vigil.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
