import type { ObjectDef } from '../shared/metadata-types';

type Doc = Record<string, unknown>;

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: Doc, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const uuid = { type: 'string', format: 'uuid' };
const obj = (properties: Doc, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
const body = (schema: Doc) => ({ required: true, content: { 'application/json': { schema } } });
const denied = { 403: error('not allowed'), 404: error('not found or not visible') };
const match = obj({ rule: { type: 'string' }, label: { type: 'object' }, action: { enum: ['block', 'warn'] }, records: { type: 'array', items: obj({ id: uuid, name: { type: ['string', 'null'] } }) }, hidden: { type: 'integer' } });

/** Import jobs of one object: upload, mapping, dry run, start, progress, cancel, rejected rows. */
function importPaths(name: string, label: string, tags: string[]): Record<string, Doc> {
  const base = `/records/${name}/imports`;
  const importId = { name: 'importId', in: 'path', required: true, schema: uuid };
  const job = { type: 'object', description: 'the import job: status, counters (total, processed, inserted, updated, rejected), mapping' };
  const step = (summary: string, operationId: string, extra: Doc = {}) => ({ post: { tags, summary, operationId, responses: { 200: json(job), 404: error('no such import'), 409: error('not in a state that allows this'), ...extra } } });
  return {
    [base]: {
      post: {
        tags,
        summary: `Upload a CSV file of ${label} records (UTF-8 with or without BOM, GBK)`,
        operationId: `import_${name}`,
        parameters: [
          { name: 'encoding', in: 'query', required: false, schema: { enum: ['auto', 'utf-8', 'gbk'] } },
          { name: 'mode', in: 'query', required: false, schema: { enum: ['insert', 'update', 'upsert'] } },
          { name: 'key', in: 'query', required: false, description: 'the field matching rows for update and upsert', schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: { 201: json({ type: 'object', description: 'the job id, detected encoding, header, first rows and the suggested mapping' }, 'Uploaded'), 400: error('file or encoding invalid'), 413: error('file too large'), ...denied },
      },
    },
    [`${base}/{importId}`]: { parameters: [importId], get: { tags, summary: 'An import job and its progress', operationId: `read_import_${name}`, responses: { 200: json(job), 404: error('no such import') } } },
    [`${base}/{importId}/mapping`]: {
      parameters: [importId],
      put: { tags, summary: 'Set the column → field mapping, mode and key', operationId: `map_import_${name}`, requestBody: body(obj({ mapping: { type: 'object' }, mode: { enum: ['insert', 'update', 'upsert'] }, key: { type: 'string' } }, ['mapping'])), responses: { 200: json(job), 400: error('mapping invalid'), 404: error('no such import'), 409: error('not in a state that allows this') } },
    },
    [`${base}/{importId}/dry-run`]: { parameters: [importId], ...step('Check every row without writing anything', `dry_run_import_${name}`) },
    [`${base}/{importId}/start`]: {
      parameters: [importId, { name: 'allowDuplicates', in: 'query', required: false, schema: { type: 'boolean' } }],
      ...step('Run the import as a background job', `start_import_${name}`),
    },
    [`${base}/{importId}/cancel`]: { parameters: [importId], ...step('Stop before the next batch', `cancel_import_${name}`) },
    [`${base}/{importId}/rejected.csv`]: {
      parameters: [importId],
      get: { tags, summary: 'The rejected rows with their reasons (UTF-8 with BOM)', operationId: `rejected_import_${name}`, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 404: error('no such import') } },
    },
  };
}

/**
 * The lead-handling endpoints of one object: duplicates and merge, export,
 * import jobs, and — where the metadata defines them — on-demand assignment
 * and conversion.
 */
export function leadPaths(def: ObjectDef): Record<string, Doc> {
  const name = def.name;
  const label = def.label.en;
  const tags = [name];
  const idParam = { name: 'id', in: 'path', required: true, schema: uuid };
  const exportParams = ['filter', 'sort', 'q', 'view', 'fields'].map((p) => ({ name: p, in: 'query', required: false, schema: { type: 'string' } }));
  const paths: Record<string, Doc> = {
    [`/records/${name}/duplicates`]: {
      post: { tags, summary: `Possible duplicates of ${label} field values`, operationId: `duplicates_${name}`, parameters: [{ name: 'excludeId', in: 'query', required: false, schema: uuid }], requestBody: body({ type: 'object' }), responses: { 200: json(obj({ matches: { type: 'array', items: match } })), 400: error('invalid'), 403: error('not allowed') } },
    },
    [`/records/${name}/merge`]: {
      post: {
        tags,
        summary: `Merge up to 3 ${label} records into a survivor (related records re-parented)`,
        operationId: `merge_${name}`,
        requestBody: body(obj({ survivor: uuid, merged: { type: 'array', minItems: 1, maxItems: 3, items: uuid }, values: { type: 'object', description: 'field → id of the record whose value wins' }, version: { type: 'integer' } }, ['survivor', 'merged'])),
        responses: { 200: json({ type: 'object' }), 400: error('merge invalid'), 409: error('version conflict'), ...denied },
      },
    },
    [`/records/${name}/export.csv`]: { get: { tags, summary: `${label} records as CSV (UTF-8 with BOM)`, operationId: `export_csv_${name}`, parameters: exportParams, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: error('invalid query'), 403: error('not allowed') } } },
    [`/records/${name}/export.xlsx`]: {
      get: { tags, summary: `${label} records as an Excel workbook`, operationId: `export_xlsx_${name}`, parameters: exportParams, responses: { 200: { description: 'XLSX', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } }, 400: error('invalid query'), 403: error('not allowed') } },
    },
    ...importPaths(name, label, tags),
  };
  if (def.assignmentRules.some((r) => r.active)) {
    paths[`/records/${name}/assign`] = {
      post: { tags, summary: `Run the assignment rules on existing ${label} records`, operationId: `assign_${name}`, requestBody: body(obj({ ids: { type: 'array', maxItems: 1000, items: uuid } }, ['ids'])), responses: { 200: json(obj({ assigned: { type: 'array', items: obj({ id: uuid, owner: uuid }) }, unchanged: { type: 'array', items: uuid } })), 400: error('invalid'), ...denied } },
    };
  }
  if (def.conversion) {
    const targets = Object.fromEntries(def.conversion.targets.map((t) => [t.key, obj({ action: { enum: t.optional ? ['create', 'existing', 'skip'] : ['create', 'existing'] }, id: uuid, values: { type: 'object' } })]));
    paths[`/records/${name}/{id}/convert`] = {
      parameters: [idParam],
      get: { tags, summary: `Preview converting a ${label} (mapped values, suggested existing records)`, operationId: `preview_convert_${name}`, responses: { 200: json({ type: 'object' }), ...denied } },
      post: {
        tags,
        summary: `Convert a ${label} into ${def.conversion.targets.map((t) => t.label.en).join(', ')} (one transaction)`,
        operationId: `convert_${name}`,
        parameters: [{ name: 'allowDuplicates', in: 'query', required: false, schema: { type: 'boolean' } }],
        requestBody: body(obj({ targets: obj(targets), owner: uuid, version: { type: 'integer' } })),
        responses: { 200: json({ type: 'object' }), 400: error('conversion or target record invalid'), 409: error('already converted, duplicate or version conflict'), ...denied },
      },
    };
  }
  return paths;
}
