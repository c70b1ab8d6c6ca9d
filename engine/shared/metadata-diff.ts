/**
 * A readable, structured diff of two metadata snapshots: what an admin's draft
 * or a published version changes, object by object and property by property.
 * Pure and browser-safe. Fields, rules, views, picklist values, indexes and
 * layout sections are matched by name (never by position), so inserting a
 * field reads as one added field, not as every later field changing.
 */
import { canonicalJson } from './canonical-json';
import { FIELD_CONDITIONS, LOCALES, type ListView, type Locale, type RawField, type RawLabel, type RawObjectDef, type RawPageLayout, type RawPicklistValue, type RawSnapshot, type RawValidationRule } from './metadata-types';

/** What a change is about: a stable key readers switch on to phrase it. */
export const CHANGE_WHATS = [
  'object', 'valueSet', 'label', 'pluralLabel', 'description', 'sharing', 'nameField', 'fieldOrder', 'property',
  'field', 'type', 'helpText', 'required', 'unique', 'indexed', 'defaultValue', 'audit', 'option', 'expression', 'condition', 'dependencies',
  'picklistValue', 'picklistValueLabel', 'picklistValueActive', 'picklistValueProperty', 'picklistValueOrder',
  'validationRule', 'ruleCondition', 'ruleMessage', 'ruleErrorField', 'ruleActive',
  'listView', 'listViewLabel', 'listViewFilter', 'listViewColumns', 'listViewSort', 'listViewVisibility',
  'layout', 'layoutSection', 'layoutSectionLabel', 'layoutSectionColumns', 'layoutField', 'layoutOrder', 'layoutHeaderFields', 'layoutRelatedLists',
  'index',
] as const;
export type ChangeWhat = (typeof CHANGE_WHATS)[number];

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One difference between two snapshots. */
export interface MetadataChange {
  kind: ChangeKind;
  /** Where, by names: /objects/deal/fields/amount/options/precision, /valueSets/stage/values/won/label/en. */
  path: string;
  object?: string;
  valueSet?: string;
  field?: string;
  /** The validation rule, list view, picklist value, index or layout section the change is about. */
  item?: string;
  /** The option, condition, name-field or other property key (for 'option', 'condition', 'nameField', 'property', 'picklistValueProperty'). */
  key?: string;
  /** For texts with one string per locale: the locale whose text changed. */
  locale?: Locale;
  what: ChangeWhat;
  before?: unknown;
  after?: unknown;
}

type Scope = Pick<MetadataChange, 'object' | 'valueSet' | 'field' | 'item' | 'key'>;
type Out = MetadataChange[];

/** Every difference from `before` to `after`: objects first (in the order they appear), then value sets. */
export function diffSnapshots(before: RawSnapshot, after: RawSnapshot): MetadataChange[] {
  const out: Out = [];
  const objects = matchByName(Object.values(before.objects), Object.values(after.objects), (o) => o.name);
  for (const o of objects.removed) out.push({ kind: 'removed', path: `/objects/${seg(o.name)}`, object: o.name, what: 'object', before: o.label });
  for (const o of objects.added) out.push({ kind: 'added', path: `/objects/${seg(o.name)}`, object: o.name, what: 'object', after: o.label });
  for (const [b, a] of objects.both) diffObject(out, b, a);
  const sets = matchByName(Object.values(before.valueSets), Object.values(after.valueSets), (v) => v.name);
  for (const v of sets.removed) out.push({ kind: 'removed', path: `/valueSets/${seg(v.name)}`, valueSet: v.name, what: 'valueSet', before: v.label });
  for (const v of sets.added) out.push({ kind: 'added', path: `/valueSets/${seg(v.name)}`, valueSet: v.name, what: 'valueSet', after: v.label });
  for (const [b, a] of sets.both) {
    const scope = { valueSet: a.name };
    const p = `/valueSets/${seg(a.name)}`;
    labels(out, scope, `${p}/label`, 'label', b.label, a.label);
    picklistValues(out, scope, `${p}/values`, b.values, a.values);
  }
  return out;
}

const OBJECT_KEYS = new Set(['name', 'label', 'pluralLabel', 'description', 'nameField', 'fields', 'indexes', 'validationRules', 'listViews', 'sharing', 'layout']);

