import type { FieldTypeRegistry } from '../field-types/registry';
import type { TenantMetadata } from '../metadata/tenant-metadata';
import { recordSchema } from '../records/json-schema';
import { leadPaths } from './lead-paths';
import { sharingPaths } from './sharing-paths';

type Doc = Record<string, unknown>;

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: Doc, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const stripMeta = (s: Doc): Doc => {
  const { $schema: _s, $id: _i, ...rest } = s;
  return rest;
};

function listParameters(): Doc[] {
  const q = (name: string, description: string, schema: Doc = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
  return [
    q('filter', 'json-logic filter over field names, URL-encoded JSON'),
    q('sort', 'comma-separated fields, "-" for descending, e.g. -annual_revenue,name'),
    q('limit', 'page size (default 50, max 1000)', { type: 'integer', minimum: 1, maximum: 1000 }),
    q('offset', 'rows to skip', { type: 'integer', minimum: 0 }),
    q('cursor', 'nextCursor of the previous page (keyset paging)'),
    q('fields', 'comma-separated fields to return'),
    q('count', 'when true the answer carries total', { type: 'boolean' }),
    q('q', 'quick search over text fields'),
  ];
}

function objectPaths(name: string, label: string): Record<string, Doc> {
  const ref = (s: string) => ({ $ref: `#/components/schemas/${s}` });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const tags = [name];
  const allowDuplicates = { name: 'allowDuplicates', in: 'query', required: false, description: 'save although a warn duplicate rule matched', schema: { type: 'boolean' } };
  return {
    [`/records/${name}`]: {
      get: { tags, summary: `List ${label}`, operationId: `list_${name}`, parameters: listParameters(), responses: { 200: json({ type: 'object', properties: { records: { type: 'array', items: ref(`${name}`) }, total: { type: 'integer' }, nextCursor: { type: 'string' } }, required: ['records'] }), 400: errorResponse('invalid query') } },
      post: { tags, summary: `Create a ${label}`, operationId: `create_${name}`, parameters: [allowDuplicates], requestBody: { required: true, content: { 'application/json': { schema: ref(`${name}_create`) } } }, responses: { 201: json(ref(name), 'Created'), 400: errorResponse('invalid record'), 409: errorResponse('not unique, or a duplicate rule matched (RECORD_DUPLICATE / RECORD_DUPLICATE_WARNING)') } },
    },
    [`/records/${name}/bulk`]: {
      post: { tags, summary: `Create many ${label} records (all or nothing)`, operationId: `bulk_create_${name}`, parameters: [allowDuplicates], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { records: { type: 'array', maxItems: 10000, items: ref(`${name}_create`) } }, required: ['records'] } } } }, responses: { 201: json({ type: 'object', properties: { created: { type: 'integer' }, ids: { type: 'array', items: { type: 'string', format: 'uuid' } } } }, 'Created'), 400: errorResponse('invalid batch'), 409: errorResponse('a duplicate rule matched') } },
    },
    [`/records/${name}/{id}`]: {
      parameters: [idParam],
      get: { tags, summary: `Read a ${label}`, operationId: `read_${name}`, responses: { 200: json(ref(name)), 403: errorResponse('object not allowed'), 404: errorResponse('not found or not visible') } },
      patch: { tags, summary: `Update a ${label}`, operationId: `update_${name}`, parameters: [{ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }, allowDuplicates], requestBody: { required: true, content: { 'application/json': { schema: ref(`${name}_update`) } } }, responses: { 200: json(ref(name)), 400: errorResponse('invalid record'), 404: errorResponse('not found'), 403: errorResponse('not allowed'), 409: errorResponse('version conflict, converted record or duplicate'), 428: errorResponse('version required') } },
      delete: { tags, summary: `Delete a ${label}`, operationId: `delete_${name}`, responses: { 204: { description: 'Deleted' }, 403: errorResponse('not allowed'), 404: errorResponse('not found or not visible'), 409: errorResponse('in use') } },
    },
  };
}

/** The tenant's OpenAPI 3.1 document: every object's record endpoints and schemas. */
export function buildOpenApi(meta: TenantMetadata, registry: FieldTypeRegistry): Doc {
  const paths: Record<string, Doc> = {};
  const schemas: Record<string, Doc> = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } } },
    },
  };
  for (const name of [...meta.snapshot.objects.keys()].sort()) {
    const obj = meta.object(name);
    Object.assign(paths, objectPaths(name, obj.def.label.en), sharingPaths(name, obj.def.label.en), leadPaths(obj.def));
    schemas[name] = recordSchema(obj.def, registry);
    schemas[`${name}_create`] = stripMeta(obj.createSchema);
    schemas[`${name}_update`] = stripMeta(obj.updateSchema);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Tessera API', version: `metadata-${meta.version}`, description: 'Generated from this organisation’s metadata; it changes when the metadata changes.' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { cookie: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'tessera_session' } },
      schemas,
    },
    paths,
  };
}
