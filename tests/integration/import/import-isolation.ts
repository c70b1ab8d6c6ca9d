import { B_NAMES, bad, err, nf, ok, type RouteProbes, type TwoTenants } from '../../helpers/two-tenants';

/** One import job in B (on deal), made by B's admin before the probes take their snapshots. */
export interface ImportSeed {
  b: { id: string };
}

const V = '/api/v1';

export async function seedImports(f: TwoTenants): Promise<ImportSeed> {
  const res = await fetch(`http://127.0.0.1:${f.server.port}${V}/records/deal/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${f.b.admin.secret}`, 'content-type': 'text/csv' },
    body: 'Name\nB-SECRET import\n',
  });
  const body = (await res.json()) as { import?: { id: string } };
  if (res.status !== 201 || !body.import) throw new Error(`import seed: ${res.status} ${JSON.stringify(body)}`);
  return { b: { id: body.import.id } };
}

/**
 * Isolation probes for the import and XLSX export routes: B's import id is
 * unknown in A (404 IMPORT_NOT_FOUND under any object), B's object names are
 * unknown objects, and the XLSX export refuses B's fields and views.
 */
export function importProbes(seed: () => ImportSeed): Record<string, RouteProbes> {
  const base = `${V}/records`;
  const NOT_FOUND = err(404, ['IMPORT_NOT_FOUND', 'OBJECT_NOT_FOUND']);
  const onJob = (suffix: string, body?: unknown) => () => [
    { path: `${base}/deal/imports/${seed().b.id}${suffix}`, ...(body ? { body } : {}), expect: NOT_FOUND },
    { path: `${base}/${B_NAMES.object}/imports/${seed().b.id}${suffix}`, ...(body ? { body } : {}), expect: NOT_FOUND },
  ];
  return {
    [`POST ${base}/:object/imports`]: {
      probes: () => [
        { path: `${base}/${B_NAMES.object}/imports`, expect: nf('OBJECT_NOT_FOUND') },
        { path: `${base}/deal/imports`, expect: err([400, 403], ['IMPORT_FILE_INVALID', 'OBJECT_ACCESS_DENIED']) },
      ],
    },
    [`GET ${base}/:object/imports/:id`]: { probes: onJob('') },
    [`PUT ${base}/:object/imports/:id/mapping`]: { probes: onJob('/mapping', { mapping: { Name: 'name' }, mode: 'insert' }) },
    [`POST ${base}/:object/imports/:id/dry-run`]: { probes: onJob('/dry-run') },
    [`POST ${base}/:object/imports/:id/start`]: { probes: onJob('/start') },
    [`POST ${base}/:object/imports/:id/cancel`]: { probes: onJob('/cancel') },
    [`GET ${base}/:object/imports/:id/rejected.csv`]: { probes: onJob('/rejected.csv') },
    [`GET ${base}/:object/export.xlsx`]: {
      probes: () => [
        { path: `${base}/${B_NAMES.object}/export.xlsx`, expect: nf('OBJECT_NOT_FOUND') },
        { path: `${base}/deal/export.xlsx?fields=name,${B_NAMES.field}`, expect: bad('QUERY_UNKNOWN_FIELD') },
        { path: `${base}/deal/export.xlsx?view=${B_NAMES.view}`, expect: nf('LIST_VIEW_NOT_FOUND') },
        { path: `${base}/deal/export.xlsx?fields=id,name`, expect: ok() },
      ],
    },
  };
}
