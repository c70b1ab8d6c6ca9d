/**
 * {"var": "field"}: a record field, a field of a related record reached
 * through a lookup ("account.industry", when the record carries the related
 * record as a nested object), or a context variable ($now, $user.*).
 * Anything missing reads as null; a default (2nd element) is not supported
 * and is ignored.
 */
import { formatDatetime } from './temporal';
import { isPlainObject, type RuleContext } from './values';

const own = (o: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** $now, $user.id, $user.roles, $user.department; null for anything else. */
function contextVariable(name: string, context: RuleContext | undefined): unknown {
  if (!context) return null;
  switch (name) {
    case '$now':
      return formatDatetime(context.now.getTime());
    case '$user.id':
      return context.user?.id ?? null;
    case '$user.roles':
      return context.user ? [...context.user.roles] : null;
    case '$user.department':
      return context.user?.department ?? null;
    default:
      return null;
  }
}

/**
 * How a stored value reads in a rule: undefined → null; a Date (as node-pg
 * returns timestamptz) → its ISO string; a nested related record → its id,
 * which is what the lookup column holds in SQL.
 */
function asRuleValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return formatDatetime(value.getTime());
  if (isPlainObject(value)) {
    const id = own(value, 'id') ? value.id : null;
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  }
  return value;
}

/** Reads a variable; own properties only, so "constructor" or "name.length" read as null. */
export function readVariable(path: unknown, record: Record<string, unknown>, context: RuleContext | undefined): unknown {
  if (typeof path !== 'string' && typeof path !== 'number') return null;
  const name = String(path);
  if (name.startsWith('$')) return contextVariable(name, context);
  let value: unknown = record;
  for (const segment of name.split('.')) {
    if (!isPlainObject(value) || !own(value, segment)) return null;
    value = value[segment];
  }
  return asRuleValue(value);
}
