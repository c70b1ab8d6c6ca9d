import path from 'node:path';

/** The shortest password any path accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** Process configuration, read once from the environment. */
export interface Config {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  adminEmail: string;
  adminPassword?: string;
  logLevel: string;
  /** Whether session cookies carry the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  sessionTtlHours: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const adminPassword = env.TESSERA_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < MIN_PASSWORD_LENGTH) throw new Error(`TESSERA_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TESSERA_DATA_DIR ?? '.tessera'),
    adminEmail: env.TESSERA_ADMIN_EMAIL ?? 'admin@tessera.local',
    adminPassword,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.TESSERA_SECURE_COOKIES === 'true',
    sessionTtlHours: Number(env.TESSERA_SESSION_TTL_HOURS ?? 12),
  };
}
