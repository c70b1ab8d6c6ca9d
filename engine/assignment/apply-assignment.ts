import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext, RecordRow } from '../records/context';
import { expandLookups, ruleContext, truthy } from '../records/validation-rules';
import { notifyAssignments } from '../notifications/notify-assignments';
import { loadAssigneeDirectory, type AssigneeDirectory } from './assignee-directory';
import { chooseAssignee, poolOf } from './choose-assignee';
import { preparedAssignmentRules, type PreparedAssignment } from './prepared-rules';
import { memberAt, reservePositions } from './round-robin';

/** Rows waiting for a turn of one round-robin rule, in row order. */
interface Turns {
  pool: string[];
  rows: number[];
}

const rulesOf = (ctx: RecordContext, obj: CompiledObject): PreparedAssignment => preparedAssignmentRules(obj, ctx.meta.snapshot, ctx.registry);

/**
 * Runs the rules over the rows they may assign: the first active rule whose
 * criteria hold (read on `evaluated`, the rows with lookups expanded) and
 * that lands on a user wins.
 */
function decide(ctx: RecordContext, obj: CompiledObject, prepared: PreparedAssignment, rows: RecordRow[], evaluated: RecordRow[], dir: AssigneeDirectory, problems: Set<string>): { direct: Map<number, string>; turns: Map<string, Turns> } {
  const context = ruleContext(ctx, obj);
  const pools = new Map<string, string[]>();
  const poolFor = (name: string) => () => {
    let pool = pools.get(name);
    if (!pool) {
      const found = poolOf(prepared.rules.find((p) => p.rule.name === name)!.rule, dir);
      found.problems.forEach((p) => problems.add(p));
      pools.set(name, (pool = found.pool));
    }
    return pool;
  };
  const direct = new Map<number, string>();
  const turns = new Map<string, Turns>();
  rows.forEach((row, i) => {
    for (const { rule, criteria } of prepared.rules) {
      if (criteria && !truthy(criteria(evaluated[i]!, context))) continue;
      const outcome = chooseAssignee(rule, row, dir, poolFor(rule.name));
      if (outcome.kind === 'broken') problems.add(outcome.problem);
      if (outcome.kind === 'user') direct.set(i, outcome.user);
      if (outcome.kind === 'pool') {
        const t = turns.get(rule.name) ?? { pool: outcome.pool, rows: [] };
        t.rows.push(i);
        turns.set(rule.name, t);
      }
      if (outcome.kind === 'user' || outcome.kind === 'pool') return;
    }
  });
  return { direct, turns };
}

/**
 * Assignment rules on create (and on demand): each row whose owner was not
 * given explicitly gets the owner of the first active rule whose criteria
 * hold — a user, the next member of a round-robin pool, or the user of the
 * row's territory. Without a match the owner stays (the creator on create).
 * Per call: one query per lookup the criteria read, one to resolve users and
 * roles, one position reservation per round-robin rule. A rule naming an
 * unknown or inactive user (or a role without active users) is skipped for
 * the next one and reported in the log, never failing the write.
 */
export async function applyAssignmentRules(ctx: RecordContext, obj: CompiledObject, rows: Record<string, unknown>[], explicitOwner: boolean[]): Promise<void> {
  const prepared = rulesOf(ctx, obj);
  if (!prepared.rules.length) return;
  const open = rows.map((_r, i) => i).filter((i) => !explicitOwner[i]);
  if (!open.length) return;
  const candidates = open.map((i) => rows[i]!);
  const [evaluated, dir] = await Promise.all([
    prepared.lookupPaths.length ? expandLookups(ctx, obj.def, candidates, prepared.lookupPaths) : Promise.resolve(candidates),
    loadAssigneeDirectory(ctx, prepared.rules.map((p) => p.rule)),
  ]);
  const problems = new Set<string>();
  const { direct, turns } = decide(ctx, obj, prepared, candidates, evaluated, dir, problems);
  for (const [k, user] of direct) rows[open[k]!]!.owner_id = user;
  for (const [rule, t] of turns) {
    const start = await reservePositions(ctx.db, ctx.meta.schema, obj.def.name, rule, t.rows.length);
    t.rows.forEach((k, n) => (rows[open[k]!]!.owner_id = memberAt(t.pool, start + n)));
  }
  for (const problem of problems) ctx.log?.warn({ schema: ctx.meta.schema, object: obj.def.name }, problem);
}

/**
 * After the insert: every record an assignment rule gave to someone other
 * than its creator is announced to its new owner (a summary per owner when a
 * batch gives them more than a handful).
 */
export async function notifyAssignedOwners(ctx: RecordContext, obj: CompiledObject, ids: string[], rows: Record<string, unknown>[], explicitOwner: boolean[]): Promise<void> {
  if (!rulesOf(ctx, obj).rules.length) return;
  const assigned = rows.flatMap((row, i) => {
    const owner = row.owner_id;
    return !explicitOwner[i] && typeof owner === 'string' && owner !== ctx.actor.userId ? [{ id: ids[i]!, owner, name: row.name }] : [];
  });
  if (assigned.length) await notifyAssignments(ctx, obj, assigned);
}
