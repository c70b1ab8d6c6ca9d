import { randomUUID } from 'node:crypto';
import { B_NAMES, bad, err, nf, ok, type RouteProbes, type TwoTenants } from '../../helpers/two-tenants';

/** One web form in each organisation (on deal), with its key. */
export interface WebFormSeed {
  a: { id: string; key: string };
  b: { id: string; key: string };
}

const V = '/api/v1';

/** Creates A's and B's forms through each admin's API (before the probes take their snapshots). */
export async function seedWebForms(f: TwoTenants): Promise<WebFormSeed> {
  const make = async (side: TwoTenants['a']) => {
    const res = await side.admin.client.post('/admin/web-forms', { name: 'Isolation form', object: 'deal', fields: ['name', 'note'], ownerId: side.admin.id });
    if (res.status !== 201) throw new Error(`web form seed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, key: res.body.key as string };
  };
  return { a: await make(f.a), b: await make(f.b) };
}

/**
 * Isolation probes for the web form routes: A's callers naming B's form get
 * what a form that never existed gets, A's forms cannot name B's users or
 * objects, and the public endpoint does not take one form's key for another's.
 */
export function webFormProbes(f: () => TwoTenants, wf: () => WebFormSeed): Record<string, RouteProbes> {
  const NO_FORM = nf('WEB_FORM_NOT_FOUND');
  const INVALID = bad('WEB_FORM_INVALID');
  const base = `${V}/admin/web-forms`;
  const valid = () => ({ name: 'Probe', object: 'deal', fields: ['name'], ownerId: f().a.admin.id });
  return {
    [`GET ${base}`]: {
      admin: true,
      probes: () => [
        {
          path: base,
          expect: ok(async (body) => {
            const mine = (await f().sql('SELECT id FROM tessera_system.web_forms WHERE tenant_id = ?', [f().a.tenant.id])).map((r: { id: string }) => r.id).sort();
            const got = body.webForms.map((x: { id: string }) => x.id).sort();
            return JSON.stringify(got) === JSON.stringify(mine) ? undefined : `forms ${JSON.stringify(got)} are not A's ${JSON.stringify(mine)}`;
          }),
        },
      ],
    },
    [`POST ${base}`]: {
      admin: true,
      probes: () => [
        { path: base, body: { ...valid(), ownerId: f().b.user.id }, expect: INVALID },
        { path: base, body: { ...valid(), ownerId: f().b.admin.id }, expect: INVALID },
        { path: base, body: { ...valid(), object: B_NAMES.object, fields: ['name', 'secret'] }, expect: INVALID },
        { path: base, body: { ...valid(), fields: ['name', B_NAMES.field] }, expect: INVALID },
      ],
    },
    [`GET ${base}/:id`]: { admin: true, probes: () => [{ path: `${base}/${wf().b.id}`, expect: NO_FORM }] },
    [`PATCH ${base}/:id`]: {
      admin: true,
      probes: () => [
        { path: `${base}/${wf().b.id}`, body: { active: false }, expect: NO_FORM },
        { path: `${base}/${wf().a.id}`, body: { ownerId: f().b.user.id }, expect: INVALID },
      ],
    },
    [`DELETE ${base}/:id`]: { admin: true, probes: () => [{ path: `${base}/${wf().b.id}`, expect: NO_FORM }] },
    [`POST ${base}/:id/rotate-key`]: { admin: true, probes: () => [{ path: `${base}/${wf().b.id}/rotate-key`, expect: NO_FORM }] },
    [`GET ${base}/:id/html`]: {
      admin: true,
      probes: () => [
        { path: `${base}/${wf().b.id}/html?key=${encodeURIComponent(wf().b.key)}`, expect: NO_FORM },
        { path: `${base}/${wf().a.id}/html?key=${encodeURIComponent(wf().b.key)}`, expect: err(403, 'WEB_FORM_KEY_INVALID') },
      ],
    },
    // Public: the caller's session is irrelevant; a form takes only its own key.
    [`POST ${V}/public/web-forms/:id`]: {
      probes: () => [
        { path: `${V}/public/web-forms/${wf().b.id}`, body: { _form_key: wf().a.key, name: 'probe' }, expect: err(403, 'WEB_FORM_KEY_INVALID') },
        { path: `${V}/public/web-forms/${randomUUID()}`, body: { _form_key: wf().b.key, name: 'probe' }, expect: NO_FORM },
      ],
    },
    [`OPTIONS ${V}/public/web-forms/:id`]: { probes: () => [{ path: `${V}/public/web-forms/${wf().b.id}`, expect: ok(undefined, 204) }] },
  };
}
