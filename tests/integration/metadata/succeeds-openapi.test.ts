import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;

const product: RawObjectDef = {
  name: 'oa_product',
  label: 'Product',
  fields: [
    { name: 'price', type: 'currency', label: 'Price', required: true },
    { name: 'launched', type: 'date', label: 'Launched' },
    { name: 'size', type: 'picklist', label: 'Size', options: { values: [{ value: 's', label: 'S' }, { value: 'm', label: 'M' }] } },
    { name: 'sku', type: 'autonumber', label: 'SKU', options: { format: 'P-{0000}' } },
  ],
};

beforeAll(async () => {
  t = await startTestTenant('openapi');
  await t.admin.defineObject(product);
});
afterAll(() => t?.close());

async function openapi(): Promise<any> {
  const res = await t.admin.get('/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.body;
}

/** Follows a local `$ref` inside the document. */
function deref(doc: any, node: any): any {
  if (!node?.$ref) return node;
  const path = (node.$ref as string).replace(/^#\//, '').split('/');
  return path.reduce((n, k) => n[k], doc);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with list/create/read/update/delete paths and component schemas for each object', async () => {
    const doc = await openapi();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.paths['/records/oa_product']).toMatchObject({ get: expect.any(Object), post: expect.any(Object) });
    expect(doc.paths['/records/oa_product/{id}']).toMatchObject({ get: expect.any(Object), patch: expect.any(Object), delete: expect.any(Object) });

    const ops = [doc.paths['/records/oa_product'].get, doc.paths['/records/oa_product'].post, doc.paths['/records/oa_product/{id}'].get, doc.paths['/records/oa_product/{id}'].patch, doc.paths['/records/oa_product/{id}'].delete];
    const operationIds = ops.map((o) => o.operationId);
    expect(new Set(operationIds).size).toBe(5);
    for (const op of ops) expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    const listParams = doc.paths['/records/oa_product'].get.parameters.map((p: any) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['filter', 'sort', 'limit', 'cursor', 'fields', 'count', 'q']));

    // the schemas the operations refer to exist and describe the fields
    const record = deref(doc, doc.paths['/records/oa_product/{id}'].get.responses['200'].content['application/json'].schema);
    expect(Object.keys(record.properties)).toEqual(expect.arrayContaining(['id', 'name', 'price', 'launched', 'size', 'sku', 'version', 'created_at']));
    const create = deref(doc, doc.paths['/records/oa_product'].post.requestBody.content['application/json'].schema);
    expect(create.required).toEqual(expect.arrayContaining(['name', 'price']));
    expect(create.properties.size.enum).toEqual(expect.arrayContaining(['s', 'm']));
    expect(create.properties).not.toHaveProperty('sku');
    expect(create.properties).not.toHaveProperty('id');
    expect(create.additionalProperties).toBe(false);
    const update = deref(doc, doc.paths['/records/oa_product/{id}'].patch.requestBody.content['application/json'].schema);
    expect(update.properties).toHaveProperty('price');
    expect(update.required ?? []).not.toContain('price');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['oa_product']));

    // every $ref in the document resolves
    const refs: string[] = [];
    JSON.stringify(doc, (k, v) => {
      if (k === '$ref') refs.push(v);
      return v;
    });
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(deref(doc, { $ref: ref }), ref).toBeDefined();
  });

  it('matches the metadata schema endpoint for create payloads', async () => {
    const doc = await openapi();
    const schema = (await t.admin.get('/metadata/objects/oa_product/schema')).body;
    const create = deref(doc, doc.paths['/records/oa_product'].post.requestBody.content['application/json'].schema);
    expect(create.properties).toEqual(schema.properties);
  });

  it('changes when a field is added', async () => {
    const before = await openapi();
    expect(before.components.schemas.oa_product.properties).not.toHaveProperty('weight');
    await t.admin.defineObject({ ...product, fields: [...product.fields, { name: 'weight', type: 'number', label: 'Weight' }] });
    const after = await openapi();
    expect(after).not.toEqual(before);
    expect(after.info.version).not.toBe(before.info.version);
    expect(after.components.schemas.oa_product.properties).toHaveProperty('weight');
    const create = deref(after, after.paths['/records/oa_product'].post.requestBody.content['application/json'].schema);
    expect(create.properties.weight).toMatchObject({ type: expect.arrayContaining(['number']) });
  });

  it('changes when an object is added or deleted', async () => {
    const before = await openapi();
    expect(before.paths).not.toHaveProperty(['/records/oa_supplier']);
    await t.admin.defineObject({ name: 'oa_supplier', label: 'Supplier', fields: [{ name: 'country', type: 'text', label: 'Country' }] });
    const after = await openapi();
    expect(after.paths['/records/oa_supplier']).toMatchObject({ get: expect.any(Object), post: expect.any(Object) });
    expect(after.paths['/records/oa_supplier/{id}']).toMatchObject({ get: expect.any(Object), patch: expect.any(Object), delete: expect.any(Object) });
    expect(after.components.schemas.oa_supplier.properties).toHaveProperty('country');
    // the other object is still there
    expect(after.paths).toHaveProperty(['/records/oa_product']);

    expect((await t.admin.delete('/metadata/objects/oa_supplier?confirm=true')).status).toBe(200);
    const gone = await openapi();
    expect(gone.paths).not.toHaveProperty(['/records/oa_supplier']);
    expect(gone.components.schemas).not.toHaveProperty('oa_supplier');
  });

  it('needs a signed-in caller', async () => {
    const res = await t.anonymous.get('/openapi.json');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
  });
});