function diffObject(out: Out, b: RawObjectDef, a: RawObjectDef): void {
  const scope = { object: a.name };
  const p = `/objects/${seg(a.name)}`;
  labels(out, scope, `${p}/label`, 'label', b.label, a.label);
  labels(out, scope, `${p}/pluralLabel`, 'pluralLabel', b.pluralLabel, a.pluralLabel);
  labels(out, scope, `${p}/description`, 'description', b.description, a.description);
  value(out, scope, `${p}/sharing`, 'sharing', b.sharing ?? 'publicReadWrite', a.sharing ?? 'publicReadWrite');
  const nb = b.nameField ?? {};
  const na = a.nameField ?? {};
  labels(out, { ...scope, key: 'label' }, `${p}/nameField/label`, 'nameField', nb.label, na.label);
  for (const k of ['type', 'format', 'maxLength'] as const) value(out, { ...scope, key: k }, `${p}/nameField/${k}`, 'nameField', nb[k], na[k]);
  others(out, scope, p, b as unknown as Record<string, unknown>, a as unknown as Record<string, unknown>, OBJECT_KEYS);
  const fields = matchByName(b.fields, a.fields, (f) => f.name);
  for (const f of fields.removed) out.push({ kind: 'removed', path: `${p}/fields/${seg(f.name)}`, ...scope, field: f.name, what: 'field', before: f });
  for (const f of fields.added) out.push({ kind: 'added', path: `${p}/fields/${seg(f.name)}`, ...scope, field: f.name, what: 'field', after: f });
  for (const [fb, fa] of fields.both) diffField(out, a.name, `${p}/fields/${seg(fa.name)}`, fb, fa);
  order(out, scope, `${p}/fields`, 'fieldOrder', b.fields.map((f) => f.name), a.fields.map((f) => f.name));
  validationRules(out, scope, `${p}/validationRules`, b.validationRules ?? [], a.validationRules ?? []);
  listViews(out, scope, `${p}/listViews`, b.listViews ?? [], a.listViews ?? []);
  layout(out, scope, `${p}/layout`, b.layout, a.layout);
  const indexKey = (i: { fields: string[] }) => i.fields.join(',');
  const indexes = matchByName(b.indexes ?? [], a.indexes ?? [], indexKey);
  for (const i of indexes.removed) out.push({ kind: 'removed', path: `${p}/indexes/${seg(indexKey(i))}`, ...scope, item: indexKey(i), what: 'index', before: i });
  for (const i of indexes.added) out.push({ kind: 'added', path: `${p}/indexes/${seg(indexKey(i))}`, ...scope, item: indexKey(i), what: 'index', after: i });
  for (const [ib, ia] of indexes.both) value(out, { ...scope, item: indexKey(ia) }, `${p}/indexes/${seg(indexKey(ia))}/unique`, 'index', ib.unique ?? false, ia.unique ?? false);
}

const FIELD_KEYS = new Set(['name', 'type', 'label', 'helpText', 'required', 'unique', 'indexed', 'defaultValue', 'options', 'audit', ...FIELD_CONDITIONS]);
const OWN_OPTIONS = new Set(['values', 'dependencies', 'expression']);

function diffField(out: Out, object: string, p: string, b: RawField, a: RawField): void {
  const scope = { object, field: a.name };
  value(out, scope, `${p}/type`, 'type', b.type, a.type);
  labels(out, scope, `${p}/label`, 'label', b.label, a.label);
  labels(out, scope, `${p}/helpText`, 'helpText', b.helpText, a.helpText);
  for (const k of ['required', 'unique', 'indexed'] as const) value(out, scope, `${p}/${k}`, k, b[k] ?? false, a[k] ?? false);
  value(out, scope, `${p}/audit`, 'audit', b.audit ?? true, a.audit ?? true);
  value(out, scope, `${p}/defaultValue`, 'defaultValue', b.defaultValue, a.defaultValue);
  for (const c of FIELD_CONDITIONS) value(out, { ...scope, key: c }, `${p}/${c}`, 'condition', b[c], a[c]);
  others(out, scope, p, b as unknown as Record<string, unknown>, a as unknown as Record<string, unknown>, FIELD_KEYS);
  const ob = b.options ?? {};
  const oa = a.options ?? {};
  for (const k of union(Object.keys(ob), Object.keys(oa))) if (!OWN_OPTIONS.has(k)) value(out, { ...scope, key: k }, `${p}/options/${seg(k)}`, 'option', ob[k], oa[k]);
  value(out, scope, `${p}/options/expression`, 'expression', ob.expression, oa.expression);
  const deps = (o: Record<string, unknown>) => (isRecord(o.dependencies) ? o.dependencies : {});
  const db = deps(ob);
  const da = deps(oa);
  for (const k of union(Object.keys(db), Object.keys(da))) value(out, { ...scope, key: k }, `${p}/options/dependencies/${seg(k)}`, 'dependencies', db[k], da[k]);
  if (ob.values !== undefined || oa.values !== undefined) picklistValues(out, scope, `${p}/options/values`, valuesOf(ob.values), valuesOf(oa.values));
}

const VALUE_KEYS = ['probability', 'color'] as const;

