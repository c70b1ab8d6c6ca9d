import type { ImportJob, ImportMode, MappingTarget, UploadResult } from '../../../engine/shared/api/imports';
import { api, get, post } from '../api/client';
import { ApiError } from '../api/api-error';

const base = (object: string) => `/records/${encodeURIComponent(object)}/imports`;

function csrfToken(): string | undefined {
  const m = /(?:^|;\s*)tessera_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** POST the file itself (not JSON) as text/csv; refusals become ApiError like every other call. */
export async function uploadImport(object: string, file: Blob, encoding: string): Promise<UploadResult> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'text/csv', 'accept-language': document.documentElement.lang || 'en' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(`/api/v1${base(object)}?encoding=${encodeURIComponent(encoding)}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'the server cannot be reached');
  }
  const body = (await res.json().catch(() => undefined)) as (UploadResult & { error?: { code: string; message: string; details?: Record<string, unknown> } }) | undefined;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? `the server answered ${res.status}`, body?.error?.details ?? {});
  return body!;
}

export const readImport = (object: string, id: string) => get<ImportJob>(`${base(object)}/${id}`);
export const putMapping = (object: string, id: string, body: { mapping: Record<string, MappingTarget | null>; mode: ImportMode; key?: string }) => api<ImportJob>('PUT', `${base(object)}/${id}/mapping`, body);
export const startDryRun = (object: string, id: string) => post<ImportJob>(`${base(object)}/${id}/dry-run`);
export const startImport = (object: string, id: string, allowDuplicates: boolean) => post<ImportJob>(`${base(object)}/${id}/start${allowDuplicates ? '?allowDuplicates=true' : ''}`);
export const cancelImport = (object: string, id: string) => post<ImportJob>(`${base(object)}/${id}/cancel`);
export const rejectedHref = (object: string, id: string) => `/api/v1${base(object)}/${id}/rejected.csv`;
