import type { ChangeWhat, MetadataChange } from '../../../engine/shared/metadata-diff';
import type { Label } from '../../../runtime-ui/src/i18n/i18n';
import type { ReviewText } from './messages';

type LabelOf = (l: Label | undefined, fallback?: string) => string;
type PropKey = Parameters<ReviewText>[0];

/** The noun naming what a generic change touches; null for changes phrased by a sentence of their own. */
const PROP: Record<ChangeWhat, PropKey | null> = {
  object: null, valueSet: null, field: null, required: null, unique: null, indexed: null, audit: null,
  picklistValue: null, picklistValueActive: null, validationRule: null, ruleActive: null, listView: null,
  layoutSection: null, layout: null, layoutField: null,
  label: 'propLabel', pluralLabel: 'propPluralLabel', description: 'propDescription', sharing: 'propSharing', nameField: 'propNameField',
  fieldOrder: 'propFieldOrder', property: 'propProperty', type: 'propType', helpText: 'propHelpText', defaultValue: 'propDefaultValue',
  option: 'propOption', expression: 'propExpression', condition: 'propProperty', dependencies: 'propDependencies',
  picklistValueLabel: 'propLabel', picklistValueProperty: 'propProperty', picklistValueOrder: 'propPicklistValueOrder',
  ruleCondition: 'propRuleCondition', ruleMessage: 'propRuleMessage', ruleErrorField: 'propRuleErrorField',
  listViewLabel: 'propLabel', listViewFilter: 'propFilter', listViewColumns: 'propColumns', listViewSort: 'propSort', listViewVisibility: 'propVisibility',
  layoutSectionLabel: 'propLabel', layoutSectionColumns: 'propSectionColumns', layoutOrder: 'propLayoutOrder',
  layoutHeaderFields: 'propHeaderFields', layoutRelatedLists: 'propRelatedLists', index: 'propUnique',
};
const ORDERS = new Set<ChangeWhat>(['fieldOrder', 'picklistValueOrder', 'layoutOrder']);
const LOCALE_NAMES: Record<string, string> = { en: 'English', 'zh-CN': '中文' };
const CONDITIONS: Record<string, PropKey> = { visibleWhen: 'condvisibleWhen', requiredWhen: 'condrequiredWhen', readOnlyWhen: 'condreadOnlyWhen' };

/** A value as a sentence shows it: texts quoted, lists joined, rules and other objects as short JSON. */
export function showValue(v: unknown, t: ReviewText): string {
  if (v === undefined || v === null || v === '') return t('none');
  if (typeof v === 'string') return `“${v}”`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join(', ') : t('none');
  const json = JSON.stringify(v);
  return json.length > 140 ? `${json.slice(0, 139)}…` : json;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const labelIn = (v: unknown): Label | undefined => (v && typeof v === 'object' && 'label' in v ? (v as { label?: Label }).label : undefined);

/** The one-line sentence for a change (its object or value set is the heading it is listed under). */
export function changeSentence(c: MetadataChange, t: ReviewText, label: LabelOf): string {
  return cap(withSubjects(c, own(c, t, label) ?? generic(c, t), t));
}

/** Changes with a sentence of their own; undefined for the generic "property: before → after". */
function own(c: MetadataChange, t: ReviewText, label: LabelOf): string | undefined {
  const name = c.item ?? c.field ?? c.object ?? c.valueSet ?? '';
  const added = c.kind !== 'removed';
  switch (c.what) {
    case 'object':
      return added ? t('objectAdded', { name, label: label(c.after as Label, name) }) : t('objectRemoved', { name });
    case 'valueSet':
      return added ? t('valueSetAdded', { name, label: label(c.after as Label, name) }) : t('valueSetRemoved', { name });
    case 'field':
      return added ? t('fieldAdded', { name, type: String((c.after as { type?: string }).type ?? '') }) : t('fieldRemoved', { name });
    case 'required':
    case 'unique':
    case 'indexed':
      return t(c.after === true ? 'flagOn' : 'flagOff', { flag: t(c.what) });
    case 'audit':
      return t(c.after === false ? 'auditOff' : 'auditOn');
    case 'picklistValue':
      return added ? t('valueAdded', { name, label: label(labelIn(c.after), name) }) : t('valueRemoved', { name });
    case 'picklistValueActive':
      return t(c.after === false ? 'valueDeactivated' : 'valueReactivated', { name });
    case 'validationRule':
      return t(added ? 'ruleAdded' : 'ruleRemoved', { name });
    case 'ruleActive':
      return t(c.after === false ? 'ruleDeactivated' : 'ruleActivated');
    case 'listView':
      return t(added ? 'viewAdded' : 'viewRemoved', { name });
    case 'layoutSection':
      return t(added ? 'sectionAdded' : 'sectionRemoved', { name });
    case 'layout':
      return t(added ? 'layoutAdded' : 'layoutRemoved');
    case 'layoutField': {
      const vars = { name: c.field ?? '', before: String(c.before ?? ''), after: String(c.after ?? '') };
      return t(c.kind === 'added' ? 'layoutFieldPlaced' : c.kind === 'removed' ? 'layoutFieldTaken' : 'layoutFieldMoved', vars);
    }
    case 'index':
      return c.kind === 'changed' ? undefined : t(added ? 'indexAdded' : 'indexRemoved', { name });
    default:
      return undefined;
  }
}

function generic(c: MetadataChange, t: ReviewText): string {
  const key = c.key ?? '';
  const noun = c.what === 'condition' && CONDITIONS[key] ? t(CONDITIONS[key]) : t(PROP[c.what] ?? 'propProperty', { key });
  const prop = c.locale ? t('localeSuffix', { prop: noun, locale: LOCALE_NAMES[c.locale] ?? c.locale }) : noun;
  const vars = { prop, before: showValue(c.before, t), after: showValue(c.after, t) };
  if (ORDERS.has(c.what)) return t('reordered', vars);
  return t(c.kind === 'added' ? 'set' : c.kind === 'removed' ? 'cleared' : 'changed', vars);
}

/** Prefixes the thing inside the object the change is about: its field, value, rule, view, section or index. */
function withSubjects(c: MetadataChange, text: string, t: ReviewText): string {
  const item = c.item ?? '';
  const w = c.what;
  const standalone = w === 'field' || w === 'layoutField' || w === 'validationRule' || w === 'listView' || w === 'layoutSection' || (w === 'index' && c.kind !== 'changed');
  if (standalone) return text;
  let s = text;
  if (w === 'picklistValueLabel' || w === 'picklistValueProperty') s = t('subject', { subject: t('subjectValue', { name: item }), text: s });
  else if (w.startsWith('rule')) s = t('subject', { subject: t('subjectRule', { name: item }), text: s });
  else if (w.startsWith('listView')) s = t('subject', { subject: t('subjectView', { name: item }), text: s });
  else if (w === 'layoutSectionLabel' || w === 'layoutSectionColumns' || w === 'layoutOrder') s = t('subject', { subject: t('subjectSection', { name: item }), text: s });
  else if (w === 'index') s = t('subject', { subject: t('subjectIndex', { name: item }), text: s });
  if (c.field) s = t('subject', { subject: t('subjectField', { name: c.field }), text: s });
  return s;
}
