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

/**
 * Whether the form can evaluate a rule reading these variables exactly as the
 * server would. Paths through lookups ("account.industry") need the related
 * record, and $user.roles / $user.department need facts the session may not
 * carry: such rules are left to the server, which is authoritative anyway.
 */
export function decidableInBrowser(vars: Iterable<string>, user: UserFacts | undefined): boolean {
  for (const v of vars) {
    if (v === '$user.roles' && !user?.roles) return false;
    if (v === '$user.department' && user?.department === undefined) return false;
    if (!v.startsWith('$') && v.includes('.')) return false;
  }
  return true;
}
