/** Every variable a json-logic rule reads: {"var": "amount"}, {"var": ["amount"]}, {"var": "account.industry"}. */
export function variablesOf(rule: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(rule)) {
    for (const item of rule) variablesOf(item, out);
  } else if (rule !== null && typeof rule === 'object') {
    const entries = Object.entries(rule as Record<string, unknown>);
    if (entries.length === 1 && entries[0]![0] === 'var') {
      const arg = entries[0]![1];
      const path = Array.isArray(arg) ? arg[0] : arg;
      if (typeof path === 'string' || typeof path === 'number') out.add(String(path));
      else variablesOf(arg, out);
    } else {
      for (const [, value] of entries) variablesOf(value, out);
    }
  }
  return out;
}

/** What the browser knows about the acting user; roles and department only when the session says. */
export interface UserFacts {
  id: string;
  roles?: string[];
  department?: string | null;
}

/** A field of a related record that a rule reads through a lookup: "account.industry". */
export interface LookupRead {
  lookup: string;
  field: string;
}

/**
 * Whether the form can evaluate a rule reading these variables as the server
 * would, and which related records it needs for that. One step through a
 * lookup of this object ("account.industry") is read from the related
 * record, which the form fetches; deeper paths, and $user.roles /
 * $user.department when the session does not carry them, are left to the
 * server, which is authoritative anyway.
 */
export function browserReads(vars: Iterable<string>, user: UserFacts | undefined, lookups: ReadonlySet<string> = new Set()): { decidable: boolean; through: LookupRead[] } {
  const through: LookupRead[] = [];
  for (const v of vars) {
    if (v === '$user.roles' && !user?.roles) return { decidable: false, through };
    if (v === '$user.department' && user?.department === undefined) return { decidable: false, through };
    if (v.startsWith('$') || !v.includes('.')) continue;
    const [lookup, field, ...deeper] = v.split('.');
    if (deeper.length || !lookups.has(lookup!)) return { decidable: false, through };
    through.push({ lookup: lookup!, field: field! });
  }
  return { decidable: true, through };
}

/** Whether the browser can evaluate a rule reading these variables without any related record. */
export const decidableInBrowser = (vars: Iterable<string>, user: UserFacts | undefined): boolean => {
  const r = browserReads(vars, user);
  return r.decidable && r.through.length === 0;
};