function picklistValues(out: Out, scope: Scope, p: string, b: RawPicklistValue[], a: RawPicklistValue[]): void {
  const m = matchByName(b, a, (v) => v.value);
  for (const v of m.removed) out.push({ kind: 'removed', path: `${p}/${seg(v.value)}`, ...scope, item: v.value, what: 'picklistValue', before: v });
  for (const v of m.added) out.push({ kind: 'added', path: `${p}/${seg(v.value)}`, ...scope, item: v.value, what: 'picklistValue', after: v });
  for (const [vb, va] of m.both) {
    const s = { ...scope, item: va.value };
    const vp = `${p}/${seg(va.value)}`;
    labels(out, s, `${vp}/label`, 'picklistValueLabel', vb.label, va.label);
    value(out, s, `${vp}/active`, 'picklistValueActive', vb.active ?? true, va.active ?? true);
    for (const k of VALUE_KEYS) value(out, { ...s, key: k }, `${vp}/${k}`, 'picklistValueProperty', vb[k], va[k]);
  }
  order(out, scope, p, 'picklistValueOrder', b.map((v) => v.value), a.map((v) => v.value));
}

function validationRules(out: Out, scope: Scope, p: string, b: RawValidationRule[], a: RawValidationRule[]): void {
  const m = matchByName(b, a, (r) => r.name);
  for (const r of m.removed) out.push({ kind: 'removed', path: `${p}/${seg(r.name)}`, ...scope, item: r.name, what: 'validationRule', before: r });
  for (const r of m.added) out.push({ kind: 'added', path: `${p}/${seg(r.name)}`, ...scope, item: r.name, what: 'validationRule', after: r });
  for (const [rb, ra] of m.both) {
    const s = { ...scope, item: ra.name };
    const rp = `${p}/${seg(ra.name)}`;
    value(out, s, `${rp}/condition`, 'ruleCondition', rb.condition, ra.condition);
    labels(out, s, `${rp}/message`, 'ruleMessage', rb.message, ra.message);
    value(out, s, `${rp}/errorField`, 'ruleErrorField', rb.errorField, ra.errorField);
    value(out, s, `${rp}/active`, 'ruleActive', rb.active ?? true, ra.active ?? true);
  }
}

function listViews(out: Out, scope: Scope, p: string, b: ListView[], a: ListView[]): void {
  const m = matchByName(b, a, (v) => v.name);
  for (const v of m.removed) out.push({ kind: 'removed', path: `${p}/${seg(v.name)}`, ...scope, item: v.name, what: 'listView', before: v });
  for (const v of m.added) out.push({ kind: 'added', path: `${p}/${seg(v.name)}`, ...scope, item: v.name, what: 'listView', after: v });
  for (const [vb, va] of m.both) {
    const s = { ...scope, item: va.name };
    const vp = `${p}/${seg(va.name)}`;
    labels(out, s, `${vp}/label`, 'listViewLabel', vb.label, va.label);
    value(out, s, `${vp}/filter`, 'listViewFilter', vb.filter, va.filter);
    value(out, s, `${vp}/columns`, 'listViewColumns', vb.columns, va.columns);
    value(out, s, `${vp}/sort`, 'listViewSort', vb.sort, va.sort);
    value(out, s, `${vp}/visibility`, 'listViewVisibility', vb.visibility, va.visibility);
  }
}

type Section = RawPageLayout['sections'][number];

/** A section's name for matching and paths: its English (else any) label, else its position. */
const sectionName = (s: Section, i: number): string => (typeof s.label === 'string' ? s.label : (s.label.en ?? s.label['zh-CN'] ?? '')) || `#${i + 1}`;

