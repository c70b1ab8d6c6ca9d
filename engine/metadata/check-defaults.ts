import type { Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import { fieldValueSchema } from '../records/json-schema';
import type { Snapshot } from './snapshot';
import { isRuleDefault } from '../shared/metadata-types';
import { createRecordAjv } from './tenant-metadata';

/** A default value must itself be a valid value of its field. */
export function checkDefaults(snapshot: Snapshot, registry: FieldTypeRegistry): Issue[] {
  const ajv = createRecordAjv();
  const issues: Issue[] = [];
  for (const obj of snapshot.objects.values()) {
    obj.fields.forEach((f) => {
      // Rule defaults are type-checked with the other rules (check-rules.ts).
      if (f.defaultValue === undefined || f.system || isRuleDefault(f.defaultValue)) return;
      const validate = ajv.compile(fieldValueSchema(f, registry, 'create'));
      if (!validate(f.defaultValue)) {
        const index = obj.fields.filter((x) => !x.system).indexOf(f);
        issues.push({ path: `/objects/${obj.name}/fields/${index}/defaultValue`, code: 'INVALID_DEFAULT', message: `default value is not a valid ${f.type}: ${validate.errors?.[0]?.message ?? 'invalid'}` });
      }
    });
  }
  return issues;
}
