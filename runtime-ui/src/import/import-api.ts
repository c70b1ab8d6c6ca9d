import { api, get, post } from '../api/client';
import { ApiError } from '../api/api-error';

/** Where a column goes: a field, and for a lookup (or the owner) which field of the target its text names. */
export interface MappingTarget {
  field: string;
  lookupBy?: string;
}
export type ImportMapping = Record<string, MappingTarget>;
export type ImportMode = 'insert' | 'update' | 'upsert';

/** GET /records/:object/imports/:id: the job's state and counters (the progress bar). */
export interface ImportJob {
  id: string;
  object: string;
  encoding: 'utf-8' | 'gbk';
  mode: ImportMode;
  key: string | null;
  header: string[];
  mapping: ImportMapping;
  status: 'uploaded' | 'validating' | 'ready' | 'running' | 'done' | 'failed' | 'cancelled';
  total: number;
  processed: number;
  inserted: number;
  updated: number;
  rejected: number;
  errors: { line: number; error: string }[];
  dryRun: { total: number; inserted: number; updated: number; rejected: number; errors: { line: number; error: string }[] } | null;
  message: string | null;
  hasRejectedFile: boolean;
}

/** What an upload answers. */
export interface UploadResult {
  import: ImportJob;
  encoding: string;
  header: string[];
  preview: string[][];
  rows: number;
  suggestedMapping: ImportMapping;
}

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
