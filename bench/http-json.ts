/** One JSON request with fetch, for set-up calls (not for load). */
export async function requestJson(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed };
}

/** A set-up call under /api/v1 that must succeed (2xx); answers the body. */
export async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await requestJson(baseUrl, method, `/api/v1${path}`, body, token);
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

/** POST /api/v1/auth/login; answers the session token, and throws when refused. */
export async function login(baseUrl: string, email: string, password: string, tenant: string): Promise<string> {
  const res = await requestJson(baseUrl, 'POST', '/api/v1/auth/login', { email, password, tenant });
  const token = (res.body as { token?: string } | undefined)?.token;
  if (res.status !== 200 || !token) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return token;
}
