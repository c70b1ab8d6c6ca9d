import { ApiError } from './api-error';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token the server set at sign-in (a readable cookie), sent back on every write. */
function csrfToken(): string | undefined {
  const m = /(?:^|;\s*)tessera_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Listeners told when the session is gone (401), so the app can show the sign-in page. */
const signedOut = new Set<() => void>();
export function onSignedOut(fn: () => void): () => void {
  signedOut.add(fn);
  return () => void signedOut.delete(fn);
}

/**
 * A JSON call to /api/v1 with the session cookie. Refusals become ApiError
 * with the server's code; a network failure is ApiError status 0
 * (NETWORK_ERROR) so pages can offer a retry without losing typed data.
 */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': document.documentElement.lang || 'en', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  const token = UNSAFE.has(method) ? csrfToken() : undefined;
  if (token) h['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers: h, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'the server cannot be reached');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const e = (parsed as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    if (res.status === 401 && !path.startsWith('/auth/login')) for (const fn of signedOut) fn();
    throw new ApiError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `the server answered ${res.status}`, e?.details ?? {});
  }
  return parsed as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown, headers?: Record<string, string>) => api<T>('PATCH', path, body, headers);
export const del = (path: string) => api<void>('DELETE', path);
