import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { AppError } from '../../core/errors';
import { ajvIssues } from '../../metadata/document-validator';
import { metadataSchemas } from '../../metadata/schema-files';

const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(metadataSchemas.label);

const apiName = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' };
const uuid = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const nullableUuid = { oneOf: [uuid, { type: 'null' }] };
const label = { $ref: 'label.schema.json' };

/** A department or role: `name` is fixed once created. */
export const treeNodeCreate = { type: 'object', additionalProperties: false, required: ['name', 'label'], properties: { name: apiName, label, parentId: nullableUuid } };
export const treeNodeUpdate = { type: 'object', additionalProperties: false, minProperties: 1, properties: { label, parentId: nullableUuid } };

const grant = {
  type: 'object',
  additionalProperties: false,
  properties: {
    create: { type: 'boolean' },
    read: { type: 'boolean' },
    edit: { type: 'boolean' },
    delete: { type: 'boolean' },
    viewAll: { type: 'boolean' },
    modifyAll: { type: 'boolean' },
    fields: { type: 'object', maxProperties: 500, propertyNames: apiName, additionalProperties: { enum: ['none', 'read', 'edit'] } },
  },
};
const objects = { type: 'object', maxProperties: 1000, propertyNames: { oneOf: [apiName, { const: '*' }] }, additionalProperties: grant };
export const permissionSetCreate = { type: 'object', additionalProperties: false, required: ['name', 'label'], properties: { name: apiName, label, admin: { type: 'boolean' }, objects, assignByDefault: { type: 'boolean' } } };
export const permissionSetUpdate = { type: 'object', additionalProperties: false, minProperties: 1, properties: { label, admin: { type: 'boolean' }, objects, assignByDefault: { type: 'boolean' } } };

export const userAccessUpdate = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    locale: { enum: ['en', 'zh-CN'] },
    isAdmin: { type: 'boolean' },
    active: { type: 'boolean' },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    roleId: nullableUuid,
    departmentId: nullableUuid,
    managesDepartment: { type: 'boolean' },
    permissionSets: { type: 'array', maxItems: 100, uniqueItems: true, items: apiName },
  },
};

const shareWith = { type: 'object', additionalProperties: false, required: ['kind', 'id'], properties: { kind: { enum: ['user', 'role', 'department'] }, id: uuid } };
const access = { enum: ['read', 'edit'] };
export const sharingRuleCreate = {
  type: 'object',
  additionalProperties: false,
  required: ['object', 'name', 'criteria', 'shareWith', 'access'],
  properties: { object: apiName, name: apiName, label, criteria: {}, shareWith, access, active: { type: 'boolean' } },
};
export const sharingRuleUpdate = { type: 'object', additionalProperties: false, minProperties: 1, properties: { label, criteria: {}, shareWith, access, active: { type: 'boolean' } } };

export const recordShareCreate = { type: 'object', additionalProperties: false, required: ['kind', 'id', 'access'], properties: { kind: { enum: ['user', 'role', 'department'] }, id: uuid, access } };
export const teamMemberCreate = { type: 'object', additionalProperties: false, required: ['userId', 'access'], properties: { userId: uuid, access, teamRole: { type: 'string', minLength: 1, maxLength: 100 } } };
/** At most this many records per bulk edit, bulk delete or ownership transfer. */
export const MAX_BULK_IDS = 1000;
/** The distinct record ids of a request over many records. */
export const bulkIds = { type: 'array', minItems: 1, maxItems: MAX_BULK_IDS, uniqueItems: true, items: uuid };
export const ownerTransfer = { type: 'object', additionalProperties: false, required: ['ids', 'ownerId'], properties: { ids: bulkIds, ownerId: uuid } };

const compiled = new Map<object, ValidateFunction>();

/** Checks a request body against its schema: 400 with every issue, nothing written. */
export function parseBody<T>(schema: object, body: unknown, code: 'SECURITY_INVALID' | 'REQUEST_INVALID' = 'SECURITY_INVALID'): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(body)) throw new AppError(code, 'the request body is invalid', { issues: ajvIssues(validate.errors) });
  return body as T;
}
