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
  /** Whether session cookies carry the Secure flag (behind HTTPS); HTTPS requests get it anyway. */
  secureCookies: boolean;
  sessionTtlHours: number;
  /** Failed sign-ins in a row (per email and organisation) before the account is locked. */
  loginMaxFailures: number;
  /** How long a lock lasts; failures older than this are forgotten. */
  loginLockoutMinutes: number;
  /** Failed sign-ins one IP address may make per window (all accounts together). */
  loginRateLimit: number;
  loginRateWindowMinutes: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For/-Proto to believe (false: none). */
  trustProxy: boolean | number | string;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/** `true`/`false`, a hop count, or what Express accepts as a list ("loopback", "10.0.0.0/8, uniquelocal"). */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
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
    loginMaxFailures: positiveInteger(env, 'TESSERA_LOGIN_MAX_FAILURES', 5),
    loginLockoutMinutes: positiveInteger(env, 'TESSERA_LOGIN_LOCKOUT_MINUTES', 15),
    loginRateLimit: positiveInteger(env, 'TESSERA_LOGIN_RATE_LIMIT', 30),
    loginRateWindowMinutes: positiveInteger(env, 'TESSERA_LOGIN_RATE_WINDOW_MINUTES', 5),
    trustProxy: trustProxy(env.TESSERA_TRUST_PROXY),
  };
}
