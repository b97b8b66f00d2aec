import type { Config } from '../config.ts';
import { startServer } from '../server/start.ts';

/** Runs until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serveCommand(config: Config): Promise<number> {
  const server = await startServer(config);
  server.app.log.info(`finhub: ${server.url} (database: ${server.database.kind})`);
  const stop = async () => {
    // SIGTERM is graceful (src/server/start.ts): the requests in flight get 30 s to finish.
    setTimeout(() => process.exit(1), 30_000 + config.drainMs).unref();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
