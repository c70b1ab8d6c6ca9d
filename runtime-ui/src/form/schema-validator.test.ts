import { describe, expect, it } from 'vitest';
import { createRecordAjv } from '../../../engine/metadata/tenant-metadata';
import { ACCOUNT, DEAL } from './deal-fixture';
import { formValidator, schemaIssues } from './schema-validator';
import { defineObject } from './test-support';

const deal = defineObject(DEAL, {}, [ACCOUNT]);
const PAYLOADS: Record<string, unknown>[] = [
  { name: 'ok', amount: 12.5, qty: 3, email: 'li@163.com', province: 'gd', city: 'gz' },
  { name: 'bad email', email: 'li@' },
  { name: 'bad int', qty: 2.5 },
  { name: 'text for a number', amount: 'ten' },
  { name: 'too big', amount: 1e17 },
  { name: 'not a choice', stage: 'maybe' },
  { name: 'inactive on create', stage: 'parked' },
  { name: 'not a uuid', account: 'acme' },
  { name: 'x'.repeat(256) },
  { name: 'nulls', amount: null, email: null, account: null },
  { amount: 5 },
  { name: 'unknown field', nonsense: 1 },
];

describe('the browser schema validation', () => {
  it('gives the server ajv verdict on the server schema (create and update), field by field', () => {
    const ajv = createRecordAjv();
    for (const mode of ['create', 'update'] as const) {
      const schema = deal.schema(mode);
      const server = ajv.compile(schema);
      for (const payload of PAYLOADS) {
        const body = mode === 'update' ? { ...payload, version: 1 } : payload;
        const ok = server(body);
        const serverFields = new Set(
          (server.errors ?? []).map((e) => {
            const p = e.params as { missingProperty?: string; additionalProperty?: string };
            return e.instancePath.split('/')[1] ?? p.missingProperty ?? p.additionalProperty ?? '';
          }),
        );
        const browser = schemaIssues(schema, body);
        expect({ mode, payload, valid: browser.length === 0 }).toEqual({ mode, payload, valid: ok });
        expect(new Set(browser.map((i) => i.field || ''))).toEqual(serverFields);
      }
    }
  });

  it('names the refused keyword per field, and works as react-jsonschema-form validator', () => {
    const schema = deal.schema('create');
    expect(schemaIssues(schema, { name: 'n', qty: 2.5, email: 'x' }).map((i) => [i.field, i.keyword])).toEqual(
      expect.arrayContaining([
        ['qty', 'type'],
        ['email', 'format'],
      ]),
    );
    const v = formValidator.validateFormData({ name: 'n', qty: 2.5 }, schema);
    expect(v.errorSchema).toMatchObject({ qty: { __errors: [expect.any(String)] } });
    expect(formValidator.isValid(schema, { name: 'n' }, schema)).toBe(true);
    expect(formValidator.isValid(schema, { qty: 1 }, schema)).toBe(false);
  });
});
