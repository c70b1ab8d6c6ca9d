import { loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { createServices, startServer } from './server';
import { bootstrapDefaultTenant } from './tenants/bootstrap';

/** `npm start`: embedded PostgreSQL unless DATABASE_URL, crm-core + demo data on first start. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`Tessera cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const prepared = await createServices(config, log);
  let server;
  try {
    const boot = await bootstrapDefaultTenant(prepared.services, log);
    server = await startServer(config, prepared);
    const url = `http://localhost:${server.port}`;
    const lines = [`Tessera is running at ${url}`, `  app: ${url}/app`, `  designer (admins): ${url}/designer`, `  API: ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.json)`, `  database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}`];
    if (boot.created) {
      lines.push(`  first start: crm-core installed with ${boot.demoRecords} demo records`);
      lines.push(`  admin login: ${boot.adminEmail} / ${boot.generatedPassword ?? '(the TESSERA_ADMIN_PASSWORD you set)'}`);
      if (boot.generatedPassword) lines.push('  (this generated password is shown once; set TESSERA_ADMIN_PASSWORD to choose your own)');
    } else {
      lines.push(`  admin login: ${boot.adminEmail} (password as set on first start)`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (e) {
    log.error({ err: e }, 'start-up failed');
    await prepared.services.db.destroy().catch(() => undefined);
    await prepared.embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
