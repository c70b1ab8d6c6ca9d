import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../helpers/test-server';

/** POSTs raw bytes as the import file (text/csv unless told otherwise). */
export async function upload(c: ApiClient, object: string, body: Uint8Array | string, query = '', contentType = 'text/csv'): Promise<ApiResponse> {
  const res = await fetch(`${c.baseUrl}/api/v1/records/${object}/imports${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const FINAL = new Set(['done', 'failed', 'cancelled', 'ready']);

/** Polls the job until it reaches a resting state (done, failed, cancelled, or ready after a dry run). */
export async function settle(c: ApiClient, object: string, id: string, ms = 30_000): Promise<any> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await c.get(`/records/${object}/imports/${id}`);
    expect(res.status).toBe(200);
    if (FINAL.has(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.status} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Upload → mapping (when given) → start → settled job. */
export async function runImport(c: ApiClient, object: string, csv: Uint8Array | string, opts: { query?: string; mapping?: unknown; mode?: string; key?: string; start?: string } = {}): Promise<any> {
  const up = await upload(c, object, csv, opts.query);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const id = up.body.import.id;
  if (opts.mapping) {
    const m = await c.put(`/records/${object}/imports/${id}/mapping`, { mapping: opts.mapping, mode: opts.mode ?? 'insert', ...(opts.key ? { key: opts.key } : {}) });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
  }
  const s = await c.post(`/records/${object}/imports/${id}/start${opts.start ? `?${opts.start}` : ''}`);
  expect(s.status, JSON.stringify(s.body)).toBe(202);
  return settle(c, object, id);
}

/** The rejected-rows file's lines (BOM checked and stripped). */
export async function rejectedLines(c: ApiClient, object: string, id: string): Promise<string[]> {
  const res = await fetch(`${c.baseUrl}/api/v1/records/${object}/imports/${id}/rejected.csv`, { headers: { authorization: `Bearer ${c.token}` } });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n').slice(0, -1);
}
