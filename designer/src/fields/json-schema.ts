/**
 * The small part of JSON Schema the settings form understands, and a client-side
 * check of settings against it (required, pattern, ranges, lengths, enum,
 * "exactly one of" and dependent properties) so obvious gaps are caught before
 * the draft goes to the server, which stays the judge.
 */
export type JsonSchema = Record<string, unknown>;

/** How a schema is edited. */
export type SchemaShape = 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'const' | 'choice' | 'oneOf' | 'array' | 'json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const subSchemas = (s: JsonSchema, key: 'oneOf' | 'anyOf'): JsonSchema[] => (Array.isArray(s[key]) ? (s[key] as unknown[]).filter(isObject) : []);

/** Branches that only say which properties must be present (`oneOf: [{required: [a]}, {required: [b]}]`). */
const isRequiredOnly = (b: JsonSchema): boolean => Object.keys(b).every((k) => k === 'required');

export function shapeOf(s: JsonSchema): SchemaShape {
  if ('const' in s) return 'const';
  if (Array.isArray(s.enum)) return 'enum';
  const branches = subSchemas(s, 'oneOf');
  if (branches.length && branches.every((b) => 'const' in b)) return 'choice';
  if (branches.length && !branches.every(isRequiredOnly) && !s.properties) return 'oneOf';
  const type = s.type;
  if (typeof type === 'string' && ['object', 'string', 'integer', 'number', 'boolean', 'array'].includes(type)) {
    if (type === 'object' && !isObject(s.properties)) return 'json';
    return type as SchemaShape;
  }
  if (type === undefined && isObject(s.properties)) return 'object';
  return 'json';
}

export const propertiesOf = (s: JsonSchema): [string, JsonSchema][] => (isObject(s.properties) ? Object.entries(s.properties).filter((e): e is [string, JsonSchema] => isObject(e[1])) : []);
export const requiredOf = (s: JsonSchema): string[] => (Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : []);
export const itemsOf = (s: JsonSchema): JsonSchema => (isObject(s.items) ? s.items : {});

/** Whether a value fits a schema's declared type (for choosing a oneOf branch). */
export function fitsType(s: JsonSchema, v: unknown): boolean {
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if ('const' in s) return s.const === v;
  if (!types.length) return true;
  return types.some((t) => (t === 'integer' ? Number.isInteger(v) : t === 'array' ? Array.isArray(v) : t === 'object' ? isObject(v) : t === 'null' ? v === null : typeof v === t));
}

/** A problem the browser found in settings, by JSON pointer relative to the settings. */
export interface SettingProblem {
  path: string;
  code: 'SETTING_REQUIRED' | 'SETTING_PATTERN' | 'SETTING_RANGE' | 'SETTING_LENGTH' | 'SETTING_ENUM' | 'SETTING_TYPE' | 'SETTING_ONE_OF' | 'SETTING_DEPENDENT';
  /** Names and bounds for the message. */
  vars: Record<string, string | number>;
}

function checkScalar(s: JsonSchema, v: unknown, path: string): SettingProblem[] {
  const out: SettingProblem[] = [];
  if (!fitsType(s, v)) return [{ path, code: 'SETTING_TYPE', vars: { type: String(s.type ?? s.const) } }];
  if (Array.isArray(s.enum) && !s.enum.includes(v)) out.push({ path, code: 'SETTING_ENUM', vars: { values: s.enum.join(', ') } });
  if (typeof v === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) out.push({ path, code: 'SETTING_PATTERN', vars: { pattern: s.pattern } });
    if ((typeof s.minLength === 'number' && v.length < s.minLength) || (typeof s.maxLength === 'number' && v.length > s.maxLength))
      out.push({ path, code: 'SETTING_LENGTH', vars: { min: Number(s.minLength ?? 0), max: Number(s.maxLength ?? Infinity) } });
  }
  if (typeof v === 'number' && ((typeof s.minimum === 'number' && v < s.minimum) || (typeof s.maximum === 'number' && v > s.maximum)))
    out.push({ path, code: 'SETTING_RANGE', vars: { min: Number(s.minimum ?? -Infinity), max: Number(s.maximum ?? Infinity) } });
  return out;
}

function checkObject(s: JsonSchema, v: Record<string, unknown>, path: string): SettingProblem[] {
  const out: SettingProblem[] = [];
  for (const name of requiredOf(s)) if (v[name] === undefined) out.push({ path: `${path}/${name}`, code: 'SETTING_REQUIRED', vars: { name } });
  for (const [name, sub] of propertiesOf(s)) if (v[name] !== undefined) out.push(...settingsProblems(sub, v[name], `${path}/${name}`));
  const groups = subSchemas(s, 'oneOf').filter(isRequiredOnly).map(requiredOf);
  if (groups.length && groups.filter((g) => g.every((n) => v[n] !== undefined)).length !== 1)
    out.push({ path, code: 'SETTING_ONE_OF', vars: { names: groups.map((g) => g.join('+')).join(' | ') } });
  if (isObject(s.dependentRequired))
    for (const [name, needs] of Object.entries(s.dependentRequired))
      if (v[name] !== undefined && Array.isArray(needs))
        for (const n of needs) if (v[String(n)] === undefined) out.push({ path: `${path}/${String(n)}`, code: 'SETTING_DEPENDENT', vars: { name, needs: String(n) } });
  return out;
}

/** What the browser can tell is wrong with a value against its schema. */
export function settingsProblems(s: JsonSchema, v: unknown, path = ''): SettingProblem[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) {
    const out: SettingProblem[] = [];
    if (typeof s.minItems === 'number' && v.length < s.minItems) out.push({ path, code: 'SETTING_LENGTH', vars: { min: s.minItems, max: Number(s.maxItems ?? Infinity) } });
    v.forEach((x, i) => out.push(...settingsProblems(itemsOf(s), x, `${path}/${i}`)));
    return out;
  }
  if (isObject(v) && (isObject(s.properties) || s.type === 'object')) return checkObject(s, v, path);
  const branches = subSchemas(s, 'oneOf').filter((b) => !isRequiredOnly(b));
  if (branches.length) {
    const fit = branches.find((b) => fitsType(b, v));
    return fit ? settingsProblems(fit, v, path) : [{ path, code: 'SETTING_TYPE', vars: { type: 'oneOf' } }];
  }
  if (s.type === undefined && !('const' in s) && !Array.isArray(s.enum)) return [];
  return checkScalar(s, v, path);
}