function layout(out: Out, scope: Scope, p: string, b: RawPageLayout | undefined, a: RawPageLayout | undefined): void {
  if (!b || !a) {
    if (b || a) value(out, scope, p, 'layout', b, a);
    return;
  }
  const named = (l: RawPageLayout) => l.sections.map((s, i) => ({ name: sectionName(s, i), s }));
  const m = matchByName(named(b), named(a), (x) => x.name);
  // A relabelled section is the same section: pair what is left unmatched by position.
  const pairs = m.both.map(([x, y]) => [x, y] as const);
  const paired = Math.min(m.removed.length, m.added.length);
  for (let i = 0; i < paired; i++) pairs.push([m.removed[i]!, m.added[i]!]);
  for (const x of m.removed.slice(paired)) out.push({ kind: 'removed', path: `${p}/sections/${seg(x.name)}`, ...scope, item: x.name, what: 'layoutSection', before: x.s });
  for (const x of m.added.slice(paired)) out.push({ kind: 'added', path: `${p}/sections/${seg(x.name)}`, ...scope, item: x.name, what: 'layoutSection', after: x.s });
  const renamed = new Map<string, string>();
  for (const [x, y] of pairs) {
    renamed.set(x.name, y.name);
    const s = { ...scope, item: y.name };
    labels(out, s, `${p}/sections/${seg(y.name)}/label`, 'layoutSectionLabel', x.s.label, y.s.label);
    value(out, s, `${p}/sections/${seg(y.name)}/columns`, 'layoutSectionColumns', x.s.columns ?? 2, y.s.columns ?? 2);
  }
  const where = (l: ReturnType<typeof named>, rename: (n: string) => string) => new Map(l.flatMap((x) => x.s.fields.map((f) => [f, rename(x.name)] as const)));
  const wb = where(named(b), (n) => renamed.get(n) ?? n);
  const wa = where(named(a), (n) => n);
  for (const f of union([...wb.keys()], [...wa.keys()])) value(out, { ...scope, field: f }, `${p}/fields/${seg(f)}`, 'layoutField', wb.get(f), wa.get(f));
  for (const [x, y] of pairs) order(out, { ...scope, item: y.name }, `${p}/sections/${seg(y.name)}/fields`, 'layoutOrder', x.s.fields, y.s.fields);
  value(out, scope, `${p}/headerFields`, 'layoutHeaderFields', b.headerFields, a.headerFields);
  value(out, scope, `${p}/relatedLists`, 'layoutRelatedLists', b.relatedLists, a.relatedLists);
}

/** Properties a newer format may add that the named diffs above do not know: reported as they are. */
function others(out: Out, scope: Scope, p: string, b: Record<string, unknown>, a: Record<string, unknown>, known: Set<string>): void {
  for (const k of union(Object.keys(b), Object.keys(a))) if (!known.has(k)) value(out, { ...scope, key: k }, `${p}/${seg(k)}`, 'property', b[k], a[k]);
}

/** One change for a value that differs (undefined on one side: added or removed). */
function value(out: Out, scope: Scope, path: string, what: ChangeWhat, b: unknown, a: unknown): void {
  if (same(b, a)) return;
  const kind: ChangeKind = b === undefined ? 'added' : a === undefined ? 'removed' : 'changed';
  out.push({ kind, path, ...scope, what, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
}

/**
 * A text per locale (a plain string stands for every locale): one change per locale whose text differs,
 * or a single change without a locale when every locale changed the same way (a plain string edited).
 */
function labels(out: Out, scope: Scope, path: string, what: ChangeWhat, b: RawLabel | undefined, a: RawLabel | undefined): void {
  const diffs = LOCALES.map((locale) => ({ locale, tb: textIn(b, locale), ta: textIn(a, locale) })).filter((d) => d.tb !== d.ta);
  const alike = diffs.length === LOCALES.length && diffs.every((d) => d.tb === diffs[0]!.tb && d.ta === diffs[0]!.ta);
  for (const { locale, tb, ta } of alike ? diffs.slice(0, 1) : diffs) {
    const kind: ChangeKind = tb === undefined ? 'added' : ta === undefined ? 'removed' : 'changed';
    const where = alike ? { path } : { path: `${path}/${locale}`, locale };
    out.push({ kind, ...where, ...scope, what, ...(tb !== undefined ? { before: tb } : {}), ...(ta !== undefined ? { after: ta } : {}) });
  }
}

/** A reordering of the names both sides keep (additions and removals are reported on their own). */
function order(out: Out, scope: Scope, path: string, what: ChangeWhat, b: string[], a: string[]): void {
  const kept = new Set(a);
  const common = b.filter((n) => kept.has(n));
  const inB = new Set(b);
  if (!same(common, a.filter((n) => inB.has(n)))) out.push({ kind: 'changed', path, ...scope, what, before: b, after: a });
}

const textIn = (l: RawLabel | undefined, locale: Locale): string | undefined => (typeof l === 'string' ? l : l?.[locale]) || undefined;

/** Items on both sides by a key: removed (in `before`'s order), added and kept (in `after`'s order). */
function matchByName<T>(before: T[], after: T[], key: (t: T) => string): { removed: T[]; added: T[]; both: [T, T][] } {
  const b = new Map(before.map((t) => [key(t), t]));
  const a = new Set(after.map(key));
  return {
    removed: before.filter((t) => !a.has(key(t))),
    added: after.filter((t) => !b.has(key(t))),
    both: after.filter((t) => b.has(key(t))).map((t) => [b.get(key(t))!, t]),
  };
}

const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const valuesOf = (v: unknown): RawPicklistValue[] => (Array.isArray(v) ? v.filter((x): x is RawPicklistValue => isRecord(x) && typeof x.value === 'string') : []);

/** Structural equality, key order ignored. */
const same = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/** One JSON-pointer segment (~ and / escaped). */
const seg = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
