import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/test-server';
import { spawnTessera, type TesseraProcess } from '../../helpers/spawn-tessera';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-embedded-'));
const started: TesseraProcess[] = [];
afterAll(async () => {
  // A failed assertion must not leave a server running.
  for (const p of started) if (p.child.exitCode === null) await p.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(port: number, password: string): Promise<ApiClient> {
  const anon = new ApiClient(`http://127.0.0.1:${port}`);
  const res = await anon.post('/auth/login', { email: 'admin@tessera.local', password });
  expect(res.status).toBe(200);
  return anon.as(res.body.token);
}

describe('npm start on the embedded PostgreSQL', () => {
  it('refuses a TESSERA_ADMIN_PASSWORD shorter than 8 characters before setting anything up', async () => {
    await expect(spawnTessera({ DATABASE_URL: undefined, TESSERA_DATA_DIR: `${dataDir}-short`, TESSERA_ADMIN_PASSWORD: 'short' }, 60_000)).rejects.toThrow(/at least 8 characters/);
  }, 90_000);

  it('starts from an empty data dir with crm-core and demo data, shuts down cleanly, and keeps data across a restart', async () => {
    const env = { DATABASE_URL: undefined, TESSERA_DATA_DIR: dataDir, TESSERA_ADMIN_EMAIL: undefined, TESSERA_ADMIN_PASSWORD: undefined };
    const first = await spawnTessera(env);
    started.push(first);
    const banner = first.output();
    const password = /admin login: admin@tessera\.local \/ (\S+)/.exec(banner)?.[1];
    expect(password, banner).toBeTruthy();
    expect(banner).toMatch(/crm-core installed with \d{3,} demo records/);

    const api = await signIn(first.port, password!);
    const accounts = await api.get('/records/account?count=true&limit=1');
    expect(accounts.body.total).toBeGreaterThanOrEqual(50);
    const created = await api.post('/records/account', { name: '重启测试有限公司', industry: 'manufacturing' });
    expect(created.status).toBe(201);

    expect(await first.stop('SIGTERM')).toBe(0);
    // The embedded server stopped with us: no postmaster left behind.
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await spawnTessera(env);
    started.push(second);
    expect(second.output()).not.toContain('demo records');
    const again = await signIn(second.port, password!);
    const read = await again.get(`/records/account/${created.body.id}`);
    expect(read.body).toMatchObject({ name: '重启测试有限公司', industry: 'manufacturing' });
    expect((await again.get('/records/account?count=true&limit=1')).body.total).toBe(accounts.body.total + 1);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
