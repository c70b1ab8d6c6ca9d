import os from 'node:os';
import type pg from 'pg';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  totalMemoryGiB: number;
  platform: string;
  node: string;
  postgres: string;
}

export async function machineInfo(sql: pg.Client): Promise<MachineInfo> {
  const { rows } = await sql.query<{ version: string }>('SELECT version()');
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: rows[0]!.version,
  };
}
