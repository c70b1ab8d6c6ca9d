import type { FieldDef } from '../api/describe';

/** Query parameters (?account=<id>&stage=new) as field values of the right kind; unknown names are ignored. */
export function valuesFromQuery(fields: FieldDef[], query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const text = query.get(f.name);
    if (text === null || text === '') continue;
    switch (f.type) {
      case 'integer':
      case 'number':
      case 'currency':
      case 'percent':
        if (Number.isFinite(Number(text))) out[f.name] = Number(text);
        break;
      case 'boolean':
        if (text === 'true' || text === 'false') out[f.name] = text === 'true';
        break;
      case 'multipicklist':
        out[f.name] = query.getAll(f.name).flatMap((v) => v.split(',')).filter(Boolean);
        break;
      default:
        out[f.name] = text;
    }
  }
  return out;
}
