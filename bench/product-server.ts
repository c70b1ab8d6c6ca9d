/**
 * Child process: the Tessera server exactly as `startServer` builds it, over
 * BENCH_DATABASE_URL, on a random port. Prints {"port": n} when listening.
 */
import { loadConfig } from '../engine/core/config';
import { createLogger } from '../engine/core/logger';
import { createServices, startServer } from '../engine/server';
import { announcePort, exitOnShutdown, requiredEnv } from './child-lifecycle';

const config = { ...loadConfig({}), port: 0, databaseUrl: requiredEnv('BENCH_DATABASE_URL'), logLevel: 'fatal' };
const server = await startServer(config, await createServices(config, createLogger('fatal')));
exitOnShutdown(() => server.close());
announcePort(server.port);
